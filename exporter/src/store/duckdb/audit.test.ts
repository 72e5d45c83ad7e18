import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidCursorError, type AuditEntry, type AuditQuery, type Store } from '../store.js';
import { MINUTE, T0, openMemoryStore } from './test-support.js';

const entry = (minute: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  actor: 'alice',
  atMs: T0 + minute * MINUTE,
  action: 'anomaly.ack',
  target: 'anomaly:1',
  parameters: { note: 'seen', nested: { n: 1 } },
  result: 'success',
  durationMs: 3.5,
  ...overrides,
});

describe('DuckDB audit log', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openMemoryStore();
  });
  afterEach(() => store.close());

  it('round-trips every field, newest first', async () => {
    const first = await store.appendAudit(entry(1));
    const second = await store.appendAudit(entry(2, { actor: 'bob', target: null, result: 'refused' }));
    expect(first).not.toBe(second);
    const page = await store.queryAudit({ limit: 10 });
    expect(page.items).toEqual([
      { id: second, ...entry(2, { actor: 'bob', target: null, result: 'refused' }) },
      { id: first, ...entry(1) },
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by actor, action and time, and pages without gaps or repeats', async () => {
    for (let minute = 0; minute < 7; minute += 1) {
      await store.appendAudit(entry(minute, { actor: minute % 2 ? 'bob' : 'alice' }));
      await store.appendAudit(entry(minute, { action: 'action.execute' }));
    }
    const minutes = async (query: AuditQuery) => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.queryAudit({ ...query, cursor });
        seen.push(...page.items.map((item) => (item.atMs - T0) / MINUTE));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    expect(await minutes({ limit: 2, actor: 'bob', action: 'anomaly.ack' })).toEqual([5, 3, 1]);
    expect(await minutes({ limit: 3, action: 'action.execute' })).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(
      await minutes({ limit: 1, fromMs: T0 + 2 * MINUTE, toMs: T0 + 4 * MINUTE, action: 'anomaly.ack' }),
    ).toEqual([3, 2]);
    expect((await minutes({ limit: 5 })).length).toBe(14);
  });

  it('refuses a cursor it did not hand out, an anomaly cursor included', async () => {
    await store.appendAudit(entry(1));
    await expect(store.queryAudit({ limit: 1, cursor: 'bogus' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.queryAudit({ limit: 1, cursor: 'a1.MTIzLjQ1' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('is never pruned by retention', async () => {
    await store.appendAudit(entry(1));
    const outcome = await store.applyRetention({ rawBeforeMs: T0 + 1e12, rollupsBeforeMs: T0 + 1e12 });
    expect(Object.keys(outcome)).not.toContain('audit_log');
    expect((await store.queryAudit({ limit: 10 })).items).toHaveLength(1);
  });
});
