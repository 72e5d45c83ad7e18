/** The OpenAPI 3.1 document, generated from the contract's schemas (never written by hand). */
import { readPaths } from './openapi/read-paths.js';
import { writePaths } from './openapi/write-paths.js';

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omen API',
      version,
      description:
        'Anomalies, signals and health of the Omen exporter. Metrics are on /metrics. With tokens ' +
        'configured, /api/v1 calls need `Authorization: Bearer <token>`: viewer reads, operator also ' +
        'acts, admin also administers and may push, ingest may only push.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths: {
      ...readPaths(),
      ...writePaths(),
    },
  };
}
