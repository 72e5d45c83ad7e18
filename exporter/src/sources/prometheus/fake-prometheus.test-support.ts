/**
 * A small stand-in for the Prometheus HTTP API on 127.0.0.1:0, for the error cases a real
 * server will not produce on demand (500, a hang, bad JSON, `status: error`). The real
 * behaviour is proven against a real Prometheus in test/integration/prometheus-outage.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RangeRequest {
  path: string;
  query: string;
  startMs: number;
  endMs: number;
  stepMs: number;
  authorization: string | undefined;
}

export type Answer = (request: RangeRequest, response: ServerResponse) => void;

/** A matrix with one series per service whose value at t is t in seconds (checkable). */
export function matrixAnswer(services: string[] = ['a']): Answer {
  return ({ startMs, endMs, stepMs }, response) => {
    const values: [number, string][] = [];
    for (let t = startMs; t <= endMs; t += stepMs) values.push([t / 1000, String(t / 1000)]);
    const result = services.map((service) => ({ metric: { service }, values }));
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
  };
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startFakePrometheus(initial: Answer) {
  const requests: RangeRequest[] = [];
  let answer = initial;
  const server = createServer((request, response) => {
    void readForm(request).then((form) => {
      const seen: RangeRequest = {
        path: request.url ?? '',
        query: form.get('query') ?? '',
        startMs: Number(form.get('start')) * 1000,
        endMs: Number(form.get('end')) * 1000,
        stepMs: Number(form.get('step')) * 1000,
        authorization: request.headers.authorization,
      };
      requests.push(seen);
      answer(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith: (next: Answer) => (answer = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
