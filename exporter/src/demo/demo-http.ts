/**
 * The demo's HTTP surface. Routes stay thin: they parse, call the simulation and render;
 * the simulation itself never sees a request. Built from its dependencies so tests run it
 * in-process on port 0.
 */
import express, { type Request } from 'express';
import type { Logger } from '../log/logger.js';
import { DemoHttpError, demoErrorHandler, routeNotFound } from './demo-errors.js';
import type { DemoMetrics } from './demo-metrics.js';
import { describeDemo, describeIncident } from './demo-state.js';
import { INCIDENT_NAMES, INCIDENTS } from './incident-catalog.js';
import { parseIncidentName, parseService, parseStartBody } from './incident-request.js';
import { DAILY_SCHEDULE } from './schedule.js';
import type { Simulation } from './simulation.js';

export interface DemoHttpDeps {
  simulation: Simulation;
  metrics: DemoMetrics;
  settings: { dayLength: string; tickMs: number };
  now: () => number;
  logger: Logger;
}

export function createDemoHttp(deps: DemoHttpDeps): express.Express {
  const { simulation, metrics, settings, now } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '16kb' }));

  app.get('/', (request, response) => {
    response
      .type('text/plain')
      .send(helpText(settings.dayLength, `http://${request.get('host') ?? 'localhost'}`));
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/demo/state', (_request, response) => {
    response.json(describeDemo(simulation, now(), settings));
  });
  app.post('/demo/incidents/:name', (request, response) => {
    const name = parseIncidentName(request.params.name);
    requireJsonBody(request);
    const at = now();
    const { incident } = simulation.startIncident(name, parseStartBody(request.body), at);
    // Same answer for a repeated start: the running incident, unchanged.
    response.status(202).json(describeIncident(incident, simulation.clock, at));
  });
  app.delete('/demo/incidents/:name', (request, response) => {
    const name = parseIncidentName(request.params.name);
    const service =
      request.query.service === undefined ? undefined : parseService(request.query.service, 'service');
    const at = now();
    const stopped = simulation.stopIncident(name, service);
    if (stopped.length === 0)
      throw new DemoHttpError(404, 'not_active', `${name} is not running${service ? ` on ${service}` : ''}`);
    response.json({ stopped: stopped.map((incident) => describeIncident(incident, simulation.clock, at)) });
  });

  app.use(routeNotFound);
  app.use(demoErrorHandler(deps.logger));
  return app;
}

/** A body that is not JSON would be silently ignored by the parser; say so instead. */
function requireJsonBody(request: Request): void {
  // type-is counts `Content-Length: 0` (what fetch and curl send for an empty POST) as a body.
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is('application/json'))
    throw new DemoHttpError(415, 'unsupported_media_type', 'send the body as Content-Type: application/json');
}

function helpText(dayLength: string, baseUrl: string): string {
  const incidents = INCIDENT_NAMES.map(
    (name) =>
      `  ${name.padEnd(19)} default ${INCIDENTS[name].defaultService}: ${INCIDENTS[name].description}`,
  );
  const schedule = DAILY_SCHEDULE.map(
    (entry) =>
      `  ${entry.at}  ${entry.incident.padEnd(19)} ${entry.service.padEnd(10)} for ${entry.duration}`,
  );
  return [
    'Omen demo application: five services (frontend, catalog, checkout, payments, inventory)',
    `with a daily traffic cycle in compressed time (one demo day = ${dayLength} of real time).`,
    '',
    'Endpoints:',
    '  GET    /metrics                  Prometheus metrics (http_requests_total, http_request_duration_seconds, demo_*)',
    '  GET    /demo/state               demo clock, services and their dependencies, incidents, schedule (JSON)',
    '  POST   /demo/incidents/:name     start an incident now; optional JSON body {"service": "...", "duration": "3h"}',
    '  DELETE /demo/incidents/:name     stop it early (?service=... to stop it on one service only)',
    '',
    'Incidents (durations in demo time):',
    ...incidents,
    '',
    'Daily schedule (demo time, unless started with --schedule off):',
    ...schedule,
    '',
    `Example: curl -X POST ${baseUrl}/demo/incidents/error_spike`,
    '',
  ].join('\n');
}
