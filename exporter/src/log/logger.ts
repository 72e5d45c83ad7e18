/**
 * Structured logs with levels (DESIGN Decision 15): JSON for log pipelines, logfmt for
 * people. Secrets are redacted by key, wherever they appear in a log object.
 */
import { pino, type Logger } from 'pino';

export type { Logger };
export type LogFormat = 'json' | 'logfmt';

const REDACT = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

function logfmtValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s="]/.test(text) || text === '' ? JSON.stringify(text) : text;
}

/** Turns pino's JSON lines into `time=… level=… msg=… key=value` lines. */
function logfmtStream(out: NodeJS.WritableStream) {
  return {
    write(line: string) {
      const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const head = [`time=${new Date(time as number).toISOString()}`, `level=${String(level)}`];
      if (msg !== undefined) head.push(`msg=${logfmtValue(msg)}`);
      const tail = Object.entries(rest).map(([key, value]) => `${key}=${logfmtValue(value)}`);
      out.write(`${[...head, ...tail].join(' ')}\n`);
    },
  };
}

export function createLogger(options: {
  level: string;
  format: LogFormat;
  name?: string;
  destination?: NodeJS.WritableStream;
}): Logger {
  const out = options.destination ?? process.stderr;
  return pino(
    {
      level: options.level,
      base: options.name ? { component: options.name } : {},
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.format === 'logfmt' ? logfmtStream(out) : (out as unknown as pino.DestinationStream),
  );
}
