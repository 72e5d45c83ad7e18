/**
 * Wires the exporter from a validated config: store → sources → detector → pipeline →
 * HTTP. Returns a handle whose `stop()` is the graceful shutdown of DESIGN Decision 15:
 * stop taking cycles, finish the running one, drain HTTP, close DuckDB.
 */
import type { Server } from 'node:http';
import { once } from 'node:events';
import { loadActionSecrets } from '../actions/secrets.js';
import { setUpActions } from '../actions/actions-setup.js';
import { createApp } from '../api/app.js';
import { ApiTokens } from '../api/auth.js';
import { JobQueue } from '../jobs/job-queue.js';
import { parseDuration } from '../config/duration.js';
import type { OmenConfig } from '../config/schema.js';
import { SelfMetrics } from '../exposition/self-metrics.js';
import type { Logger } from '../log/logger.js';
import { anomalyDetectors, DEFAULT_DETECTOR } from '../models/registry.js';
import { OnDemandAnalysis } from '../pipeline/analysis.js';
import type { SourceHealth } from '../pipeline/collect.js';
import { runCycle, type CycleDeps } from '../pipeline/cycle.js';
import { DetectorMemory } from '../pipeline/detector-memory.js';
import { ForecastBook } from '../pipeline/forecast-book.js';
import { ModelLifecycle } from '../pipeline/model-lifecycle.js';
import { ModelRetrain } from '../pipeline/model-retrain.js';
import { incidentTimers, setUpIncidents } from '../pipeline/incident-setup.js';
import { contrastSpanMs } from '../pipeline/symptom-contrast.js';
import { ServiceAnomalies } from '../pipeline/service-anomalies.js';
import { resolveServiceForestParams, SERVICE_FOREST } from '../models/anomaly/service-forest.js';
import { mulberry32 } from '../random/mulberry32.js';
import { resolveForecastSettings } from '../pipeline/forecast-settings.js';
import { Scheduler } from '../pipeline/scheduler.js';
import { RETENTION_TABLES, runStoreMaintenance } from '../pipeline/store-maintenance.js';
import { SeriesTracker } from '../pipeline/series-tracker.js';
import { resolveSignalSettings } from '../pipeline/signal-settings.js';
import { ScoreSnapshot } from '../scores/snapshot.js';
import { PushSource } from '../sources/push/push-source.js';
import { createSources } from '../sources/registry.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';
import { limitHeapGrowth } from './heap-growth.js';
import { VERSION } from './version.js';

export interface ExporterHandle {
  url: string;
  port: number;
  /** Runs one cycle now (tests, and later the analysis endpoint). */
  runCycleNow(): Promise<void>;
  stop(): Promise<void>;
}

