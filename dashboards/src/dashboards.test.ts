import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_PANELS } from './app-panels.js';
import { PROMETHEUS } from './panels.js';
import { OUTPUT_DIR, renderAll } from './render.js';

const rendered = renderAll();

/** The metric names of DESIGN's metric contract table (the one list every writer follows). */
function contractMetrics(): Set<string> {
  const design = readFileSync(new URL('../../../shared/DESIGN.md', import.meta.url), 'utf8');
  const table = design.slice(design.indexOf('## The metric contract'), design.indexOf('## Decisions'));
  return new Set(table.match(/omen_[a-z0-9_]+/g));
}

function exprs(json: string): string[] {
  return [...json.matchAll(/"(?:expr|query)": "((?:[^"\\]|\\.)*)"/g)].map((match) =>
    JSON.parse(`"${match[1]}"`),
  );
}

describe('provisioned dashboards', () => {
  it('are the files the code generates (run `npm run generate -w @omen/dashboards` after a change)', () => {
    const committed = readdirSync(OUTPUT_DIR).filter((file) => file.endsWith('.json'));
    expect(committed.sort()).toEqual([...rendered.keys()].sort());
    for (const [file, json] of rendered) expect(readFileSync(new URL(file, OUTPUT_DIR), 'utf8')).toBe(json);
  });

  it('query only metrics of the contract, through the provisioned Prometheus', () => {
    const contract = contractMetrics();
    const datasource = readFileSync(
      new URL('../../provisioning/grafana/datasources/prometheus.yaml', import.meta.url),
      'utf8',
    );
    expect(datasource).toContain(`uid: ${PROMETHEUS.uid}`);
    for (const [file, json] of rendered) {
      const used = exprs(json).flatMap((expr) => expr.match(/omen_[a-z0-9_]+/g) ?? []);
      expect(used.length, file).toBeGreaterThan(0);
      // Histogram series add _sum/_count to the contract's name.
      const unknown = used.filter((name) => !contract.has(name.replace(/_(sum|count|bucket)$/, '')));
      expect(unknown, file).toEqual([]);
    }
  });

  it('give every panel a unique id and unique dashboard uids', () => {
    const uids = [...rendered.values()].map((json) => JSON.parse(json).uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const json of rendered.values()) {
      const ids = JSON.parse(json).panels.map((panel: { id: number }) => panel.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('use the app’s panels by the ids their plugin.json declare, with options the panels define', () => {
    const panelsDir = new URL('../../grafana-plugin/src/panels/', import.meta.url);
    const declared = new Map<string, string>();
    for (const dir of readdirSync(panelsDir, { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    )) {
      const id = JSON.parse(readFileSync(new URL(`${dir.name}/plugin.json`, panelsDir), 'utf8')).id;
      // The option builders: the panel's module and the shared builders it imports.
      const module = readFileSync(new URL(`${dir.name}/module.tsx`, panelsDir), 'utf8');
      const helpers = [...module.matchAll(/from '(\.\.\/\.\.\/components\/[^']+)'/g)].map((match) =>
        readFileSync(new URL(`${dir.name}/${match[1]}.ts`, panelsDir), 'utf8'),
      );
      declared.set(id, [module, ...helpers].join('\n'));
    }
    const used = new Set<string>();
    for (const [file, json] of rendered) {
      for (const panel of JSON.parse(json).panels as { type: string; options?: object }[]) {
        if (!panel.type.startsWith('omen-')) continue;
        used.add(panel.type);
        expect(declared.has(panel.type), `${file}: ${panel.type}`).toBe(true);
        for (const option of Object.keys(panel.options ?? {})) {
          expect(declared.get(panel.type), `${file}: ${panel.type} option ${option}`).toContain(
            `path: '${option}'`,
          );
        }
      }
    }
    expect([...used].sort()).toEqual(Object.values(APP_PANELS).sort());
  });
});
