/**
 * Compressed time: one demo day passes in `dayLengthMs` of real time (default 24 minutes),
 * so a daily cycle and a day's incidents fit in a coffee break, and Omen's signals use a
 * `24m` season to match. Demo time starts at 00:00 of day 0 when the demo starts.
 */
export const DEMO_DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export class DemoClock {
  /** Demo milliseconds per real millisecond (60 at the default 24-minute day). */
  readonly speed: number;

  constructor(
    readonly startRealMs: number,
    readonly dayLengthMs: number,
  ) {
    if (!(dayLengthMs > 0)) throw new Error(`demo day length must be positive, got ${dayLengthMs} ms`);
    this.speed = DEMO_DAY_MS / dayLengthMs;
  }

  /** Demo milliseconds since 00:00 of day 0; never negative. */
  demoMs(realMs: number): number {
    return Math.max(0, realMs - this.startRealMs) * this.speed;
  }

  /** The real time at which the demo clock shows `demoMs` (for correlating with Prometheus). */
  realMs(demoMs: number): number {
    return this.startRealMs + demoMs / this.speed;
  }
}

/** Hours into the demo day, 0 ≤ h < 24. */
export function hourOfDay(demoMs: number): number {
  return (demoMs % DEMO_DAY_MS) / HOUR_MS;
}

/** "day 1 13:05:00": how people read the demo clock in logs and `/demo/state`. */
export function formatDemoTime(demoMs: number): string {
  const day = Math.floor(demoMs / DEMO_DAY_MS);
  const seconds = Math.floor((demoMs % DEMO_DAY_MS) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `day ${day} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** "04:00" → demo milliseconds after midnight; the schedule's notation. */
export function parseTimeOfDay(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`not a time of day: "${text}" (expected HH:MM, 00:00-23:59)`);
  return Number(match[1]) * HOUR_MS + Number(match[2]) * 60_000;
}
