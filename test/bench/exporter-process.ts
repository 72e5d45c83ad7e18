/**
 * The exporter in a process of its own, driven by the pipeline bench over IPC: the bench
 * asks for a cycle, for the memory figures, and to stop. Its RSS is then the exporter's
 * alone; in the bench's own process it also held the bench's garbage (the scrape target's
 * text, the bodies read back to count series, the timing renders), which is not Omen's.
 *
 * Parent side: startExporterProcess(). Child side: this file run with `--exporter-child`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startExporter } from '../../exporter/src/cli/start-exporter.js';
import { parseConfig } from '../../exporter/src/config/load.js';
import { createLogger } from '../../exporter/src/log/logger.js';

const CHILD_FLAG = '--exporter-child';

/** The figures of process.memoryUsage(), and the peak RSS, in bytes. */
export interface ExporterMemory {
  rss: number;
  peakRss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface ExporterProcess {
  url: string;
  /** One cycle run at once; its wall time and the process's CPU time (DuckDB's threads too). */
  cycle(): Promise<{ wallMs: number; cpuMs: number }>;
  memory(): Promise<ExporterMemory>;
  stop(): Promise<void>;
}

type Request = 'cycle' | 'memory' | 'stop';

/** Starts the child with the config's YAML text; resolves once it serves /metrics. */
export async function startExporterProcess(configYaml: string): Promise<ExporterProcess> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, configYaml], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [ready] = (await Promise.race([once(child, 'message'), exited.then(childDied)])) as [{ url: string }];
  const ask = <T>(request: Request) => askChild<T>(child, request);
  return {
    url: ready.url,
    cycle: () => ask('cycle'),
    memory: () => ask('memory'),
    stop: async () => {
      await ask('stop');
      await exited;
    },
  };
}

function childDied(): never {
  throw new Error('the exporter process exited before it served /metrics');
}

/** Requests go one at a time, so the next message is the answer. */
async function askChild<T>(child: ChildProcess, request: Request): Promise<T> {
  const answer = once(child, 'message');
  child.send(request);
  const [reply] = (await answer) as [{ error?: string; result: T }];
  if (reply.error !== undefined) throw new Error(`exporter process, ${request}: ${reply.error}`);
  return reply.result;
}

async function serveAsChild(configYaml: string): Promise<void> {
  const logger = createLogger({ level: 'warn', format: 'logfmt' });
  const exporter = await startExporter(parseConfig(configYaml, 'bench.yaml'), logger);
  const send = (message: unknown) => process.send!(message);
  const answer = async (request: Request) => {
    if (request === 'cycle') {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      await exporter.runCycleNow();
      const used = process.cpuUsage(cpu);
      return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
    }
    if (request === 'memory') {
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      const peakRss = process.resourceUsage().maxRSS * 1024;
      return { rss, peakRss, heapUsed, heapTotal, external, arrayBuffers };
    }
    await exporter.stop();
    return null;
  };
  process.on('message', (request: Request) => {
    answer(request).then(
      // Once stopped, the answer is the last thing this process has to do.
      (result) => process.send!({ result }, () => request === 'stop' && process.exit(0)),
      (error: unknown) => send({ error: String(error) }),
    );
  });
  send({ url: exporter.url });
}

if (process.argv[2] === CHILD_FLAG) await serveAsChild(process.argv[3]!);
