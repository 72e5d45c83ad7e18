/** `omen serve`: load the config, start the exporter, stop gracefully on SIGTERM/SIGINT. */
import { loadConfigFile } from '../config/load.js';
import { createLogger } from '../log/logger.js';
import { startExporter } from './start-exporter.js';

export async function serveCommand(options: { config: string; port?: string }): Promise<void> {
  const env = { ...process.env, ...(options.port !== undefined ? { OMEN_PORT: options.port } : {}) };
  const config = loadConfigFile(options.config, { env });
  const logger = createLogger({ level: config.log.level, format: config.log.format });
  const exporter = await startExporter(config, logger);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing the running cycle');
    exporter.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
