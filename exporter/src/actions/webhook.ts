/**
 * The `webhook` action: POSTs the action's templated JSON body to its allow-listed URL,
 * signed with HMAC-SHA256 over "<unix seconds>.<body>" so the receiver can check both who
 * sent it and that it is fresh. Redirects are never followed (a 3xx is a failure), so a
 * receiver cannot bounce the request to a host that is not allow-listed. Network errors,
 * 5xx and 429 are retried with doubling backoff, all within the execution's time limit.
 */
import { createHmac } from 'node:crypto';
import type { WebhookActionConfig } from '../config/actions-schema.js';
import { parseDuration } from '../config/duration.js';
import { ExecutionFailed, sleep, type ActionExecutor, type ExecutionContext } from './executor.js';
import { renderTemplate, type TemplateValue } from './template.js';

export const SIGNATURE_HEADER = 'x-omen-signature';

export interface WebhookDeps {
  secrets: ReadonlyMap<string, string>;
  allowedUrls: readonly string[];
  clock?: () => number;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as the receiver recomputes it. */
export function signature(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

function templateValues(action: WebhookActionConfig, context: ExecutionContext): Map<string, TemplateValue> {
  const [series] = context.target.series;
  const values = new Map<string, TemplateValue>([
    ['action.id', action.id],
    ['execution.id', context.executionId],
    ['actor', context.actor],
    ['target.kind', context.target.kind],
    ['target.id', context.target.id],
    ['target.signal', series?.signal ?? ''],
    ['target.service', series?.service ?? ''],
  ]);
  for (const [name, value] of Object.entries(context.params)) values.set(`params.${name}`, value);
  return values;
}

const retryable = (status: number) => status === 429 || status >= 500;

export function webhookExecutor(deps: WebhookDeps): ActionExecutor<WebhookActionConfig> {
  const clock = deps.clock ?? Date.now;
  return {
    async execute(action, context) {
      // Checked at load too; checked again here so no path reaches an unlisted URL.
      if (!deps.allowedUrls.some((prefix) => action.url.startsWith(prefix))) {
        throw new ExecutionFailed(`the URL of action ${action.id} is not allow-listed`);
      }
      const secret = deps.secrets.get(action.id);
      if (secret === undefined) throw new ExecutionFailed(`action ${action.id} has no signing secret loaded`);
      const body = JSON.stringify(renderTemplate(action.body, templateValues(action, context)));
      const backoffMs = parseDuration(action.backoff);
      let last = '';
      for (let attempt = 1; attempt <= action.retries + 1; attempt += 1) {
        if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2), context.signal);
        const unixSeconds = Math.floor(clock() / 1000);
        let response: Response;
        try {
          response = await fetch(action.url, {
            method: 'POST',
            redirect: 'manual',
            signal: context.signal,
            headers: {
              'content-type': 'application/json',
              [SIGNATURE_HEADER]: signature(secret, unixSeconds, body),
              // The same key on every retry, so the receiver can drop duplicates too.
              'idempotency-key': context.executionId,
            },
            body,
          });
        } catch (error) {
          if (context.signal.aborted) throw error;
          last = `network error: ${(error as Error).cause ?? (error as Error).message}`;
          continue;
        }
        await response.body?.cancel();
        const details = { status: response.status, attempts: attempt };
        if (response.status >= 200 && response.status < 300) return details;
        if (response.status >= 300 && response.status < 400) {
          throw new ExecutionFailed(
            `the webhook answered a redirect (HTTP ${response.status}); redirects are not followed`,
            details,
          );
        }
        if (!retryable(response.status))
          throw new ExecutionFailed(`the webhook answered HTTP ${response.status}`, details);
        last = `HTTP ${response.status}`;
      }
      throw new ExecutionFailed(`the webhook failed after ${action.retries + 1} attempts: ${last}`, {
        attempts: action.retries + 1,
      });
    },
  };
}
