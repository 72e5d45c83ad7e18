// tsc copies no SQL: migrations ship beside the compiled store code.
import { cpSync, existsSync } from 'node:fs';
const from = new URL('../src/store/duckdb/migrations', import.meta.url);
const to = new URL('../dist/store/duckdb/migrations', import.meta.url);
if (existsSync(from)) cpSync(from, to, { recursive: true });
