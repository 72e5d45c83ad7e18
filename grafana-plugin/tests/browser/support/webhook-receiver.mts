/**
 * The far end of the harness exporter's `webhook` action: a loopback HTTP server that
 * records what the exporter POSTs (body and signature header) and answers 200, so a test
 * can check that running the action reached the outside world, signed.
 */
import { createServer } from 'node:http';

export interface ReceivedHook {
  body: Record<string, unknown>;
  signature: string | undefined;
}

export interface WebhookReceiver {
  /** Allow-listed by the exporter's config; the action posts to `${url}/hook`. */
  url: string;
  received: ReceivedHook[];
  close: () => Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
        signature: request.headers['x-omen-signature'] as string | undefined,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"paged":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
