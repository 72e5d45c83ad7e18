/**
 * Values by series, keyed by signal and then service. Used on per-sample paths: a lookup
 * hashes the strings the sample already holds (V8 caches a string's hash), where one
 * joined key would be built and hashed for every sample.
 */
export class SeriesMap<T> {
  private readonly bySignal = new Map<string, Map<string, T>>();

  get(signal: string, service: string): T | undefined {
    return this.bySignal.get(signal)?.get(service);
  }

  set(signal: string, service: string, value: T): void {
    let services = this.bySignal.get(signal);
    if (!services) this.bySignal.set(signal, (services = new Map()));
    services.set(service, value);
  }

  /** Every value, signal by signal. */
  values(): T[] {
    return [...this.bySignal.values()].flatMap((services) => [...services.values()]);
  }
}
