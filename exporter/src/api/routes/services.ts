/** GET /api/v1/services: each multi-series service's score as a whole, and what drives it. */
import { Router } from 'express';
import type { ServiceAnomaly } from '../../scores/series-score.js';
import type { ServicesResponse } from '../contract.js';

export function servicesRouter(latest: { services?: ServiceAnomaly[] }): Router {
  const router = Router();
  router.get('/services', (_request, response) => {
    const body: ServicesResponse = { services: latest.services ?? [] };
    response.json(body);
  });
  return router;
}
