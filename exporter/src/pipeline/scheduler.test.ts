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
  /** A scheduler whose cycles wait for the test to open the gate; it counts starts and overruns. */
  function gatedScheduler() {
    const gate = deferred();
    const counts = { started: 0, overruns: 0 };
    const scheduler = new Scheduler({
      intervalMs: 60_000,
      runCycle: async () => {
        counts.started += 1;
        await gate.promise;
      },
      onOverrun: () => (counts.overruns += 1),
      onCycleDone: () => {},
      logger,
    });
    return { scheduler, gate, counts };
  }

  it('counts an overrun instead of stacking a second cycle', async () => {
    const { scheduler, gate, counts } = gatedScheduler();
    const first = scheduler.tick();
    const second = scheduler.tick();
    expect(counts).toEqual({ started: 1, overruns: 1 });
    gate.resolve();
    await Promise.all([first, second]);
    await scheduler.tick();
    expect(counts.started).toBe(2);
  });

  it('runNow() joins a running cycle without counting an overrun, and runs nothing once stopped', async () => {
    const { scheduler, gate, counts } = gatedScheduler();
    const scheduled = scheduler.tick();
    const asked = scheduler.runNow();
    expect(counts).toEqual({ started: 1, overruns: 0 });
    gate.resolve();
    await Promise.all([scheduled, asked]);
    await scheduler.runNow();
    expect(counts.started).toBe(2);
    await scheduler.stop();
    await scheduler.runNow();
    await scheduler.tick();
    expect(counts.started).toBe(2);
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
