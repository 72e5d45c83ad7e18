/**
 * Acknowledgements and verdicts on anomalies: stored, counted (`omen_feedback_total`),
 * turned into each model's precision (`omen_model_feedback_precision`), and fed to the
 * series' sensitivity so the next cycle already applies the false-positive rule.
 */
import type { Counter, Gauge } from 'prom-client';
import type { AnomalyAck, FeedbackRecord, FeedbackStore, StoredAnomaly, Verdict } from '../store/store.js';
import type { SeriesSensitivity } from './series-sensitivity.js';

export interface FeedbackMetrics {
  feedback: Counter<string>;
  modelFeedbackPrecision: Gauge<string>;
}

const VERDICTS: readonly Verdict[] = ['true_positive', 'false_positive'];

export class AnomalyFeedback {
  constructor(
    private readonly store: FeedbackStore,
    private readonly sensitivity: SeriesSensitivity,
    private readonly metrics: FeedbackMetrics,
    private readonly clock: () => number = Date.now,
  ) {
    // Counters exist from the start with 0, so rate() works from the first scrape.
    for (const verdict of VERDICTS) metrics.feedback.inc({ verdict }, 0);
  }

  /** Reads recent feedback into the series' sensitivity and publishes precision. */
  async start(): Promise<void> {
    await this.sensitivity.load(this.store, this.clock());
    await this.publishPrecision();
  }

  getAnomaly(id: string): Promise<StoredAnomaly | undefined> {
    return this.store.getAnomaly(id);
  }

  /** The first acknowledgement stands; `already` tells a repeat apart. */
  async acknowledge(anomaly: StoredAnomaly, actor: string): Promise<{ ack: AnomalyAck; already: boolean }> {
    const nowMs = this.clock();
    const [ack] = await this.store.acknowledgeAnomalies([anomaly.id], actor, nowMs);
    if (!ack) throw new Error(`acknowledging anomaly ${anomaly.id} stored nothing`);
    return { ack, already: ack.atMs !== nowMs || ack.actor !== actor };
  }

  acknowledgeAll(ids: readonly string[], actor: string): Promise<AnomalyAck[]> {
    return this.store.acknowledgeAnomalies(ids, actor, this.clock());
  }

  /** Stores the verdict and returns the series' active bar from now on. */
  async judge(
    anomaly: StoredAnomaly,
    verdict: Verdict,
    note: string,
    actor: string,
  ): Promise<{ record: FeedbackRecord; activeAt: number }> {
    const record: FeedbackRecord = {
      anomalyId: anomaly.id,
      signal: anomaly.signal,
      service: anomaly.service,
      model: anomaly.model,
      verdict,
      note,
      actor,
      atMs: this.clock(),
    };
    await this.store.writeFeedback(record);
    this.metrics.feedback.inc({ verdict });
    this.sensitivity.note(record, record);
    await this.publishPrecision();
    return { record, activeAt: this.sensitivity.activeAt(record.signal, record.service, record.atMs) };
  }

  private async publishPrecision(): Promise<void> {
    for (const { model, truePositives, falsePositives } of await this.store.countFeedbackByModel()) {
      const judged = truePositives + falsePositives;
      if (judged > 0) this.metrics.modelFeedbackPrecision.set({ model }, truePositives / judged);
    }
  }
}
