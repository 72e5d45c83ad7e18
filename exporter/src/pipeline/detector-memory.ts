/**
 * Each series' detector state between cycles, and in the store across restarts. A state
 * holds the series' recent history (~12 KiB), so saving every state every cycle would
 * rewrite thousands of histories per cycle: each cycle saves a rotating slice (every series
 * once per `saveEvery` cycles) and stop() saves all it can within its deadline. What a crash
 * loses is replayed from the store's samples on restart: the state says up to when it has
 * seen, and the samples after that are still there.
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

/** States per store write. */
const SAVE_BATCH = 100;

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

  /**
   * Saves every state, or as many as fit before `deadlineMs` (a stop must not outlast the
   * grace period a supervisor gives it; what is not saved is replayed at start).
   */
  saveAll(nowMs: number, deadlineMs = Infinity): Promise<number> {
    return this.save([...this.models.values()], nowMs, deadlineMs);
  }

  /**
   * In batches: a state is tens of KiB, and one statement for thousands ran DuckDB out of
   * memory. Stops starting batches at `deadlineMs`; returns how many states were saved.
   */
  private async save(models: readonly SeriesModel[], nowMs: number, deadlineMs = Infinity): Promise<number> {
    let saved = 0;
    while (saved < models.length && Date.now() < deadlineMs) {
      const states: ModelState[] = models.slice(saved, saved + SAVE_BATCH).map((m) => ({
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
      saved += states.length;
    }
    return saved;
  }
}
