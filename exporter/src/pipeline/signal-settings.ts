/** What the pipeline needs to know per signal, resolved once from config. */
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';

export interface SignalSettings {
  threshold: number | undefined;
  /** The configured season; null for `auto` (found from the data) and `none`. */
  seasonMs: number | null;
  /** True for `season: auto`: the detector looks for a season in the data. */
  detectSeason: boolean;
}

/** A signal defined by a source rather than listed in `signals`: the push source's error rate. */
export interface SourceSignal {
  name: string;
  help: string | undefined;
  threshold: number | undefined;
  season: string;
}

export function sourceSignals(config: OmenConfig): SourceSignal[] {
  return config.sources.flatMap((source) =>
    source.type === 'push'
      ? [{ name: source.signal, help: source.help, threshold: source.threshold, season: source.season }]
      : [],
  );
}

export function resolveSignalSettings(config: OmenConfig): Map<string, SignalSettings> {
  return new Map(
    [...config.signals, ...sourceSignals(config)].map((signal) => [
      signal.name,
      {
        threshold: signal.threshold,
        seasonMs: signal.season === 'auto' || signal.season === 'none' ? null : parseDuration(signal.season),
        detectSeason: signal.season === 'auto',
      },
    ]),
  );
}
