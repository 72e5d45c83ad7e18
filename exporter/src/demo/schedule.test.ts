import { describe, expect, it } from 'vitest';
import { parseDuration } from '../config/duration.js';
import { DEMO_DAY_MS, formatDemoTime, parseTimeOfDay } from './demo-clock.js';
import { INCIDENTS } from './incident-catalog.js';
import { DAILY_SCHEDULE, dueOccurrences } from './schedule.js';
import { Simulation, type IncidentEvent } from './simulation.js';

const DAY_MS = 24 * 60_000; // real ms per demo day at the default speed
const at = (day: number, hhmm: string) => (day * DEMO_DAY_MS + parseTimeOfDay(hhmm)) / 60; // demo → real ms

function run(schedule: 'on' | 'off') {
  const events: IncidentEvent[] = [];
  const sim = new Simulation({
    seed: 1,
    dayLengthMs: DAY_MS,
    schedule,
    startRealMs: 0,
    recorder: { record: () => undefined },
    onIncident: (event) => events.push(event),
  });
  const active = (realMs: number) => {
    sim.step(realMs);
    return sim.activeIncidents(realMs).map((i) => `${i.name}@${i.service}`);
  };
  return { sim, events, active };
}

describe('the daily incident schedule', () => {
  it('is valid data: known incidents, parseable times and durations, each on its default target', () => {
    for (const entry of DAILY_SCHEDULE) {
      expect(() => parseTimeOfDay(entry.at)).not.toThrow();
      expect(parseDuration(entry.duration)).toBeGreaterThan(0);
      expect(INCIDENTS[entry.incident].defaultService).toBe(entry.service);
    }
    expect(new Set(DAILY_SCHEDULE.map((e) => e.incident)).size).toBe(4);
  });

  it('runs the right incident at each scheduled demo time, on day 0 and again on day 1', () => {
    const { active } = run('on');
    for (const day of [0, 1]) {
      expect(active(at(day, '03:59'))).toEqual([]);
      expect(active(at(day, '04:01'))).toEqual(['error_spike@payments']);
      expect(active(at(day, '06:59'))).toEqual(['error_spike@payments']);
      expect(active(at(day, '07:01'))).toEqual([]);
      expect(active(at(day, '09:30'))).toEqual(['latency_shift@catalog']);
      expect(active(at(day, '13:30'))).toEqual(['slow_burn@checkout']);
      expect(active(at(day, '18:59'))).toEqual(['slow_burn@checkout']);
      expect(active(at(day, '19:01'))).toEqual([]);
      expect(active(at(day, '21:30'))).toEqual(['dependency_failure@inventory']);
    }
  });

  it('starts each occurrence at its scheduled time, even when one step jumps over it', () => {
    const { events, sim } = run('on');
    sim.step(at(0, '04:20')); // one 20-real-second step over 04:00
    const started = events.find((e) => e.kind === 'started')!.incident;
    expect(formatDemoTime(started.startDemoMs)).toBe('day 0 04:00:00');
    expect(formatDemoTime(started.endDemoMs)).toBe('day 0 07:00:00');
    expect(started.origin).toBe('schedule');
  });

  it('reports starts and ends, one each per occurrence', () => {
    const { events, active } = run('on');
    for (let t = 0; t <= DAY_MS; t += 250) active(t);
    const kinds = events.map((e) => `${e.kind} ${e.incident.name}`);
    expect(kinds).toEqual([
      'started error_spike',
      'ended error_spike',
      'started latency_shift',
      'ended latency_shift',
      'started slow_burn',
      'ended slow_burn',
      'started dependency_failure',
      'ended dependency_failure',
    ]);
  });

  it('with schedule off never starts an incident', () => {
    const { events, active } = run('off');
    for (let t = 0; t <= 2 * DAY_MS; t += 1000) expect(active(t)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('sees each start exactly once however the windows are cut', () => {
    const cuts = [0, 1, 3_600_000 * 4, 3_600_000 * 4 + 1, DEMO_DAY_MS - 1, DEMO_DAY_MS, 2 * DEMO_DAY_MS + 5];
    const seen = cuts.slice(1).flatMap((to, i) => dueOccurrences(DAILY_SCHEDULE, cuts[i]!, to));
    expect(seen.map((o) => formatDemoTime(o.startDemoMs))).toEqual([
      'day 0 04:00:00',
      'day 0 09:00:00',
      'day 0 13:00:00',
      'day 0 21:00:00',
      'day 1 04:00:00',
      'day 1 09:00:00',
      'day 1 13:00:00',
      'day 1 21:00:00',
    ]);
  });
});
