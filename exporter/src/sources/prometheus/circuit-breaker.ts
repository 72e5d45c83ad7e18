/**
 * Keeps a failing server from being hit every cycle. After `failures` consecutive failed
 * collects the circuit opens: collects fail at once, without a request, until the open
 * time has passed; then one attempt goes through (half-open). Each failed attempt doubles
 * the open time up to `maxOpenMs`; one success closes the circuit. Time is the cycle's
 * `nowMs`, so the schedule is deterministic under an injected clock.
 */
import { formatDuration } from '../../config/duration.js';

export interface BreakerSettings {
  failures: number;
  openMs: number;
  maxOpenMs: number;
}

/** Thrown instead of a request while the circuit is open. */
export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

export class CircuitBreaker {
  private consecutive = 0;
  private openUntilMs: number | undefined;
  private lastError = '';

  constructor(private readonly settings: BreakerSettings) {}

  /** Throws `CircuitOpenError` while the circuit is open at `nowMs`. */
  check(nowMs: number): void {
    if (this.openUntilMs === undefined || nowMs >= this.openUntilMs) return;
    const seconds = Math.ceil((this.openUntilMs - nowMs) / 1000);
    throw new CircuitOpenError(`circuit open, next attempt in ${seconds}s (last error: ${this.lastError})`);
  }

  succeeded(): void {
    this.consecutive = 0;
    this.openUntilMs = undefined;
  }

  /** Records a failed collect; returns the open time when it (re)opens the circuit. */
  failed(nowMs: number, error: string): number | undefined {
    this.consecutive += 1;
    this.lastError = error;
    const beyond = this.consecutive - this.settings.failures;
    if (beyond < 0) return undefined;
    const openMs = Math.min(this.settings.openMs * 2 ** beyond, this.settings.maxOpenMs);
    this.openUntilMs = nowMs + openMs;
    return openMs;
  }

  describe(openMs: number): string {
    return `${this.consecutive} consecutive failures; no request for ${formatDuration(openMs)}`;
  }
}
