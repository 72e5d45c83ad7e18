/**
 * Wall-clock time in an IANA zone, through Intl (so daylight saving time is the platform's
 * tz database, not ours). Hour-aligned instants repeat across series, so each is converted
 * once per clock.
 */

export interface LocalTime {
  /** The local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Minutes since local midnight (0..1439). */
  minuteOfDay: number;
  /** 0 Sunday … 6 Saturday, of the local day. */
  weekday: number;
}

export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly seen = new Map<number, LocalTime>();

  /** Throws RangeError for a zone Intl does not know (the config refuses those first). */
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  at(ms: number): LocalTime {
    let local = this.seen.get(ms);
    if (!local) {
      const part = Object.fromEntries(this.format.formatToParts(ms).map((p) => [p.type, p.value]));
      const day = `${part['year']}-${part['month']}-${part['day']}`;
      local = {
        day,
        minuteOfDay: Number(part['hour']) * 60 + Number(part['minute']),
        // A calendar date's weekday is the same in every zone: read it at UTC midnight.
        weekday: new Date(`${day}T00:00:00Z`).getUTCDay(),
      };
      this.seen.set(ms, local);
    }
    return local;
  }
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `02:00`, `13:30`. */
export function clockText(minuteOfDay: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