export async function startExporter(
  config: OmenConfig,
  logger: Logger,
  options: { processMetrics?: boolean; clock?: () => number; env?: NodeJS.ProcessEnv } = {},
): Promise<ExporterHandle> {
  // Read before anything opens: a missing token stops start-up rather than leaving the API open.
  const tokens = ApiTokens.load(config.auth, options.env ?? process.env);
  const actionSecrets = loadActionSecrets(config.actions.catalog, options.env ?? process.env);
  limitHeapGrowth();
  const store = await openDuckDbStore(config.store, { logger: logger.child({ component: 'store' }) });
  const self = new SelfMetrics({ processMetrics: options.processMetrics ?? true });
  const intervalMs = parseDuration(config.pipeline.interval);
  const rawRetentionMs = parseDuration(config.store.rawRetention);
  const sources = createSources(config.sources, config.signals, logger, store, {
    intervalMs,
    rawRetentionMs,
    contrastSpanMs: contrastSpanMs(
      parseDuration(config.rca.baseline),
      config.rca.step ? parseDuration(config.rca.step) : intervalMs,
    ),
  });
  for (const source of sources) self.registerSource(source.name);
  self.registerStore(store, RETENTION_TABLES);
  const detector = anomalyDetectors[DEFAULT_DETECTOR]({
    history: config.anomaly.history,
    minPoints: config.anomaly.minPoints,
  });
  self.registerModel(detector.name);
  self.registerModelInfo(detector.name, 'online_tail_ensemble', VERSION);
  const memory = new DetectorMemory(
    detector,
    store,
    logger.child({ component: 'pipeline' }),
    stateSaveRotation(intervalMs),
  );
  const restored = await memory.restore();
  logger.info({ model: detector.name, ...restored }, 'detector states restored');

  const actions = setUpActions(config, { store, self, logger, secrets: actionSecrets, clock: options.clock });
  await actions.feedback.start();
  const deps: CycleDeps = {
    sources,
    store,
    detector,
    memory,
    tracker: new SeriesTracker(
      parseDuration(config.pipeline.staleAfter),
      parseDuration(config.pipeline.evictAfter),
    ),
    signals: resolveSignalSettings(config),
    snapshot: new ScoreSnapshot(),
    self,
    logger: logger.child({ component: 'pipeline' }),
    anomaly: config.anomaly,
    intervalMs,
    health: new Map<string, SourceHealth>(),
    latest: { scores: [] },
    sensitivity: actions.sensitivity,
    recommendations: actions.recommendations,
  };
  const forecastSettings = resolveForecastSettings(config);
  if (forecastSettings) {
    const book = new ForecastBook();
    const lifecycle = new ModelLifecycle(store, book, forecastSettings);
    logger.info({ model: lifecycle.model, catalogued: await lifecycle.restore() }, 'model catalog read');
    deps.forecasts = { book, settings: forecastSettings, lifecycle };
    self.registerModel(forecastSettings.forecaster.name);
    self.registerModelInfo(lifecycle.model, `${lifecycle.model}+split_conformal`, VERSION);
  }
  deps.incidents = await setUpIncidents(config, {
    store,
    self,
    logger: deps.logger,
    intervalMs,
    breakdowns: sources.flatMap((source) => source.breakdown ?? []),
  });
  if (config.anomaly.services.enabled) {
    deps.services = new ServiceAnomalies({
      params: resolveServiceForestParams(),
      history: config.anomaly.services.history,
      refitEveryMs: parseDuration(config.anomaly.services.refitEvery),
      trainsPerCycle: 20,
      random: mulberry32(0x0e1e),
    });
    self.registerModel(SERVICE_FOREST);
    self.registerModelInfo(SERVICE_FOREST, 'isolation_forest', VERSION);
  }
  const scheduler = new Scheduler({
    intervalMs,
    runCycle: (nowMs, abort) => runCycle(deps, nowMs, abort),
    onOverrun: () => {
      self.cycleOverruns.inc();
      deps.logger.warn({ interval: config.pipeline.interval }, 'cycle overran its interval; tick skipped');
    },
    onCycleDone: (seconds) => self.cycleDuration.observe(seconds),
    logger: deps.logger,
    clock: options.clock,
  });

  const maintenance = maintenanceScheduler(config, { store, self, logger, rawRetentionMs }, options.clock);

  const jobs = new JobQueue({
    onFinished: (job) =>
      logger.info({ job: job.id, kind: job.kind, state: job.state, by: job.submittedBy }, 'job finished'),
  });
  const app = createApp({
    config,
    store,
    snapshot: deps.snapshot,
    self,
    sourceHealth: deps.health,
    latest: deps.latest,
    forecasts: deps.forecasts,
    logger: logger.child({ component: 'api' }),
    version: VERSION,
    tokens,
    push: sources.find((source) => source instanceof PushSource),
    jobs: { queue: jobs, analysis: new OnDemandAnalysis(() => scheduler.runNow(), deps.latest) },
    models: {
      store,
      queue: jobs,
      lifecycle: deps.forecasts?.lifecycle,
      retrain: deps.forecasts?.lifecycle
        ? new ModelRetrain(deps.forecasts.lifecycle, () => scheduler.runNow(), options.clock)
        : undefined,
    },
    actions: actions.api,
  });
  const server = await listen(app, config.server.host, config.server.port, store);
  const port = (server.address() as { port: number }).port;
  scheduler.start();
  const background = [maintenance, ...incidentTimers(deps.incidents)];
  background.forEach((timer) => timer.start());
  const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  logger.info(
    { url: `${url}/metrics`, sources: sources.length, signals: config.signals.length },
    'omen is serving',
  );
  if (!tokens.enabled && !isLoopback(config.server.host)) {
    logger.warn(
      { host: config.server.host },
      'the API is open to anyone who can reach this address: no auth.tokens are configured',
    );
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    runCycleNow: () => scheduler.tick(),
    stop: () =>
      (stopping ??= (async () => {
        await Promise.all([scheduler.stop(), ...background.map((timer) => timer.stop())]);
        const now = (options.clock ?? Date.now)();
        await memory.saveAll(now, Date.now() + STATE_SAVE_DEADLINE_MS).catch((error: unknown) => {
          logger.error(
            { err: String(error) },
            'could not save detector states; they are rebuilt from the store at start',
          );
        });
        await jobs.drain();
        await actions.runner.drain();
        await closeServer(server);
        await Promise.all(sources.map((source) => source.close?.()));
        await store.close();
        logger.info('omen stopped cleanly');
      })()),
  };
}

/**
 * Cycles over which every detector state is saved once: thirty minutes' worth, and at
 * least ten, so a cycle writes a small slice (at 15 s, 10 000 series: 84 states, ~1 MiB).
 * What a crash loses in between is replayed from the store's samples at start.
 */
function stateSaveRotation(intervalMs: number): number {
  return Math.max(10, Math.round(1_800_000 / intervalMs));
}

/** How long stop() may spend saving detector states. */
const STATE_SAVE_DEADLINE_MS = 10_000;

/** Rollups and retention on their own timer: a slow run never delays a cycle's tick. */
function maintenanceScheduler(
  config: OmenConfig,
  deps: { store: Store; self: SelfMetrics; logger: Logger; rawRetentionMs: number },
  clock: (() => number) | undefined,
): Scheduler {
  const logger = deps.logger.child({ component: 'store-maintenance' });
  const maintenance = {
    store: deps.store,
    self: deps.self,
    logger,
    rawRetentionMs: deps.rawRetentionMs,
    retentionMs: parseDuration(config.store.retention),
  };
  return new Scheduler({
    intervalMs: parseDuration(config.store.maintenanceInterval),
    runCycle: (nowMs) => runStoreMaintenance(maintenance, nowMs),
    onOverrun: () => logger.warn('store maintenance is still running; this run skipped'),
    onCycleDone: () => undefined,
    logger,
    clock,
    what: 'store maintenance',
  });
}

async function listen(
  app: ReturnType<typeof createApp>,
  host: string,
  port: number,
  store: { close(): Promise<void> },
) {
  const server = app.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'the port is in use (set server.port or OMEN_PORT)' : String(error);
    throw new Error(`cannot listen on ${host}:${port}: ${why}`, { cause: error });
  }
  return server;
}

/** Stops accepting connections, lets in-flight requests finish, then drops idle keep-alives. */
async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  await closed;
  clearTimeout(force);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
