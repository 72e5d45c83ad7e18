/**
 * Turns schema issues into the messages an operator reads: the key path, where it is in
 * the file, and what was expected — one line per problem, no stack trace.
 */
import type { z } from 'zod';
import { isMap, isScalar, LineCounter, type Document } from 'yaml';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export type KeyPath = readonly PropertyKey[];

export function formatPath(path: KeyPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/** "line 12" of the node at `path` (or of the key named `key` inside it), when the document has it. */
export function locate(doc: Document, lines: LineCounter, path: KeyPath, key?: string): string {
  const node = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  let offset: number | undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  } else if (node && typeof node === 'object' && 'range' in node) {
    offset = (node as { range?: [number, number, number] }).range?.[0];
  }
  if (offset === undefined) return '';
  return `line ${lines.linePos(offset).line}: `;
}

function describe(issue: z.core.$ZodIssue): { path: KeyPath; key?: string; text: string }[] {
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...issue.path, key],
        key,
        text: 'unknown key (check the spelling; see the configuration reference in README.md)',
      }));
    case 'invalid_type':
      return [
        {
          path: issue.path,
          text: /received undefined/.test(issue.message)
            ? `is required (expected ${issue.expected})`
            : `expected ${issue.expected}, ${issue.message.replace(/^.*?expected \w+, /, '')}`,
        },
      ];
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options)
        return [
          { path: issue.path, text: `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}` },
        ];
      return [{ path: issue.path, text: issue.message }];
    }
    default:
      return [{ path: issue.path, text: issue.message.replace(/^Invalid input: /, '') }];
  }
}

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  lines: LineCounter,
): string[] {
  return issues.flatMap(describe).map(({ path, key, text }) => {
    const parentPath = key === undefined ? path : path.slice(0, -1);
    return `${locate(doc, lines, parentPath, key)}${formatPath(path)}: ${text}`;
  });
}

export { LineCounter };
