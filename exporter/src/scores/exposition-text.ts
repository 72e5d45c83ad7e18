/**
 * Gauges that only ever render text, for the per-series part of /metrics. prom-client's
 * Gauge hashes every label set into a map and renders through generic paths; with 10 000
 * series × ~40 lines that cost a second of CPU per cycle. These keep the same text format
 * (HELP, TYPE, one line per label set in the order set, blocks separated by a blank line), so
 * scrapes and the golden file see no difference.
 */

export interface TextGaugeSpec {
  name: string;
  help: string;
  labels: readonly string[];
}

const NEEDS_ESCAPE = /[\\\n"]/;

function escapeLabelValue(value: string): string {
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
    : value;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value < 0 ? '-Inf' : '+Inf';
  return `${value}`;
}

/** A label set rendered once (`signal="x",service="y"`), to be shared by every line of a series. */
export function labelText(labels: readonly string[], values: Readonly<Record<string, string>>): string {
  let text = '';
  labels.forEach((label, i) => {
    const value = values[label];
    if (value === undefined) throw new Error(`label ${label} is missing`);
    text += `${i === 0 ? '' : ','}${label}="${escapeLabelValue(value)}"`;
  });
  return text;
}

/** Appends `,label="value"` to a rendered label set. */
export function withLabel(rendered: string, label: string, value: string): string {
  return `${rendered},${label}="${escapeLabelValue(value)}"`;
}

/**
 * One metric's lines in the order they are set. Unlike prom-client, a label set is not looked
 * up again: the caller sets each label set once (the snapshot does, series by series), which
 * keeps ~400 000 keys out of a hash map every cycle.
 */
export class TextGauge {
  private readonly lines: string[] = [];

  constructor(private readonly spec: TextGaugeSpec) {}

  get name(): string {
    return this.spec.name;
  }

  /** `labels` as rendered by labelText/withLabel, in the spec's label order; none for a plain gauge. */
  add(labels: string | undefined, value: number): void {
    const series = labels === undefined ? this.spec.name : `${this.spec.name}{${labels}}`;
    this.lines.push(`${series} ${formatValue(value)}`);
  }

  /** The same, from a label object (slower: renders the labels). */
  set(labels: Readonly<Record<string, string>>, value: number): void {
    this.add(labelText(this.spec.labels, labels), value);
  }

  render(): string {
    const name = this.spec.name;
    const help = this.spec.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    const head = `# HELP ${name} ${help}\n# TYPE ${name} gauge`;
    return this.lines.length === 0 ? head : `${head}\n${this.lines.join('\n')}`;
  }
}

/** The text of several gauges, in order, as prom-client's Registry.metrics() lays it out. */
export function renderGauges(gauges: readonly TextGauge[]): string {
  return `${gauges.map((gauge) => gauge.render()).join('\n\n')}\n`;
}
