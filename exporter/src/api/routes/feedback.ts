/**
 * POST /api/v1/anomalies/:id/ack and /feedback (operator): each call is audited with the
 * actor (the Grafana user when the plugin's proxy names one), missing anomalies included.
 */
import { Router, type RequestHandler } from 'express';
import type { Auditor } from '../../actions/audit.js';
import type { AnomalyFeedback } from '../../feedback/anomaly-feedback.js';
import { actorOf, requireRole } from '../auth.js';
import { ackRequest, feedbackRequest, type AckResponse, type FeedbackResponse } from '../contract.js';
import { ApiError } from '../errors.js';
import { parseBodyOrThrow } from '../validate.js';
import { actorName } from './jobs.js';

export interface FeedbackDeps {
  feedback: AnomalyFeedback;
  auditor: Auditor;
}

export function feedbackRouter(deps: FeedbackDeps, writeLimit: RequestHandler): Router {
  const router = Router();
  const anomalyOr404 = async (id: string) => {
    const anomaly = await deps.feedback.getAnomaly(id);
    if (!anomaly) throw new ApiError(404, 'not_found', `no anomaly ${id}`);
    return anomaly;
  };

  router.post('/anomalies/:id/ack', requireRole('operate'), writeLimit, async (request, response) => {
    const body = parseBodyOrThrow(ackRequest, request.body ?? {});
    const id = String(request.params.id);
    const actor = actorName(actorOf(response));
    const audit = { actor, action: 'anomaly.ack', target: `anomaly:${id}`, parameters: body };
    const result = await deps.auditor.around(audit, async () => {
      const { ack, already } = await deps.feedback.acknowledge(await anomalyOr404(id), actor);
      const value: AckResponse = {
        anomalyId: ack.anomalyId,
        acknowledgedBy: ack.actor,
        acknowledgedAt: new Date(ack.atMs).toISOString(),
        alreadyAcknowledged: already,
      };
      return { result: already ? 'already_acknowledged' : 'success', value };
    });
    response.json(result);
  });

  router.post('/anomalies/:id/feedback', requireRole('operate'), writeLimit, async (request, response) => {
    const body = parseBodyOrThrow(feedbackRequest, request.body);
    const id = String(request.params.id);
    const actor = actorName(actorOf(response));
    const audit = { actor, action: 'anomaly.feedback', target: `anomaly:${id}`, parameters: body };
    const result = await deps.auditor.around(audit, async () => {
      const anomaly = await anomalyOr404(id);
      const { record, activeAt } = await deps.feedback.judge(anomaly, body.verdict, body.note, actor);
      const value: FeedbackResponse = {
        anomalyId: record.anomalyId,
        verdict: record.verdict,
        givenBy: record.actor,
        givenAt: new Date(record.atMs).toISOString(),
        activeAt,
      };
      return { result: 'success', value };
    });
    response.json(result);
  });
  return router;
}
