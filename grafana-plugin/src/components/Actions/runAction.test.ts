import { OmenApiError } from '../../api/client';
import { deniedReason, RUN_READ_ONLY_REASON } from '../../api/roles';
import {
  executionOutcome,
  isRetryable,
  newIdempotencyKey,
  paramValues,
  runBlockedReason,
  splitRecommended,
} from './runAction';

describe('runBlockedReason', () => {
  const action = { role: 'operator' as const, applicable: true };
  const here = { denied: null, incidentId: '7' };

  test('lets an Editor run an applicable operator action on an incident', () => {
    expect(runBlockedReason(action, here)).toBeUndefined();
    expect(runBlockedReason({ ...action, applicable: null }, here)).toBeUndefined();
  });

  test('names why not: a Viewer, an admin-only action, no incident, an action outside its scope', () => {
    expect(runBlockedReason(action, { ...here, denied: deniedReason('execute', { orgRole: 'Viewer' }) })).toBe(
      RUN_READ_ONLY_REASON
    );
    expect(runBlockedReason({ ...action, role: 'admin' }, here)).toMatch(/admin role/);
    expect(runBlockedReason(action, { ...here, incidentId: null })).toBe('No open incident to run it on.');
    expect(runBlockedReason({ ...action, applicable: false }, here)).toMatch(/does not apply to incident 7/);
  });

  test('the permission comes first: a user who may not run actions is told so, whatever else', () => {
    const denied = deniedReason('execute', { permissions: {} });
    expect(denied).toMatch(/actions:execute/);
    expect(runBlockedReason({ role: 'admin', applicable: false }, { denied, incidentId: null })).toBe(denied);
  });
});

describe('paramValues', () => {
  const specs = [
    { name: 'reason', type: 'string' as const, required: true, description: '' },
    { name: 'replicas', type: 'number' as const, required: false, description: '' },
    { name: 'force', type: 'boolean' as const, required: false, description: '' },
    { name: 'for', type: 'duration' as const, required: false, description: '' },
  ];

  test('types what was typed and leaves empty optional fields out', () => {
    expect(paramValues(specs, { reason: ' deploy ', replicas: '3', force: 'false', for: '' })).toEqual({
      ok: true,
      params: { reason: 'deploy', replicas: 3, force: false },
    });
    expect(paramValues(specs, { reason: 'x', force: 'true', for: '30m' })).toEqual({
      ok: true,
      params: { reason: 'x', force: true, for: '30m' },
    });
  });

  test('names the field that is missing or not a number', () => {
    expect(paramValues(specs, {})).toEqual({ ok: false, field: 'reason', message: 'reason is required' });
    expect(paramValues(specs, { reason: 'x', replicas: 'many' })).toEqual({
      ok: false,
      field: 'replicas',
      message: 'replicas must be a number',
    });
  });

  test('an action without parameters sends none', () => {
    expect(paramValues([], { stray: 'x' })).toEqual({ ok: true, params: {} });
  });
});

describe('newIdempotencyKey', () => {
  test('is 32 hex digits of the random bytes it is given', () => {
    expect(newIdempotencyKey((bytes) => bytes.fill(171))).toBe('ab'.repeat(16));
  });

  test('differs between clicks', () => {
    const fill = (bytes: Uint8Array) => bytes.map(() => Math.floor(Math.random() * 256));
    expect(newIdempotencyKey(fill)).not.toBe(newIdempotencyKey(fill));
    expect(newIdempotencyKey(fill)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('isRetryable', () => {
  test('retries what a repeat may fix (network, 5xx, 429), not a refusal', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new OmenApiError(502, 'bad gateway'))).toBe(true);
    expect(isRetryable(new OmenApiError(429, 'slow down'))).toBe(true);
    expect(isRetryable(new OmenApiError(409, 'not applicable'))).toBe(false);
    expect(isRetryable(new OmenApiError(403, 'denied'))).toBe(false);
  });
});

describe('executionOutcome and splitRecommended', () => {
  test('read an execution’s state as the result shown', () => {
    expect(executionOutcome({ state: 'success' }).word).toBe('succeeded');
    expect(executionOutcome({ state: 'failure' }).word).toBe('failed');
    expect(executionOutcome({ state: 'pending_approval' })).toEqual({ word: 'awaiting approval', color: 'orange' });
  });

  test('put the recommended actions first, strongest first, and keep the rest in catalog order', () => {
    const a = { id: 'a', recommendation: null };
    const b = { id: 'b', recommendation: { score: 0.1, reason: 'any' } };
    const c = { id: 'c', recommendation: { score: 0.9, reason: 'cause' } };
    const d = { id: 'd', recommendation: null };
    const { recommended, others } = splitRecommended([a, b, c, d]);
    expect(recommended.map((x) => x.id)).toEqual(['c', 'b']);
    expect(others.map((x) => x.id)).toEqual(['a', 'd']);
  });
});
