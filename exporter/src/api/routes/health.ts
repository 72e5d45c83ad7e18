/** Liveness and readiness, open without a token (DESIGN Decision 9). */
import { Router } from 'express';
import type { SourceHealth } from '../../pipeline/collect.js';

export interface HealthDeps {
  storeOpen: () => boolean;
  sourceHealth: Map<string, SourceHealth>;
}

export function healthRouter({ storeOpen, sourceHealth }: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', (_request, response) => {
    const sources = [...sourceHealth.entries()];
    const up = sources.filter(([, health]) => health.up).map(([name]) => name);
    const checks = {
      store: { ok: storeOpen() },
      sources: {
        ok: up.length > 0,
        detail:
          sources.length === 0
            ? 'no collection has finished yet'
            : sources
                .map(([name, health]) => `${name}: ${health.up ? 'up' : `down (${health.lastError})`}`)
                .join('; '),
      },
    };
    const ready = checks.store.ok && checks.sources.ok;
    response.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'not_ready', checks });
  });
  return router;
}
