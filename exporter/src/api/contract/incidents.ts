/**
 * Incidents and their root-cause analysis (issue 7).
 */
import { z } from 'zod';
import { isoTime, seriesRef, severity } from './common.js';
import { anomaly } from './anomalies.js';

export const incidentsQuery = z.strictObject({
  state: z.enum(['open', 'resolved']).optional(),
  service: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Incidents with a series of this service' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(200).optional(),
});

export const incident = z
  .object({
    id: z.string(),
    state: z.enum(['open', 'resolved']),
    openedAt: isoTime.meta({ description: 'Time of its first anomaly' }),
    lastAnomalyAt: isoTime,
    resolvedAt: isoTime.nullable().meta({ description: 'Set once quiet for incidents.quietPeriod' }),
    severity: severity.meta({ description: 'The worst severity among its anomalies' }),
    symptom: z
      .object(seriesRef)
      .meta({ description: 'The series the incident is about (worst, most anomalous): what RCA explains' }),
    anomalyCount: z.number().int(),
    series: z
      .array(
        z.object({
          ...seriesRef,
          anomalies: z.number().int(),
          firstAnomalyAt: isoTime,
          lastAnomalyAt: isoTime,
          maxScore: z.number(),
          severity,
        }),
      )
      .meta({ description: 'Member series, worst first' }),
    links: z.object({ self: z.string(), rca: z.string() }),
  })
  .meta({ id: 'Incident' });

export const incidentsResponse = z
  .object({ items: z.array(incident), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentsResponse' });

export const incidentResponse = z
  .object({ incident, anomalies: z.array(anomaly).meta({ description: 'Member anomalies, oldest first' }) })
  .meta({ id: 'IncidentResponse' });

export const rcaCause = z
  .object({
    rank: z.number().int().meta({ description: '1 is the likeliest cause' }),
    ...seriesRef,
    score: z.number().meta({ description: "Share 0..1 of the ranking's evidence (omen_rca_score)" }),
    evidence: z
      .object({
        change: z
          .number()
          .meta({ description: 'Robust change: IQRs above its baseline median, at its worst' }),
        onsetAt: isoTime.nullable().meta({ description: 'When it first moved past 3 IQRs (and stayed)' }),
        leadSeconds: z
          .number()
          .nullable()
          .meta({ description: 'How long before the symptom it moved (negative: after)' }),
        correlation: z.number().meta({ description: "Rank correlation of its change with the symptom's" }),
        downstream: z
          .boolean()
          .nullable()
          .meta({ description: 'The symptom depends on it (call graph); null without a graph' }),
        explainedBy: z
          .string()
          .nullable()
          .meta({ description: 'A changed service it calls that accounts for its change' }),
        path: z
          .array(
            z.object({
              client: z.string(),
              server: z.string(),
              source: z.enum(['config', 'tempo', 'both']).meta({
                description: 'Where the edge is known from: rca.graph, Tempo’s service graph, or both',
              }),
            }),
          )
          .nullable()
          .optional()
          .meta({
            description:
              "The calls from the symptom's service down to this one ([] for the symptom's own service); null when the symptom does not call it, or without a graph",
          }),
      })
      .meta({ description: 'What the ranker saw; each field can be checked on the series' }),
  })
  .meta({ id: 'RcaCause' });

export const labelContrast = z
  .object({
    label: z.string().meta({ description: 'A label of the symptom’s events, e.g. pod, version, code, type' }),
    value: z.string().meta({ description: 'One of its values ("" where the label was missing)' }),
    incidentShare: z.number().meta({ description: 'Share 0..1 of the events during the incident' }),
    baselineShare: z.number().meta({
      description:
        'Share 0..1 expected from the baseline before it: its share of the errors then, or, with traffic (ratio signals), its traffic now at its error ratio then',
    }),
    incidentCount: z.number().meta({ description: 'Its events during the incident' }),
    baselineCount: z.number().meta({ description: 'Its events in the baseline' }),
    score: z.number().meta({ description: 'Adtributor surprise in bits, 0..0.5: how over-represented' }),
    z: z.number().meta({ description: 'Two-proportion z of the rise in share (at least 3)' }),
  })
  .meta({ id: 'LabelContrast' });

export const rcaResponse = z
  .object({
    incidentId: z.string(),
    symptom: z.object(seriesRef),
    analysedAt: isoTime.nullable().meta({ description: 'null until the incident has been analysed' }),
    model: z.string().nullable(),
    causes: z.array(rcaCause).meta({ description: 'Likeliest first' }),
    labelContrast: z.array(labelContrast).meta({
      description:
        'Label values of the symptom that carry more of its events during the incident than before it, most over-represented first (signals with contrastBy, push error types)',
    }),
    similar: z
      .array(
        z.object({
          id: z.string(),
          openedAt: isoTime,
          state: z.enum(['open', 'resolved']),
          similarity: z.number().meta({ description: 'Share of member series in common (Jaccard), 0..1' }),
          sameCause: z.boolean().meta({ description: 'Its likeliest cause was the same series' }),
          topCause: z.object(seriesRef).nullable(),
          link: z.string(),
        }),
      )
      .meta({ description: 'Past incidents with a similar signature (the series anomalous together)' }),
  })
  .meta({ id: 'RcaResponse' });

export type IncidentsQuery = z.infer<typeof incidentsQuery>;
export type IncidentBody = z.infer<typeof incident>;
export type IncidentsResponse = z.infer<typeof incidentsResponse>;
export type IncidentResponse = z.infer<typeof incidentResponse>;
export type RcaResponse = z.infer<typeof rcaResponse>;
