import { createRequire } from 'node:module';

/** The exporter's version, from its package.json (same relative path from src/ and dist/). */
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string })
  .version;
