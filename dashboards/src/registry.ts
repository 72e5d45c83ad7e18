/** Every provisioned dashboard, by the file name it is written to. */
import { overviewDashboard } from './overview.js';
import { serviceDashboard } from './service.js';

export const dashboards = {
  'omen-overview.json': overviewDashboard,
  'omen-service.json': serviceDashboard,
} as const;
