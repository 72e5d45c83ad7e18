/**
 * The demo's five services and who calls whom. Kept as plain data so `/demo/state` and the
 * README can show the graph the incidents cascade through, and RCA results can be checked
 * against it: a cause must lie downstream of its symptom.
 *
 *   frontend ──▶ catalog (every request) ──▶ inventory (half of catalog's calls)
 *      └──────▶ checkout (~30%) ──▶ payments, inventory (every checkout)
 */
export const SERVICE_NAMES = ['frontend', 'catalog', 'checkout', 'payments', 'inventory'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface DependencyCall {
  service: ServiceName;
  /** Share of this service's requests that call the dependency. */
  probability: number;
}

export interface ServiceSpec {
  name: ServiceName;
  /** Share of requests the service fails on its own (answered 500), with no incident. */
  baseErrorRate: number;
  /** Its own processing time, log-normal; dependencies' latencies add to it. */
  latency: { medianMs: number; sigma: number };
  /** Called in this order, one after another, so their latencies add up. */
  calls: readonly DependencyCall[];
}

/**
 * Chance that a failed dependency call makes the caller fail too. Below 1 because real
 * callers retry, fall back or degrade; that is what makes a cascade weaken at each hop.
 */
export const PROPAGATION_PROBABILITY = 0.5;

export const TOPOLOGY: Readonly<Record<ServiceName, ServiceSpec>> = {
  frontend: {
    name: 'frontend',
    baseErrorRate: 0.005,
    latency: { medianMs: 12, sigma: 0.4 },
    calls: [
      { service: 'catalog', probability: 1 },
      { service: 'checkout', probability: 0.3 },
    ],
  },
  catalog: {
    name: 'catalog',
    baseErrorRate: 0.003,
    latency: { medianMs: 18, sigma: 0.45 },
    calls: [{ service: 'inventory', probability: 0.5 }],
  },
  checkout: {
    name: 'checkout',
    baseErrorRate: 0.008,
    latency: { medianMs: 35, sigma: 0.4 },
    calls: [
      { service: 'payments', probability: 1 },
      { service: 'inventory', probability: 1 },
    ],
  },
  // An external card processor: the slowest and least reliable hop.
  payments: { name: 'payments', baseErrorRate: 0.01, latency: { medianMs: 70, sigma: 0.5 }, calls: [] },
  inventory: { name: 'inventory', baseErrorRate: 0.002, latency: { medianMs: 8, sigma: 0.35 }, calls: [] },
};

/** External traffic enters here; every other service is reached only through calls. */
export const ENTRY_SERVICE: ServiceName = 'frontend';

export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICE_NAMES as readonly string[]).includes(value);
}

/** Services that call `service`, directly or through others: where its failures can show. */
export function callersOf(service: ServiceName): ServiceName[] {
  const direct = SERVICE_NAMES.filter((name) =>
    TOPOLOGY[name].calls.some((call) => call.service === service),
  );
  const all = new Set<ServiceName>(direct);
  for (const caller of direct) for (const upstream of callersOf(caller)) all.add(upstream);
  return SERVICE_NAMES.filter((name) => all.has(name));
}
