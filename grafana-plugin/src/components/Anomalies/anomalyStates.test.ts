import type { Anomaly, AuditResponse } from '../../api/contract';
import { anomalyStates, bySeverity } from './anomalyStates';

type AuditEntry = AuditResponse['items'][number];

const audit = (
  id: number,
  action: string,
  target: string,
  actor: string,
  extra: Partial<AuditEntry> = {}
): AuditEntry => ({
  id: String(id),
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(),
  actor,
  action,
  target,
  parameters: {},
  result: 'success',
  durationMs: 3,
  ...extra,
});

describe('anomalyStates', () => {
  test('the first successful acknowledgement stands; refused or repeated ones change nothing', () => {
    // Newest first, as GET /api/v1/audit answers.
    const acks = [
      audit(4, 'anomaly.ack', 'anomaly:7', 'zoe', { result: 'already_acknowledged' }),
      audit(3, 'anomaly.ack', 'anomaly:7', 'eddie'),
      audit(2, 'anomaly.ack', 'anomaly:7', 'ann'),
      audit(1, 'anomaly.ack', 'anomaly:9', 'bob', { result: 'not_found' }),
    ];
    const states = anomalyStates(acks, []);
    expect(states.get('7')).toEqual({ acknowledgedBy: 'ann', acknowledgedAt: '2026-01-01T00:00:02.000Z' });
    expect(states.has('9')).toBe(false);
  });

  test('the newest successful verdict is the one in force', () => {
    const feedback = [
      audit(6, 'anomaly.feedback', 'anomaly:7', 'eddie', { parameters: { verdict: 'false_positive', note: '' } }),
      audit(5, 'anomaly.feedback', 'anomaly:7', 'ann', { parameters: { verdict: 'true_positive', note: '' } }),
    ];
    expect(anomalyStates([], feedback).get('7')).toEqual({ verdict: 'false_positive', verdictBy: 'eddie' });
  });
});

describe('bySeverity', () => {
  const anomaly = (id: string, severity: Anomaly['severity'], second: number) =>
    ({ id, severity, time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString() }) as Anomaly;

  test('worst first, newest first within a severity', () => {
    const sorted = bySeverity([
      anomaly('a', 'low', 9),
      anomaly('b', 'critical', 1),
      anomaly('c', 'low', 10),
      anomaly('d', 'high', 5),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});
