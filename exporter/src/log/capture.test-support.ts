/** A logger whose JSON lines tests can read, so a test asserts what an operator would see. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from './logger.js';

export function captureLogs(level = 'debug'): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level, format: 'json', destination }), text: () => lines.join('') };
}
