/** The call graph as the rankers use it: who a node depends on, directly or not. */

/** Every node `from` calls, directly or through others (not `from` itself unless in a cycle). */
export function downstreamOf(calls: ReadonlyMap<string, readonly string[]>, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(calls.get(from) ?? [])];
  while (queue.length > 0) {
    const node = queue.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    queue.push(...(calls.get(node) ?? []));
  }
  return seen;
}
