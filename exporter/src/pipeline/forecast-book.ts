/**
 * Every series' forecast between cycles, and the series waiting for enough history to be
 * fitted (so they are not read from the store again every cycle). Held in memory: after a
 * restart each series is refitted from the store, a few per cycle.
 */
import type { SeriesKey } from '../store/store.js';
import type { SeriesForecast } from './series-forecast.js';
import { seriesKey } from './series-tracker.js';

export class ForecastBook {
  private readonly forecasts = new Map<string, SeriesForecast>();
  /** Per series too short to fit: when to look again. */
  private readonly retryAt = new Map<string, number>();

  get(signal: string, service: string): SeriesForecast | undefined {
    return this.forecasts.get(seriesKey(signal, service));
  }

  set(forecast: SeriesForecast): void {
    const key = seriesKey(forecast.signal, forecast.service);
    this.forecasts.set(key, forecast);
    this.retryAt.delete(key);
  }

  forget(signal: string, service: string): void {
    this.forecasts.delete(seriesKey(signal, service));
  }

  /** The series has too little history: not asked for again before `atMs`. */
  retryLater(key: SeriesKey, atMs: number): void {
    this.retryAt.set(seriesKey(key.signal, key.service), atMs);
  }

  /** True when the series has no forecast and is not waiting for more history. */
  needsFit(key: SeriesKey, nowMs: number): boolean {
    const k = seriesKey(key.signal, key.service);
    return !this.forecasts.has(k) && (this.retryAt.get(k) ?? -Infinity) <= nowMs;
  }

  all(): SeriesForecast[] {
    return [...this.forecasts.values()];
  }

  /** Forgets every series `keep` says no to. */
  retain(keep: (signal: string, service: string) => boolean): void {
    for (const [key, forecast] of this.forecasts)
      if (!keep(forecast.signal, forecast.service)) this.forecasts.delete(key);
    for (const key of this.retryAt.keys()) {
      const [signal = '', service = ''] = key.split('\u0000');
      if (!keep(signal, service)) this.retryAt.delete(key);
    }
  }
}
