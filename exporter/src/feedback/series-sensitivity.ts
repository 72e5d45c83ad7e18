/**
 * Each series' recent verdicts, in memory, so the pipeline can ask for its active bar
 * every cycle without a query: loaded from the store at start, added to as operators
 * give feedback, pruned past the lookback.
 */
import type { FeedbackStore, SeriesKey } from '../store/store.js';
import { activeBar, type SensitivityRule, type TimedVerdict } from './sensitivity-rule.js';

const keyOf = (signal: string, service: string) => JSON.stringify([signal, service]);

export class SeriesSensitivity {
  private readonly verdicts = new Map<string, TimedVerdict[]>();

  constructor(
    private readonly baseActiveAt: number,
    private readonly rule: SensitivityRule,
  ) {}

  async load(store: Pick<FeedbackStore, 'readFeedbackSince'>, nowMs: number): Promise<number> {
    const records = await store.readFeedbackSince(nowMs - this.rule.lookbackMs);
    for (const record of records) this.note(record, record);
    return records.length;
  }

  note(series: SeriesKey, verdict: TimedVerdict): void {
    const key = keyOf(series.signal, series.service);
    const list = this.verdicts.get(key) ?? [];
    list.push({ verdict: verdict.verdict, atMs: verdict.atMs });
    this.verdicts.set(key, list);
  }

  /** The score the series must reach to be active now. */
  activeAt(signal: string, service: string, nowMs: number): number {
    const key = keyOf(signal, service);
    const list = this.verdicts.get(key);
    if (!list) return this.baseActiveAt;
    const kept = list.filter((verdict) => verdict.atMs >= nowMs - this.rule.lookbackMs);
    if (kept.length === 0) {
      this.verdicts.delete(key);
      return this.baseActiveAt;
    }
    if (kept.length !== list.length) this.verdicts.set(key, kept);
    return activeBar(this.baseActiveAt, kept, nowMs, this.rule);
  }
}
