/** Boundary validation: a zod failure becomes a 400 that names the parameter. */
import type { z } from 'zod';
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
