/**
 * Each series' detector state between cycles, and in the store across restarts. Saving
 * every state every cycle would rewrite thousands of histories per cycle, so each cycle
 * saves a rotating slice (every series at least once per `saveEvery` cycles) and stop()
 * saves all. What a crash loses is replayed from the store's samples on restart: the
 * state says up to when it has seen, and the samples after that are still there.
 */
import type { Logger } from '../log/logger.js';
import type { AnomalyDetector, AnomalyResult } from '../models/types.js';
import type { ModelState, ModelStateStore, SeriesKey } from '../store/store.js';
import { seriesKey } from './series-tracker.js';

export interface SeriesModel extends SeriesKey {
  state: unknown;
  /** Newest sample the state has seen. */
  lastMs: number;
  /** The newest point's result, published until the next point arrives. */
  result: AnomalyResult | null;
}

interface SavedModel {
  lastMs: number;
  result: AnomalyResult | null;
  state: unknown;
}

export class DetectorMemory {
  private readonly models = new Map<string, SeriesModel>();
  private cycle = 0;

  constructor(
    private readonly detector: AnomalyDetector,
    private readonly store: ModelStateStore,
    private readonly logger: Logger,
    private readonly saveEvery: number,
  ) {}

  get(signal: string, service: string): SeriesModel | undefined {
    return this.models.get(seriesKey(signal, service));
  }

  set(model: SeriesModel): void {
    this.models.set(seriesKey(model.signal, model.service), model);
  }

  forget(signal: string, service: string): void {
    this.models.delete(seriesKey(signal, service));
  }

  /** Forgets every series `keep` says no to. */
  retain(keep: (signal: string, service: string) => boolean): void {
    for (const [key, model] of this.models) if (!keep(model.signal, model.service)) this.models.delete(key);
  }

  /** Loads the saved states; one that does not decode is dropped (that series is replayed). */
  async restore(): Promise<{ restored: number; dropped: number }> {
    let dropped = 0;
    for (const saved of await this.store.loadModelStates(this.detector.name)) {
      try {
        const { lastMs, result, state } = saved.state as SavedModel;
        if (typeof lastMs !== 'number') throw new Error('no lastMs');
        this.set({
          signal: saved.signal,
          service: saved.service,
          lastMs,
          result,
          state: this.detector.decode(state),
        });
      } catch (error) {
        dropped += 1;
        this.logger.warn(
          { model: this.detector.name, signal: saved.signal, service: saved.service, reason: String(error) },
          'saved model state not usable; the series is replayed from the store',
        );
      }
    }
    return { restored: this.models.size, dropped };
  }

  /** Saves this cycle's slice of the rotation. */
  async saveSlice(nowMs: number): Promise<void> {
    const slice = this.cycle % this.saveEvery;
    this.cycle += 1;
    let i = 0;
    const due: SeriesModel[] = [];
    for (const model of this.models.values()) {
      if (i % this.saveEvery === slice) due.push(model);
      i += 1;
    }
    await this.save(due, nowMs);
  }

  async saveAll(nowMs: number): Promise<void> {
    await this.save([...this.models.values()], nowMs);
  }

  private async save(models: readonly SeriesModel[], nowMs: number): Promise<void> {
    const states: ModelState[] = models.map((m) => ({
      model: this.detector.name,
      signal: m.signal,
      service: m.service,
      state: {
        lastMs: m.lastMs,
        result: m.result,
        state: this.detector.encode(m.state),
      } satisfies SavedModel,
      updatedAtMs: nowMs,
    }));
    await this.store.saveModelStates(states);
  }
}
