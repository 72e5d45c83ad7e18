/** Boundary validation: a zod failure becomes a 400 that names the parameter. */
import type { z } from 'zod';
import { InvalidCursorError } from '../store/store.js';
import { ApiError } from './errors.js';

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.map(String).join('.') || where;
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown ${where} parameter: ${name}`
      : `invalid ${where} parameter "${name}": ${issue.message.replace(/^Invalid input: /, '')}`;
  throw new ApiError(400, 'invalid_parameter', message, { parameter: name });
}

/** RFC 3339 or Unix seconds → Unix milliseconds. */
export function parseTimeParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * 1000) : Date.parse(value);
}

/** The `from` and `to` query parameters as Unix ms; `from` after `to` is a 400. */
export function timeRangeOrThrow(query: { from?: string; to?: string }): { fromMs?: number; toMs?: number } {
  const fromMs = parseTimeParam(query.from);
  const toMs = parseTimeParam(query.to);
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    throw new ApiError(400, 'invalid_parameter', 'invalid query parameter "from": it is after "to"', {
      parameter: 'from',
    });
  }
  return { fromMs, toMs };
}

/** `events[3].service`: the path of a field in a JSON body, as a client would write it. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/** A request body that fails its schema becomes a 400 naming the first bad field. */
export function parseBodyOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = fieldPath(unknownKey === undefined ? issue.path : [...issue.path, unknownKey]) || 'body';
  const reason =
    unknownKey !== undefined
      ? 'unknown field'
      : issue.code === 'invalid_type' && /received undefined/.test(issue.message)
        ? 'required'
        : issue.message.replace(/^(Invalid input|Invalid option|Too small|Too big): /, '');
  throw new ApiError(400, 'invalid_body', `${field}: ${reason}`, { field });
}

/** A page read with a client's cursor: a cursor the store did not hand out is a 400. */
export async function pageWithCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiError(400, 'invalid_parameter', `invalid query parameter "cursor": ${error.message}`, {
        parameter: 'cursor',
      });
    }
    throw error;
  }
}
