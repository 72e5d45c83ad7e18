import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { Scheduler } from './scheduler.js';

const logger = createLogger({ level: 'error', format: 'json' });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Scheduler', () => {
  it('counts an overrun instead of stacking a second cycle', async () => {
    const gate = deferred();
    let started = 0;
    let overruns = 0;
    const scheduler = new Scheduler({
      intervalMs: 60_000,
      runCycle: async () => {
        started += 1;
        await gate.promise;
      },
      onOverrun: () => (overruns += 1),
      onCycleDone: () => {},
      logger,
    });
    const first = scheduler.tick();
    const second = scheduler.tick();
    expect(started).toBe(1);
    expect(overruns).toBe(1);
    gate.resolve();
    await Promise.all([first, second]);
    await scheduler.tick();
    expect(started).toBe(2);
  });

  it('reports a failing cycle and keeps going', async () => {
    const outcomes: unknown[] = [];
    let calls = 0;
    const scheduler = new Scheduler({
      intervalMs: 60_000,
      runCycle: async () => {
        calls += 1;
        if (calls === 1) throw new Error('store unavailable');
      },
      onOverrun: () => {},
      onCycleDone: (_seconds, error) => outcomes.push(error),
      logger,
    });
    await scheduler.tick();
    await scheduler.tick();
    expect(String(outcomes[0])).toContain('store unavailable');
    expect(outcomes[1]).toBeUndefined();
  });

  it('stop() waits for the running cycle to finish', async () => {
    const gate = deferred();
    let finished = false;
    const scheduler = new Scheduler({
      intervalMs: 60_000,
      runCycle: async () => {
        await gate.promise;
        finished = true;
      },
      onOverrun: () => {},
      onCycleDone: () => {},
      logger,
    });
    scheduler.start();
    const stopped = scheduler.stop();
    setTimeout(() => gate.resolve(), 20);
    await stopped;
    expect(finished).toBe(true);
  });
});
