import { Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { labelText, renderGauges, TextGauge, withLabel } from './exposition-text.js';
import { gunzipText } from './gzip-members.js';

const SPECS = [
  { name: 'a_value', help: 'A value\\with a backslash\nand a newline.', labels: ['signal', 'service'] },
  { name: 'b_bound', help: 'Bounds.', labels: ['signal', 'service', 'bound'] },
  { name: 'c_empty', help: 'Never set.', labels: ['service'] },
  { name: 'd_count', help: 'No labels.', labels: [] },
] as const;

type Write = [number, Record<string, string>, number] | [number, number];

// Awkward label values and infinities; each label set once, as the snapshot sets them.
const WRITES: Write[] = [
  [0, { signal: 'error_ratio', service: 'pay"ments' }, 0.25],
  [0, { signal: 'error_ratio', service: 'back\\slash\nnewline' }, -1e-9],
  [1, { signal: 's', service: 'x', bound: 'upper_95' }, Number.POSITIVE_INFINITY],
  [1, { signal: 's', service: 'x', bound: 'lower_95' }, Number.NEGATIVE_INFINITY],
  [1, { signal: 's', service: 'x', bound: 'point' }, 12345678901234],
  [3, 7],
];

describe('TextGauge', () => {
  it('renders exactly what prom-client renders for the same writes', async () => {
    const registry = new Registry();
    const theirs = SPECS.map(
      (spec) =>
        new Gauge({ name: spec.name, help: spec.help, labelNames: [...spec.labels], registers: [registry] }),
    );
    const ours = SPECS.map((spec) => new TextGauge(spec));
    for (const write of WRITES) {
      if (write.length === 2) {
        theirs[write[0]]!.set(write[1]);
        ours[write[0]]!.add(undefined, write[1]);
      } else {
        theirs[write[0]]!.set(write[1], write[2]);
        ours[write[0]]!.set(write[1], write[2]);
      }
    }
    expect(gunzipText(renderGauges(ours))).toBe(await registry.metrics());
  });

  it('renders megabytes of lines with multi-byte labels as prom-client does', async () => {
    const registry = new Registry();
    const spec = { name: 'big', help: 'Many lines.', labels: ['signal', 'service'] } as const;
    const theirs = new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: [...spec.labels],
      registers: [registry],
    });
    const ours = new TextGauge(spec);
    // Lines of 1…3 bytes a character, across several gzip members.
    for (let i = 0; i < 20_000; i += 1) {
      const labels = { signal: 'é'.repeat(i % 50), service: `€😀-${i}` };
      theirs.set(labels, i / 7);
      ours.set(labels, i / 7);
    }
    const rendered = renderGauges([ours]);
    expect(rendered.members.length).toBeGreaterThan(3);
    const text = await registry.metrics();
    expect(gunzipText(rendered)).toBe(text);
    expect(rendered.length).toBe(Buffer.byteLength(text));
  });

  it('writes NaN as the exposition format spells it', () => {
    const gauge = new TextGauge({ name: 'x', help: 'h', labels: [] });
    gauge.add(undefined, Number.NaN);
    expect(gunzipText(gauge.finish())).toBe('# HELP x h\n# TYPE x gauge\nx NaN');
  });

  it('renders a label set once for all the lines that share it', () => {
    const series = labelText(['signal', 'service'], { signal: 'e', service: 'a"b' });
    expect(series).toBe('signal="e",service="a\\"b"');
    expect(withLabel(series, 'bound', 'point')).toBe('signal="e",service="a\\"b",bound="point"');
  });

  it('refuses a label set that lacks one of its labels', () => {
    const gauge = new TextGauge({ name: 'x', help: 'h', labels: ['signal', 'service'] });
    expect(() => gauge.set({ signal: 'a' }, 1)).toThrow(/label service is missing/);
  });
});
