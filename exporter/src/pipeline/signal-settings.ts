/** What the pipeline needs to know per signal, resolved once from config. */
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';

export interface SignalSettings {
  threshold: number | undefined;
  /** Null when the signal has no season, or it is not known yet ('auto' before detection exists). */
  seasonMs: number | null;
}

export function resolveSignalSettings(config: OmenConfig): Map<string, SignalSettings> {
  return new Map(
    config.signals.map((signal) => [
      signal.name,
      {
        threshold: signal.threshold,
        seasonMs: signal.season === 'auto' || signal.season === 'none' ? null : parseDuration(signal.season),
      },
    ]),
  );
}
