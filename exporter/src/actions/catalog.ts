/**
 * The configured actions: lookup by id, their time limit, and the check of an execute
 * request's params against what the action declares (unknown, missing or mistyped params
 * are the caller's error, named by field).
 */
import type { ActionConfig } from '../config/actions-schema.js';
import { DURATION_PATTERN, parseDuration } from '../config/duration.js';
import type { ParamValue } from './executor.js';

export type ParamCheck =
  { ok: true; params: Record<string, ParamValue> } | { ok: false; field: string; message: string };

export class ActionCatalog {
  private readonly byId: ReadonlyMap<string, ActionConfig>;

  constructor(
    readonly actions: readonly ActionConfig[],
    private readonly defaultTimeout: string,
  ) {
    this.byId = new Map(actions.map((action) => [action.id, action]));
  }

  get(id: string): ActionConfig | undefined {
    return this.byId.get(id);
  }

  timeoutMs(action: ActionConfig): number {
    return parseDuration(action.timeout ?? this.defaultTimeout);
  }

  checkParams(action: ActionConfig, params: Readonly<Record<string, ParamValue>>): ParamCheck {
    for (const name of Object.keys(params)) {
      if (!(name in action.params)) {
        return {
          ok: false,
          field: `params.${name}`,
          message: `params.${name}: action ${action.id} takes no such parameter`,
        };
      }
    }
    for (const [name, spec] of Object.entries(action.params)) {
      const value = params[name];
      const field = `params.${name}`;
      if (value === undefined) {
        if (spec.required) return { ok: false, field, message: `${field}: required` };
        continue;
      }
      const expected = spec.type === 'duration' ? 'string' : spec.type;
      if (typeof value !== expected)
        return { ok: false, field, message: `${field}: expected a ${spec.type}` };
      if (spec.type === 'duration' && !DURATION_PATTERN.test(value as string)) {
        return { ok: false, field, message: `${field}: expected a duration such as 30m or 2h` };
      }
    }
    return { ok: true, params: { ...params } };
  }
}
