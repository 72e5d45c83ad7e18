import { auditFilterFromSearch, auditHref, matchesKey } from './auditLink';

const entry = (parameters: Record<string, unknown>) => ({
  id: '1',
  time: '2026-01-01T00:00:00.000Z',
  actor: 'eddie',
  action: 'action.execute',
  target: 'incident:7',
  parameters,
  result: 'success',
  durationMs: 3,
});

test('the audit link opens the Actions page filtered to one click, and the page reads the filter back', () => {
  const href = auditHref('/grafana', { action: 'action.execute', actor: 'ed die', key: 'k1' });
  expect(href).toBe('/grafana/a/omen-predict-app/actions?action=action.execute&actor=ed+die&key=k1');
  expect(auditFilterFromSearch(href.slice(href.indexOf('?')))).toEqual({
    action: 'action.execute',
    actor: 'ed die',
    key: 'k1',
  });
});

test('an empty or oversized filter value is ignored, not sent', () => {
  expect(auditFilterFromSearch(`?action=&actor=${'x'.repeat(201)}`)).toEqual({
    action: undefined,
    actor: undefined,
    key: undefined,
  });
  expect(auditHref('', { actor: undefined })).toBe('/a/omen-predict-app/actions');
});

test('the key picks the one audit row of that click', () => {
  expect(matchesKey(entry({ idempotencyKey: 'k1' }), 'k1')).toBe(true);
  expect(matchesKey(entry({ idempotencyKey: 'k2' }), 'k1')).toBe(false);
  expect(matchesKey(entry({}), undefined)).toBe(true);
});
