/**
 * Automatic actions: an action marked `auto: true` runs on its own, once per open incident
 * it is recommended for at least `actions.automatic.minScore`, through the same runner as
 * a click (idempotency key `auto:<incident>`, time limit, audit, metrics; approval still
 * waits for an operator). Each action may run automatically at most `perHour` times an
 * hour; a run past that is refused and audited. Runs are started, never awaited, so a slow
 * webhook cannot hold up a cycle.
 */
import type { Counter } from 'prom-client';
import type { Logger } from '../log/logger.js';
import type { RankedAction } from '../models/recommend/rank-actions.js';
import type { Auditor } from './audit.js';
import type { ActionCatalog } from './catalog.js';
import type { ActionRunner } from './runner.js';

export const AUTO_ACTOR = 'omen';
const HOUR_MS = 3_600_000;

export interface AutoActionsDeps {
  catalog: ActionCatalog;
  runner: Pick<ActionRunner, 'execute'>;
  auditor: Auditor;
  executions: Counter<string>;
  logger: Logger;
  minScore: number;
  perHour: number;
  clock?: () => number;
}

export class AutoActions {
  /** `action:incident` pairs already started (or refused) by this process. */
  private readonly started = new Set<string>();
  private readonly runs = new Map<string, number[]>();
  private readonly clock: () => number;

  constructor(private readonly deps: AutoActionsDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  consider(incidentId: string, ranked: readonly RankedAction[]): void {
    for (const { action: id, score } of ranked) {
      const action = this.deps.catalog.get(id);
      const key = `${id}:${incidentId}`;
      if (!action?.auto || score < this.deps.minScore || this.started.has(key)) continue;
      this.started.add(key);
      if (!this.take(id)) {
        this.refuse(id, incidentId);
        continue;
      }
      this.deps.runner
        .execute({
          actionId: id,
          target: { kind: 'incident', id: incidentId },
          params: {},
          idempotencyKey: `auto:${incidentId}`,
          caller: { name: AUTO_ACTOR, isAdmin: true },
        })
        .then(({ execution }) =>
          this.deps.logger.info(
            { action: id, incident: incidentId, execution: execution.id, state: execution.state },
            'automatic action ran',
          ),
        )
        .catch((error: unknown) =>
          this.deps.logger.warn(
            { action: id, incident: incidentId, err: String(error) },
            'automatic action failed',
          ),
        );
    }
  }

  /** Forgets incidents that are no longer open. */
  retain(openIncidentIds: ReadonlySet<string>): void {
    for (const key of this.started) {
      if (!openIncidentIds.has(key.slice(key.indexOf(':') + 1))) this.started.delete(key);
    }
  }

  private take(actionId: string): boolean {
    const nowMs = this.clock();
    const recent = (this.runs.get(actionId) ?? []).filter((at) => at > nowMs - HOUR_MS);
    const allowed = recent.length < this.deps.perHour;
    if (allowed) recent.push(nowMs);
    this.runs.set(actionId, recent);
    return allowed;
  }

  private refuse(actionId: string, incidentId: string): void {
    this.deps.executions.inc({ action: actionId, result: 'refused' });
    this.deps.logger.warn(
      { action: actionId, incident: incidentId, perHour: this.deps.perHour },
      'automatic action refused: its hourly limit is reached',
    );
    void this.deps.auditor
      .record({
        actor: AUTO_ACTOR,
        action: 'action.execute',
        target: `incident:${incidentId}`,
        parameters: { action: actionId, automatic: true },
        result: 'rate_limited',
        startedMs: this.clock(),
      })
      .catch(() => undefined);
  }
}
