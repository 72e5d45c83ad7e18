/**
 * Cross-key checks of the action catalog: ids unique, webhooks only to allow-listed URLs,
 * signing secrets present, body templates naming only what exists, scopes naming
 * configured signals.
 */
import { accessSync, constants } from 'node:fs';
import { formatPath } from './errors.js';
import type { OmenConfig } from './schema.js';
import { templateNames } from '../actions/template.js';

export function actionProblems(config: OmenConfig, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const { catalog, allowedUrls } = config.actions;
  const ids = catalog.map((action) => action.id);
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`actions.catalog: the id "${id}" is used twice`);
  }
  const signals = new Set(config.signals.map((signal) => signal.name));
  catalog.forEach((action, index) => {
    const at = (...path: (string | number)[]) => formatPath(['actions', 'catalog', index, ...path]);
    for (const signal of action.appliesTo.signals) {
      if (!signals.has(signal))
        problems.push(`${at('appliesTo', 'signals')}: no signal is named "${signal}"`);
    }
    const required = Object.entries(action.params).filter(([, spec]) => spec.required);
    if (action.auto && required.length > 0) {
      problems.push(`${at('auto')}: an automatic action cannot have required params (${required[0]![0]})`);
    }
    if (action.kind !== 'webhook') return;
    if (!allowedUrls.some((prefix) => action.url.startsWith(prefix))) {
      problems.push(`${at('url')}: "${action.url}" starts with none of actions.allowedUrls`);
    }
    for (const name of templateNames(action.body)) {
      const param = /^params\.(.+)$/.exec(name)?.[1];
      if (param !== undefined ? !(param in action.params) : !KNOWN_NAMES.has(name)) {
        problems.push(`${at('body')}: unknown placeholder {{${name}}}`);
      }
    }
    const { secret } = action;
    if (secret.env !== undefined && !env[secret.env]) {
      problems.push(`${at('secret', 'env')}: the environment variable ${secret.env} is not set or empty`);
    }
    if (secret.file !== undefined) {
      try {
        accessSync(secret.file, constants.R_OK);
      } catch {
        problems.push(`${at('secret', 'file')}: cannot read "${secret.file}"`);
      }
    }
  });
  return problems;
}

const KNOWN_NAMES = new Set([
  'action.id',
  'execution.id',
  'actor',
  'target.kind',
  'target.id',
  'target.signal',
  'target.service',
]);
