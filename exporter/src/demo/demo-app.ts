/**
 * `startDemo`: the demo application as one process-sized unit — simulation, metrics, a
 * tick timer and an HTTP server on its own port (DESIGN Decisions 1 and 3). Omen scrapes
 * its `/metrics` through the real `scrape` source, like any production target.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDuration } from '../config/duration.js';
import { createLogger, type Logger } from '../log/logger.js';
import { formatDemoTime } from './demo-clock.js';
import { createDemoHttp } from './demo-http.js';
import { DemoMetrics } from './demo-metrics.js';
import { Simulation, type IncidentEvent } from './simulation.js';

export interface DemoOptions {
  /** Default 127.0.0.1: the demo is for a local look, not for a network (Decision 9). */
  host?: string;
  /** Default 10421; 0 picks a free port. */
  port?: number;
  /** Real time one demo day takes, as a duration; default 24m. */
  dayLength?: string;
  /** Real milliseconds between simulation ticks; default 250. */
  tickMs?: number;
  /** Requests per second at the daily peak; default 40. */
  peakRequestsPerSecond?: number;
  /** Scheduled daily incidents; default on. Tests use off. */
  schedule?: 'on' | 'off';
  /** Same seed and same tick times, same traffic; default 42. */
  seed?: number;
  logger?: Logger;
}

export interface RunningDemo {
  url: string;
  port: number;
  /** Stops the tick timer and the server (open keep-alive connections included). */
  close(): Promise<void>;
}

export const DEMO_DEFAULTS = {
  host: '127.0.0.1',
  port: 10421,
  dayLength: '24m',
  tickMs: 250,
  schedule: 'on',
  seed: 42,
  peakRequestsPerSecond: 40,
} as const;

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const settings = { ...DEMO_DEFAULTS, ...withoutUndefined(options) };
  const logger = options.logger ?? createLogger({ level: 'silent', format: 'json' });
  const dayLengthMs = parseDuration(settings.dayLength);
  if (!Number.isInteger(settings.tickMs) || settings.tickMs < 10)
    throw new Error(`demo tick must be a whole number of milliseconds ≥ 10, got ${settings.tickMs}`);

  const metrics: DemoMetrics = new DemoMetrics({
    dayLength: settings.dayLength,
    schedule: settings.schedule,
    // Read at scrape time only, once `simulation` below exists.
    live: () => ({
      demoMs: simulation.clock.demoMs(Date.now()),
      incidents: simulation.activeIncidents(Date.now()),
    }),
  });
  const simulation: Simulation = new Simulation({
    seed: settings.seed,
    dayLengthMs,
    schedule: settings.schedule,
    startRealMs: Date.now(),
    recorder: metrics,
    peakRequestsPerSecond: settings.peakRequestsPerSecond,
    onIncident: (event) => logIncident(logger, event),
  });

  const app = createDemoHttp({
    simulation,
    metrics,
    settings: { dayLength: settings.dayLength, tickMs: settings.tickMs },
    now: Date.now,
    logger,
  });
  const server = createServer(app);
  await listen(server, settings.port, settings.host);
  const port = (server.address() as AddressInfo).port;

  const timer = setInterval(() => {
    try {
      simulation.step(Date.now());
    } catch (error) {
      // A broken tick must not take the demo down; the next tick tries again.
      logger.error({ err: String(error) }, 'demo tick failed');
    }
  }, settings.tickMs);

  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  logger.info(
    { dayLength: settings.dayLength, schedule: settings.schedule, seed: settings.seed, port },
    'demo started',
  );
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      clearInterval(timer);
      closing ??= closeServer(server); // a second close (SIGTERM after SIGINT) waits for the first
      return closing;
    },
  };
}

function logIncident(logger: Logger, { kind, incident }: IncidentEvent): void {
  logger.info(
    {
      incident: incident.name,
      service: incident.service,
      origin: incident.origin,
      start: formatDemoTime(incident.startDemoMs),
      end: formatDemoTime(incident.endDemoMs),
    },
    `incident ${kind}`,
  );
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(new Error(`demo cannot listen on ${host}:${port}`, { cause: error })),
    );
    server.listen({ port, host }, () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
    server.closeIdleConnections();
  });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
