/**
 * The `incidents` and `rca` sections (issue 7): how anomalies are grouped into incidents,
 * and how the causes of an open incident are ranked. Kept beside `schema.ts` like the
 * forecast schema, and for the same reason it must not import `schema.ts`.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.js';

const duration = (description: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'expected a duration such as 15s, 5m or 1h30m' })
    .meta({ description });

const NAME = /^[^\p{Cc}]+$/u;

export const incidentsSchema = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      description: 'Group co-occurring anomalies into incidents (omen_incident_open, /api/v1/incidents).',
    }),
    window: duration(
      'Anomalies this close in time (across series and services) belong to one incident.',
    ).default('5m'),
    quietPeriod: duration('An incident resolves after this long without a new anomaly.').default('15m'),
    minAnomalies: z.number().int().min(1).default(2).meta({
      description: 'Anomalies within `window` that open an incident (a lone mild anomaly is noise).',
    }),
    openAt: z
      .enum(['low', 'medium', 'high', 'critical'])
      .default('high')
      .meta({ description: 'An anomaly of this severity or worse opens an incident on its own.' }),
  })
  .prefault({});

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const tempoGraphSchema = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      description:
        'Learn the graph from the service-graph metrics (false keeps the section but stops the queries).',
    }),
    source: z.string().optional().meta({
      description:
        'The prometheus source whose server holds the metrics (default: the only prometheus source). Its URL, credentials, TLS and queryTimeout are used.',
    }),
    metric: z
      .string()
      .regex(METRIC, { error: 'expected a metric name' })
      .default('traces_service_graph_request_total')
      .meta({ description: 'Counter of requests between services, labelled `client` and `server`.' }),
    window: duration('Rate window: `sum by (client, server) (rate(<metric>[<window>]))`.').default('10m'),
    refresh: duration('How often the graph is learned again.').default('5m'),
    minRate: z.number().min(0).default(0.01).meta({
      description: 'Requests per second below which a client → server pair is not an edge (a stray span).',
    }),
    services: z.record(z.string().regex(NAME), z.string().regex(NAME)).default({}).meta({
      description:
        'Tempo service name → Omen service, where they differ (e.g. `{ checkout-svc: checkout }`); other names are used as they are.',
    }),
    ignore: z
      .array(z.string().regex(NAME))
      .default(['user', 'unknown'])
      .meta({ description: "Node names that are no service: Tempo's virtual nodes." }),
  })
  .optional()
  .meta({
    description:
      "Learn the service dependency graph from Tempo's service-graph metrics (metrics-generator) in a prometheus source's server. Learned edges are added to `rca.graph` (the union: configured edges are always kept); omen_rca_graph_edges{source} counts each kind.",
  });

export const rcaSchema = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      description:
        'Rank the likely causes of each open incident (omen_rca_score, /api/v1/incidents/{id}/rca).',
    }),
    everyCycles: z.number().int().min(1).default(4).meta({
      description: 'Each open incident is analysed again at most once per this many cycles.',
    }),
    baseline: duration('Normal period before an incident that its series are compared with.').default('1h'),
    step: duration(
      'Series are averaged over steps of this length for the analysis (default: pipeline.interval).',
    ).optional(),
    topK: z.number().int().min(1).max(20).default(3).meta({
      description: 'Causes per incident published as omen_rca_score.',
    }),
    graph: z
      .record(z.string().regex(NAME), z.array(z.string().regex(NAME)))
      .optional()
      .meta({
        description:
          'Service dependency graph: each service mapped to the services it calls, e.g. `{ frontend: [api], api: [db] }`. Incidents then group related services only, and their causes are looked for downstream.',
      }),
    tempoGraph: tempoGraphSchema,
  })
  .prefault({});

export type IncidentsConfig = z.infer<typeof incidentsSchema>;
export type RcaConfig = z.infer<typeof rcaSchema>;
