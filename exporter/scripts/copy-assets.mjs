// tsc copies no SQL: migrations ship beside the compiled store code. The target is
// replaced, not merged, so a renamed or removed migration never lingers in dist/.
import { cpSync, existsSync, rmSync } from 'node:fs';
const from = new URL('../src/store/duckdb/migrations', import.meta.url);
const to = new URL('../dist/store/duckdb/migrations', import.meta.url);
rmSync(to, { recursive: true, force: true });
if (existsSync(from)) cpSync(from, to, { recursive: true });
