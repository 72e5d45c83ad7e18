/**
 * Webhook body templates: `{{name}}` placeholders inside the JSON body's strings. Values
 * are substituted into parsed JSON, never spliced into JSON text, so a value cannot break
 * out of its string. A string that is exactly one placeholder takes the value's own type.
 */
const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}$/;

export type TemplateValue = string | number | boolean;

/** Every placeholder name in a JSON value (for the config check). */
export function templateNames(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  if (Array.isArray(value)) return value.flatMap(templateNames);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(templateNames);
  return [];
}

/** The body with every placeholder replaced; unknown names become empty strings. */
export function renderTemplate(value: unknown, values: ReadonlyMap<string, TemplateValue>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return values.get(whole[1]!) ?? '';
    return value.replace(PLACEHOLDER, (_match, name: string) => String(values.get(name) ?? ''));
  }
  if (Array.isArray(value)) return value.map((item) => renderTemplate(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderTemplate(item, values)]),
    );
  }
  return value;
}
