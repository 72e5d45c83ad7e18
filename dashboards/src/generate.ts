/** Writes every dashboard of the registry to provisioning/grafana/dashboards/json/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { OUTPUT_DIR, renderAll } from './render.js';

mkdirSync(OUTPUT_DIR, { recursive: true });
for (const [file, json] of renderAll()) {
  writeFileSync(new URL(file, OUTPUT_DIR), json);
  process.stdout.write(`wrote provisioning/grafana/dashboards/json/${file}\n`);
}
