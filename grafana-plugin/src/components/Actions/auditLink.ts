/**
 * The link from an execution to its audit entry: the Actions page's audit log, filtered to
 * the executions the user asked for, down to the one carrying the click's Idempotency-Key
 * (the exporter keeps the key in the audit row's parameters; the API filters by action and
 * actor, the key is matched here).
 */
import type { AuditResponse } from '../../api/contract';
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';

export const EXECUTE_AUDIT_ACTION = 'action.execute';

export interface AuditFilter {
  action?: string;
  actor?: string;
  key?: string;
}

export function auditHref(appSubUrl: string, filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const name of ['action', 'actor', 'key'] as const) {
    const value = filter[name];
    if (value) {
      params.set(name, value);
    }
  }
  const query = params.toString();
  const page = `${appSubUrl}${PLUGIN_BASE_URL}/${ROUTES.Actions}`;
  return query ? `${page}?${query}` : page;
}

/** The filter in the Actions page's URL; values longer than the API accepts are ignored. */
export function auditFilterFromSearch(search: string): AuditFilter {
  const params = new URLSearchParams(search);
  const take = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value && value.length <= max ? value : undefined;
  };
  return { action: take('action', 100), actor: take('actor', 200), key: take('key', 200) };
}

export function matchesKey(entry: AuditResponse['items'][number], key: string | undefined): boolean {
  return key === undefined || entry.parameters.idempotencyKey === key;
}
