/**
 * Gauges that only ever render text, for the per-series part of /metrics. prom-client's
 * Gauge hashes every label set into a map and renders through generic paths; with 10 000
 * series × ~40 lines that cost a second of CPU per cycle. These keep the same text format
 * (HELP, TYPE, one line per label set in first-set order, a later set overwriting the value,
 * blocks separated by a blank line), so scrapes and the golden file see no difference.
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

export class TextGauge {
  /** Rendered `name{labels}` → value; a Map keeps first-insertion order. */
  private readonly lines = new Map<string, number>();

  constructor(private readonly spec: TextGaugeSpec) {}

  set(labels: Readonly<Record<string, string>>, value: number): void;
  set(value: number): void;
  set(labelsOrValue: Readonly<Record<string, string>> | number, value?: number): void {
    if (typeof labelsOrValue === 'number') {
      this.lines.set(this.spec.name, labelsOrValue);
      return;
    }
    let key = `${this.spec.name}{`;
    this.spec.labels.forEach((label, i) => {
      const text = labelsOrValue[label];
      if (text === undefined) throw new Error(`${this.spec.name}: label ${label} is missing`);
      key += `${i === 0 ? '' : ','}${label}="${escapeLabelValue(text)}"`;
    });
    this.lines.set(`${key}}`, value as number);
  }

  render(): string {
    const name = this.spec.name;
    const help = this.spec.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    let text = `# HELP ${name} ${help}\n# TYPE ${name} gauge`;
    for (const [series, value] of this.lines) text += `\n${series} ${formatValue(value)}`;
    return text;
  }
}

/** The text of several gauges, in order, as prom-client's Registry.metrics() lays it out. */
export function renderGauges(gauges: readonly TextGauge[]): string {
  return `${gauges.map((gauge) => gauge.render()).join('\n\n')}\n`;
}
