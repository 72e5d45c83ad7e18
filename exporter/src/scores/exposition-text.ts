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
 * Text kept as UTF-8 in chunks of a fixed size, so tens of megabytes of lines are never a
 * JS string: held as strings until the render, each line outlived a young-generation
 * collection, and the joins that followed made three more copies of the whole text.
 */
class ByteChunks {
  private static readonly SIZE = 64 * 1024;
  private readonly full: Buffer[] = [];
  private chunk: Buffer | undefined;
  private used = 0;

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: then the text surely fits.
    const room = text.length * 3;
    if (this.chunk === undefined || this.chunk.length - this.used < room) {
      if (this.chunk) this.full.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafeSlow(Math.max(ByteChunks.SIZE, room));
      this.used = 0;
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** The bytes written, in order, as views of the chunks. */
  parts(): Buffer[] {
    return this.chunk ? [...this.full, this.chunk.subarray(0, this.used)] : [...this.full];
  }
}

/**
 * One metric's lines in the order they are set. Unlike prom-client, a label set is not looked
 * up again: the caller sets each label set once (the snapshot does, series by series), which
 * keeps ~400 000 keys out of a hash map every cycle. Each line is encoded as it is added.
 */
export class TextGauge {
  /** Every line, each preceded by a newline (the head comes before the first). */
  private readonly lines = new ByteChunks();

  constructor(private readonly spec: TextGaugeSpec) {}

  get name(): string {
    return this.spec.name;
  }

  /** `labels` as rendered by labelText/withLabel, in the spec's label order; none for a plain gauge. */
  add(labels: string | undefined, value: number): void {
    const name = this.spec.name;
    this.lines.write(
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

  /** The gauge's text (no trailing newline) as UTF-8 parts; `before` goes ahead of the head. */
  parts(before = ''): Buffer[] {
    return [Buffer.from(before + this.head(), 'utf8'), ...this.lines.parts()];
  }
}

/**
 * The text of several gauges, in order, as prom-client's Registry.metrics() lays it out, as
 * UTF-8 parts to be sent or compressed one after the other: the lines are never copied
 * into one buffer (10 000 series make tens of megabytes of them).
 */
export function renderGauges(gauges: readonly TextGauge[]): Buffer[] {
  const parts = gauges.flatMap((gauge, i) => gauge.parts(i === 0 ? '' : '\n\n'));
  parts.push(Buffer.from('\n'));
  return parts;
}

/** All the parts' bytes as one string (for tests and tools, not for scrapes). */
export function partsText(parts: readonly Buffer[]): string {
  return Buffer.concat(parts).toString('utf8');
}
