/**
 * Gauges that only ever render text, for the per-series part of /metrics. prom-client's
 * Gauge hashes every label set into a map and renders through generic paths; with 10 000
 * series × ~40 lines that cost a second of CPU per cycle. These keep the same text format
 * (HELP, TYPE, one line per label set in the order set, blocks separated by a blank line), so
 * scrapes and the golden file see no difference.
 */
import { concatGzipped, GzipMembers, type GzippedText } from './gzip-members.js';

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
 * keeps ~400 000 keys out of a hash map every cycle. Each line is encoded, and gzipped
 * with its neighbours, as it is added (gzip-members.ts).
 */
export class TextGauge {
  /** The head, then every line, each preceded by a newline. */
  private readonly text = new GzipMembers();

  constructor(private readonly spec: TextGaugeSpec) {
    this.text.write(this.head());
  }

  get name(): string {
    return this.spec.name;
  }

  /** `labels` as rendered by labelText/withLabel, in the spec's label order; none for a plain gauge. */
  add(labels: string | undefined, value: number): void {
    const name = this.spec.name;
    this.text.write(
      labels === undefined ? `\n${name} ${formatValue(value)}` : `\n${name}{${labels}} ${formatValue(value)}`,
    );
  }

  /** The same, from a label object (slower: renders the labels). */
  set(labels: Readonly<Record<string, string>>, value: number): void {
    this.add(labelText(this.spec.labels, labels), value);
  }

  private head(): string {
    const name = this.spec.name;
    const help = this.spec.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    return `# HELP ${name} ${help}\n# TYPE ${name} gauge`;
  }

  /** The gauge's text, gzipped, with `after` at its end; nothing can be added after. */
  finish(after = ''): GzippedText {
    if (after !== '') this.text.write(after);
    return this.text.finish();
  }
}

/**
 * The text of several gauges, in order, as prom-client's Registry.metrics() lays it out
 * (blocks separated by a blank line, a newline at the end), gzipped (gzip-members.ts).
 */
export function renderGauges(gauges: readonly TextGauge[]): GzippedText {
  return concatGzipped(gauges.map((gauge, i) => gauge.finish(i === gauges.length - 1 ? '\n' : '\n\n')));
}
