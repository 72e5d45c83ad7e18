/**
 * The demo's Prometheus metrics, on a registry of its own (never the global one, which an
 * exporter in the same test process would share). The request metrics follow the common
 * HTTP-server convention, so Omen's demo config reads them like any production target's;
 * the demo_* gauges are ground truth for checking what Omen flagged, read at scrape time.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Incident } from './incident-book.js';
import { INCIDENT_NAMES } from './incident-catalog.js';
import { STATUS_CODES, type CallRecorder, type StatusCode } from './route-request.js';
import { SERVICE_NAMES, type ServiceName } from './topology.js';

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface DemoMetricsOptions {
  dayLength: string;
  schedule: 'on' | 'off';
  /** What the demo is doing at scrape time. */
  live: () => { demoMs: number; incidents: readonly Incident[] };
}

export class DemoMetrics implements CallRecorder {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests each demo service answered, by HTTP status code.',
    labelNames: ['service', 'code'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time each demo service took to answer, including the calls it made to its dependencies.',
    labelNames: ['service'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  // Label lookups cost a hash per call; the demo records every call, so resolve once.
  private readonly requestChildren = new Map<string, { inc(): void }>();
  private readonly durationChildren = new Map<string, { observe(value: number): void }>();

  constructor(options: DemoMetricsOptions) {
    const info = new Gauge({
      name: 'demo_info',
      help: 'The demo application: real time one demo day takes, and whether incidents are scheduled.',
      labelNames: ['day_length', 'schedule'] as const,
      registers: [this.registry],
    });
    info.set({ day_length: options.dayLength, schedule: options.schedule }, 1);
    this.liveGauges(options.live);
    // Every series exists from the first scrape, so rate() and ratios work before the
    // first error, and an absent series always means a broken scrape.
    for (const service of SERVICE_NAMES) {
      this.duration.zero({ service });
      for (const code of STATUS_CODES) this.requests.inc({ service, code: String(code) }, 0);
    }
  }

  record(service: ServiceName, code: StatusCode, seconds: number): void {
    const key = `${service}/${code}`;
    let counter = this.requestChildren.get(key);
    if (!counter) {
      counter = this.requests.labels({ service, code: String(code) });
      this.requestChildren.set(key, counter);
    }
    counter.inc();
    let histogram = this.durationChildren.get(service);
    if (!histogram) {
      histogram = this.duration.labels({ service });
      this.durationChildren.set(service, histogram);
    }
    histogram.observe(seconds);
  }

  private liveGauges(live: DemoMetricsOptions['live']): void {
    new Gauge({
      name: 'demo_clock_seconds',
      help: 'Demo time since 00:00 of day 0 (compressed: one demo day per day_length of real time).',
      registers: [this.registry],
      collect() {
        this.set(live().demoMs / 1000);
      },
    });
    new Gauge({
      name: 'demo_incident_active',
      help: 'Ground truth: 1 while the named incident runs on the service, else 0.',
      labelNames: ['incident', 'service'] as const,
      registers: [this.registry],
      collect() {
        const { incidents } = live();
        for (const incident of INCIDENT_NAMES)
          for (const service of SERVICE_NAMES) {
            const active = incidents.some((i) => i.name === incident && i.service === service);
            this.set({ incident, service }, active ? 1 : 0);
          }
      },
    });
  }
}
