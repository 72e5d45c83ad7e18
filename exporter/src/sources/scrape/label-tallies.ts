/**
 * The scrape source's running tallies for RCA's label contrast. A scrape signal sums its
 * counters by service before it is stored, and no Prometheus holds the history to ask
 * later, so each scrape adds every counter's increase since the previous scrape to a
 * per-minute tally of its (signal, service, label, value) — for a `contrastBy` signal's
 * events counter and, for a ratio, its all-events counter (where errors are expected) — and
 * keeps `keepMs` of them: enough for a baseline and the start of an incident.
 *
 * Increases follow the counter rules of `counter-rates.ts`: a drop is a restart from
 * zero, and a series' first scrape has no increase yet. A label with more than
 * `maxValues` values per service folds the rest into "(other)", bounding the memory.
 */
import type { SignalConfig } from '../../config/schema.js';
import type { LabelBreakdown } from '../../models/rca/label-contrast.js';
import type { TimeRange } from '../../store/store.js';
import { trafficInforms, valueCounts, type BreakdownReader } from '../breakdown.js';
import { seriesKey, type ExpositionSample } from './sample.js';
import { matchesSelector, parseSelector, type Selector } from './selector.js';
import { serviceOf } from './signal-evaluation.js';

export interface TallyOptions {
  bucketMs: number;
  keepMs: number;
  maxValues: number;
}

export const DEFAULT_TALLY_OPTIONS: TallyOptions = { bucketMs: 60_000, keepMs: 3 * 3_600_000, maxValues: 50 };
export const OTHER_VALUES = '(other)';

type Kind = 'events' | 'traffic';

interface Tallied {
  name: string;
  by: readonly string[];
  labels: readonly string[];
  selectors: { events: Selector; traffic?: Selector };
}

/** Where one counter's increases are added: a tally and the counter's value of its label. */
interface Target {
  key: string;
  value: string;
}

/** Per value: tallies by bucket start. */
type ValueTallies = Map<string, Map<number, number>>;

function talliedSignal(signal: SignalConfig): Tallied | undefined {
  if (signal.type === 'rate' && signal.contrastBy.length > 0)
    return {
      name: signal.name,
      by: signal.by,
      labels: signal.contrastBy,
      selectors: { events: parseSelector(signal.selector) },
    };
  if (signal.type === 'ratio' && signal.contrastBy.length > 0)
    return {
      name: signal.name,
      by: signal.by,
      labels: signal.contrastBy,
      selectors: { events: parseSelector(signal.numerator), traffic: parseSelector(signal.denominator) },
    };
  return undefined;
}

const tallyKey = (signal: string, kind: Kind, service: string, label: string) =>
  `${signal}\u0000${kind}\u0000${service}\u0000${label}`;

export class LabelTallies implements BreakdownReader {
  private readonly signals: Tallied[];
  /** Each counter series' last value, and the tallies its increases go to (found once, on first sight). */
  private readonly last = new Map<string, { value: number; seenMs: number; targets: Target[] }>();
  private readonly tallies = new Map<string, ValueTallies>();
  private prunedBucket = Number.NEGATIVE_INFINITY;
  /** The span the tallies cover: from the first scrape, or the oldest bucket kept, to the newest scrape. */
  private firstMs: number | undefined;
  private newestMs = Number.NEGATIVE_INFINITY;

  constructor(
    readonly source: string,
    signals: readonly SignalConfig[],
    private readonly options: TallyOptions = DEFAULT_TALLY_OPTIONS,
  ) {
    this.signals = signals.flatMap((signal) => talliedSignal(signal) ?? []);
  }

  get empty(): boolean {
    return this.signals.length === 0;
  }

  /** One scrape's counter samples, all taken at `nowMs`. */
  observe(samples: Iterable<ExpositionSample>, nowMs: number): void {
    const bucket = Math.floor(nowMs / this.options.bucketMs) * this.options.bucketMs;
    this.firstMs ??= nowMs;
    this.newestMs = Math.max(this.newestMs, nowMs);
    for (const sample of samples) {
      const key = seriesKey(sample.name, sample.labels);
      const previous = this.last.get(key);
      if (previous && previous.seenMs >= nowMs) continue;
      const targets = previous?.targets ?? this.targetsOf(sample);
      this.last.set(key, { value: sample.value, seenMs: nowMs, targets });
      if (!previous || targets.length === 0) continue;
      const increase = sample.value >= previous.value ? sample.value - previous.value : sample.value;
      if (increase > 0) for (const target of targets) this.add(target, increase, bucket);
    }
    // Tallies only age out a bucket at a time: pruning once per bucket is enough.
    if (bucket !== this.prunedBucket) {
      this.prunedBucket = bucket;
      this.forgetBefore(nowMs - this.options.keepMs);
    }
  }

  async read({ signal, service, incident, baseline }: Parameters<BreakdownReader['read']>[0]) {
    const tallied = this.signals.find((s) => s.name === signal);
    // Tallies that no longer reach into the baseline cannot tell what changed: say nothing.
    if (!tallied || !this.covers(baseline)) return [];
    const sum = (kind: Kind, label: string, range: TimeRange) => {
      const sums = new Map<string, number>();
      for (const [value, buckets] of this.tallies.get(tallyKey(signal, kind, service, label)) ?? []) {
        let total = 0;
        for (const [start, count] of buckets) if (start >= range.fromMs && start < range.toMs) total += count;
        sums.set(value, total);
      }
      return sums;
    };
    return Promise.resolve(
      tallied.labels.map((label): LabelBreakdown => ({
        label,
        values: valueCounts(
          sum('events', label, incident),
          sum('events', label, baseline),
          tallied.selectors.traffic && trafficInforms(tallied.selectors.events, label)
            ? { baseline: sum('traffic', label, baseline), incident: sum('traffic', label, incident) }
            : undefined,
        ),
      })),
    );
  }

  private covers(range: TimeRange): boolean {
    if (this.firstMs === undefined) return false;
    const keptFromMs = Math.max(this.firstMs, this.newestMs - this.options.keepMs);
    return keptFromMs < range.toMs;
  }

  private targetsOf(sample: ExpositionSample): Target[] {
    return this.signals.flatMap((signal) => {
      const service = serviceOf(sample.labels, signal.by);
      if (service === undefined) return [];
      return (['events', 'traffic'] as const)
        .filter((kind) => signal.selectors[kind] && matchesSelector(signal.selectors[kind], sample))
        .flatMap((kind) =>
          signal.labels.map((label) => ({
            key: tallyKey(signal.name, kind, service, label),
            value: sample.labels[label] ?? '',
          })),
        );
    });
  }

  private add(target: Target, increase: number, bucket: number) {
    const values: ValueTallies = this.tallies.get(target.key) ?? new Map();
    this.tallies.set(target.key, values);
    const value =
      values.has(target.value) || values.size < this.options.maxValues ? target.value : OTHER_VALUES;
    const buckets = values.get(value) ?? new Map<number, number>();
    values.set(value, buckets);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + increase);
  }

  private forgetBefore(startMs: number) {
    for (const [key, seen] of this.last) if (seen.seenMs < startMs) this.last.delete(key);
    for (const [key, values] of this.tallies) {
      for (const [value, buckets] of values) {
        for (const start of buckets.keys()) if (start < startMs) buckets.delete(start);
        if (buckets.size === 0) values.delete(value);
      }
      if (values.size === 0) this.tallies.delete(key);
    }
  }
}
