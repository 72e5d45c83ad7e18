import { describe, expect, it } from 'vitest';
import { renderTemplate, templateNames } from './template.js';

describe('webhook body templates', () => {
  const body = {
    text: 'Restart {{target.service}} for {{ actor }}',
    replicas: '{{params.replicas}}',
    tags: ['{{target.signal}}', 'fixed', 3],
    nested: { id: '{{execution.id}}', none: null },
  };

  it('lists every placeholder', () => {
    expect(templateNames(body)).toEqual([
      'target.service',
      'actor',
      'params.replicas',
      'target.signal',
      'execution.id',
    ]);
  });

  it('substitutes into strings, keeps a whole placeholder’s type, and cannot break out of JSON', () => {
    const values = new Map<string, string | number | boolean>([
      ['target.service', 'pay"ments'],
      ['actor', 'alice'],
      ['params.replicas', 3],
      ['target.signal', 'error_ratio'],
    ]);
    const rendered = renderTemplate(body, values);
    expect(rendered).toEqual({
      text: 'Restart pay"ments for alice',
      replicas: 3,
      tags: ['error_ratio', 'fixed', 3],
      nested: { id: '', none: null },
    });
    expect(JSON.parse(JSON.stringify(rendered))).toEqual(rendered);
  });
});
