/** `omen demo`: the demo application in its own process (DESIGN Decision 3). */
import { startDemo } from '../demo/demo-app.js';
import { createLogger } from '../log/logger.js';

export async function demoCommand(options: {
  host: string;
  port: string;
  dayLength: string;
  schedule: 'on' | 'off';
  seed: string;
  peakRps: string;
}): Promise<void> {
  const logger = createLogger({ level: 'info', format: 'logfmt', name: 'demo' });
  const demo = await startDemo({
    host: options.host,
    port: Number(options.port),
    dayLength: options.dayLength,
    schedule: options.schedule,
    seed: Number(options.seed),
    peakRequestsPerSecond: Number(options.peakRps),
    logger,
  });
  logger.info({ url: demo.url }, 'demo application is serving');
  const shutdown = () => void demo.close().then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
