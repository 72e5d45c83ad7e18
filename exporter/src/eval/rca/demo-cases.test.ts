import { describe, expect, it } from 'vitest';
import { INCIDENT_NAMES } from '../../demo/incident-catalog.js';
import { callersOf, ENTRY_SERVICE, SERVICE_NAMES } from '../../demo/topology.js';
import { demoCases } from './demo-cases.js';

describe("RCA cases from the demo application's cascades", () => {
  const { cases, silent } = demoCases({ seed: 1 });

  it('has cases for every incident kind, one per target service (or says which stayed silent)', () => {
    expect(cases.length + silent.length).toBe(INCIDENT_NAMES.length * SERVICE_NAMES.length);
    for (const name of INCIDENT_NAMES)
      expect(
        cases.some((c) => c.id.startsWith(`demo/${name}@`)),
        name,
      ).toBe(true);
    expect(new Set(cases.map((c) => c.rootCause))).toEqual(new Set(SERVICE_NAMES));
    expect(new Set(cases.map((c) => c.targetMetric))).toEqual(new Set(['availability', 'latency']));
  });

  it('roots each case at the incident’s target, seen from a service that depends on it', () => {
    for (const c of cases) {
      const [, target] = /^demo\/\w+@(\w+)$/.exec(c.id)!;
      expect(c.rootCause, c.id).toBe(target);
      const { node } = c.input.symptom;
      const root = c.rootCause as (typeof SERVICE_NAMES)[number];
      if (root === ENTRY_SERVICE) expect(node, c.id).toBe(root);
      else expect(callersOf(root), c.id).toContain(node);
      expect(c.input.calls!.get(ENTRY_SERVICE)).toEqual(['catalog', 'checkout']);
      expect(c.input.series.filter((s) => s.node === c.rootCause)).toHaveLength(3);
    }
    expect(cases.filter((c) => c.input.symptom.node === ENTRY_SERVICE).length).toBeGreaterThan(
      cases.length / 2,
    );
  });

  it('is the same for the same seed and differs for another', () => {
    const again = demoCases({ seed: 1 });
    expect(again.cases.map((c) => c.input.series[0]!.window)).toEqual(
      cases.map((c) => c.input.series[0]!.window),
    );
    const other = demoCases({ seed: 2 });
    expect(other.cases[0]!.input.series[0]!.window).not.toEqual(cases[0]!.input.series[0]!.window);
  });
});
