import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { clockText } from './local-clock.js';
import { recurringPeaks, type HourlySeries } from './recurring-peaks.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hourly means from `fromMs` for `days` days: 0.01 ± 10% noise, plus whatever `extra` adds. */
function hourly(fromMs: number, days: number, extra: (startMs: number) => number, seed = 1): HourlySeries {
  const random = mulberry32(seed);
  const startsMs: number[] = [];
  const means: number[] = [];
  for (let t = fromMs; t < fromMs + days * DAY; t += HOUR) {
    startsMs.push(t);
    means.push(0.01 * (1 + 0.1 * (2 * random() - 1)) + extra(t));
  }
  return { signal: 'error_ratio', service: 'checkout', startsMs, means };
}

/** A spike of 0.05 in the hour bucket starting at UTC hour `utcHour(day)` of each day. */
const spikeAt = (fromMs: number, utcHour: (day: number) => number | null) => (t: number) => {
  const day = Math.floor((t - fromMs) / DAY);
  const hour = utcHour(day);
  return hour !== null && t === fromMs + day * DAY + hour * HOUR ? 0.05 : 0;
};

// Winter: Paris is UTC+1, so its 02:00 is 01:00 UTC.
const JAN = Date.UTC(2026, 0, 5);

describe('recurring daily peaks', () => {
  it('finds a series that peaks at 02:00 Paris time every day of a week, and says so in Paris time', () => {
    const series = hourly(
      JAN,
      7,
      spikeAt(JAN, () => 1),
    );
    const [found, ...rest] = recurringPeaks([series], 'Europe/Paris');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      signal: 'error_ratio',
      service: 'checkout',
      every: 'day',
      weekday: null,
      minuteOfDay: 120,
      timeZone: 'Europe/Paris',
      // The window starts at 01:00 Paris: its first local day has 23 hours, its last one 1 (not observed).
      days: 7,
      observed: 7,
    });
    expect(found!.peak).toBeCloseTo(0.06, 2);
    expect(found!.usual).toBeCloseTo(0.01, 3);
    expect(clockText(found!.minuteOfDay)).toBe('02:00');
    // The same data told in UTC.
    expect(recurringPeaks([series], 'UTC')[0]).toMatchObject({ minuteOfDay: 60, days: 7, observed: 7 });
  });

  it('follows the local clock across a daylight-saving change (Paris, 29 March 2026)', () => {
    // 04:00 in Paris is 03:00 UTC up to 28 March and 02:00 UTC from the 29th on.
    const from = Date.UTC(2026, 2, 24);
    const series = hourly(
      from,
      8,
      spikeAt(from, (day) => (day < 5 ? 3 : 2)),
    );
    const [found] = recurringPeaks([series], 'Europe/Paris');
    expect(found).toMatchObject({ minuteOfDay: 240, days: 8 });
    expect(clockText(found!.minuteOfDay)).toBe('04:00');
  });

  it('reports the local bucket start in a zone half an hour off UTC (Kolkata, +05:30)', () => {
    const series = hourly(
      JAN,
      7,
      spikeAt(JAN, () => 20),
    );
    expect(recurringPeaks([series], 'Asia/Kolkata')[0]).toMatchObject({ minuteOfDay: 90 });
  });

  it('finds nothing when the daily peaks wander across the day', () => {
    const hours = [3, 11, 19, 7, 15, 23, 5];
    expect(
      recurringPeaks(
        [
          hourly(
            JAN,
            7,
            spikeAt(JAN, (day) => hours[day]!),
          ),
        ],
        'UTC',
      ),
    ).toEqual([]);
  });

  it('finds nothing in noise, nor in a smooth daily cycle whose top is no peak', () => {
    const noise = hourly(JAN, 7, () => 0, 7);
    const cycle = hourly(JAN, 7, (t) => 0.005 * Math.sin((2 * Math.PI * (t - JAN)) / DAY), 8);
    expect(recurringPeaks([noise, cycle], 'UTC')).toEqual([]);
  });

  it('needs most of the observed days: a spike on three of seven is not a pattern', () => {
    const some = hourly(
      JAN,
      7,
      spikeAt(JAN, (day) => (day % 2 === 0 && day < 6 ? 2 : null)),
    );
    expect(recurringPeaks([some], 'UTC')).toEqual([]);
    const most = hourly(
      JAN,
      7,
      spikeAt(JAN, (day) => (day === 3 || day === 5 ? null : 2)),
    );
    expect(recurringPeaks([most], 'UTC')[0]).toMatchObject({ minuteOfDay: 120, days: 5, observed: 7 });
  });

  it('counts a peak an hour off the usual time, not two', () => {
    const late = [2, 3, 2, 2, 1, 2, 4];
    const [found] = recurringPeaks(
      [
        hourly(
          JAN,
          7,
          spikeAt(JAN, (day) => late[day]!),
        ),
      ],
      'UTC',
    );
    expect(found).toMatchObject({ minuteOfDay: 120, days: 6 });
  });

  it('finds a weekly peak on one weekday when there is no daily one', () => {
    // 5 January 2026 is a Monday; 09:00 in Paris is 08:00 UTC in winter.
    const spike = spikeAt(JAN, (day) => (day % 7 === 0 ? 8 : null));
    const [found] = recurringPeaks([hourly(JAN, 28, spike)], 'Europe/Paris');
    expect(found).toMatchObject({ every: 'week', weekday: 1, minuteOfDay: 540, days: 4, observed: 4 });
    // A daily peak over the same four weeks is daily, not weekly.
    const daily = recurringPeaks(
      [
        hourly(
          JAN,
          28,
          spikeAt(JAN, () => 8),
        ),
      ],
      'Europe/Paris',
    );
    expect(daily).toMatchObject([{ every: 'day', weekday: null, minuteOfDay: 540, days: 28 }]);
  });

  it('finds no weekly peak in two weeks, nor when other days peak at that time too', () => {
    expect(
      recurringPeaks(
        [
          hourly(
            JAN,
            14,
            spikeAt(JAN, (day) => (day % 7 === 0 ? 8 : null)),
          ),
        ],
        'UTC',
      ),
    ).toEqual([]);
    // Mondays every week, and every other day half the time: neither daily nor weekly.
    const busy = spikeAt(JAN, (day) => (day % 7 === 0 || day % 2 === 1 ? 8 : null));
    expect(recurringPeaks([hourly(JAN, 28, busy)], 'UTC')).toEqual([]);
  });
});
