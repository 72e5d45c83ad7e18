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

function nodeOffset(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node
    ? (node as { range?: [number, number, number] }).range?.[0]
    : undefined;
}

/**
 * "line 12: " for the node at `path` (or the key named `key` inside it); a missing key is
 * located at the nearest enclosing node that exists.
 */
export function locate(doc: Document, lines: LineCounter, path: KeyPath, key?: string): string {
  let offset: number | undefined;
  for (let depth = path.length; depth >= 0 && offset === undefined; depth -= 1) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    } else {
      offset = nodeOffset(node);
    }
  }
  return offset === undefined ? '' : `line ${lines.linePos(offset).line}: `;
}

function boundText(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  if (issue.origin !== 'number' && issue.origin !== 'int') return issue.message;
  if (issue.code === 'too_big') {
    return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
  }
  return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
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
    case 'too_big':
    case 'too_small':
      return [{ path: issue.path, text: boundText(issue) }];
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
