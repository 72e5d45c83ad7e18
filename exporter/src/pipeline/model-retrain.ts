/**
 * An operator's retrain (POST /api/v1/models/:id/retrain): the request is recorded with
 * their name, the series' refit is made due before every other, and cycles run now — or the
 * running one is joined, and one more run if that one had already passed its fits — so the
 * job reports the version it produced.
 */
import type { CatalogModel } from '../store/store.js';
import type { ModelLifecycle } from './model-lifecycle.js';

export interface RetrainReport {
  id: string;
  refitted: boolean;
  version: number;
  /** Why no new version, in words; null when refitted. */
  detail: string | null;
}

export class ModelRetrain {
  constructor(
    private readonly lifecycle: ModelLifecycle,
    private readonly runCycle: () => Promise<void>,
    private readonly clock: () => number = Date.now,
  ) {}

  async run(target: CatalogModel, actor: string): Promise<RetrainReport> {
    const outcome = this.lifecycle.requestRetrain(target, actor, this.clock());
    // The request is on record before any work starts, whatever happens to the work.
    await this.lifecycle.flush();
    if (!outcome.queued)
      return { id: target.id, refitted: false, version: target.version, detail: outcome.why };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await this.runCycle();
      const version = this.lifecycle.get(target)?.version ?? outcome.version;
      if (version > outcome.version) return { id: target.id, refitted: true, version, detail: null };
    }
    return {
      id: target.id,
      refitted: false,
      version: outcome.version,
      detail:
        'the refit is queued ahead of scheduled refits and runs on a coming cycle (new series took these cycles’ fit budget, or the fit failed)',
    };
  }
}
