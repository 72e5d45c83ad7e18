/**
 * README's configuration reference, generated from the schema so the two cannot drift:
 * one table row per key with its type, default and description. A test fails when
 * README's copy differs (`npm run docs:config` rewrites it).
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface ReferenceRow {
  key: string;
  type: string;
  required: boolean;
  default: string;
  description: string;
}

function numericRange(schema: JsonSchema, base: string): string {
  const low = schema.minimum ?? schema.exclusiveMinimum;
  const high = schema.maximum ?? schema.exclusiveMaximum;
  if (low === undefined || high === undefined || high >= 1e15) return base;
  const open = schema.exclusiveMinimum !== undefined ? '(' : '[';
  const close = schema.exclusiveMaximum !== undefined ? ')' : ']';
  return `${base} ${open}${low}, ${high}${close}`;
}

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeOf).join(' \\| ');
  if (schema.pattern?.includes('ms|s|m|h|d|w|y')) return 'duration';
  const base = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  if (base === 'array' && schema.items) return `list of ${typeOf(schema.items)}`;
  return base === 'number' || base === 'integer' ? numericRange(schema, base) : base;
}

/** A key is required only where its enclosing object is (prefix '' is the file itself). */
function childRequired(parent: JsonSchema, key: string, prefix: string, parentRequired: boolean): boolean {
  return (prefix === '' || parentRequired) && (parent.required?.includes(key) ?? false);
}

function walk(schema: JsonSchema, prefix: string, required: boolean, rows: ReferenceRow[]): void {
  const isObject = schema.type === 'object' && schema.properties;
  if (!isObject || prefix === '') {
    if (prefix !== '') rows.push(row(prefix, schema, required));
  }
  if (isObject) {
    for (const [key, child] of Object.entries(schema.properties!)) {
      walk(child, prefix ? `${prefix}.${key}` : key, childRequired(schema, key, prefix, required), rows);
    }
    return;
  }
  const variants = schema.items?.anyOf ?? schema.items?.oneOf;
  if (schema.type === 'array' && variants) walkVariants(variants, prefix, rows);
}

/** A list of kinds: keys every kind shares are listed once, then each kind's own keys. */
function walkVariants(variants: JsonSchema[], prefix: string, rows: ReferenceRow[]): void {
  // Sources and signals are told apart by `type`, actions by `kind`.
  const tag = variants[0]?.properties?.kind ? 'kind' : 'type';
  const keysOf = (variant: JsonSchema) => Object.keys(variant.properties ?? {});
  const common = keysOf(variants[0]!).filter((key) =>
    variants.every((variant) => keysOf(variant).includes(key)),
  );
  const first = variants[0]!;
  for (const key of common) {
    const child = first.properties![key]!;
    const kinds =
      key === tag
        ? {
            ...child,
            const: undefined,
            enum: variants.map((v) => v.properties![tag]!.const),
            description: `Kind; the keys each kind adds are listed below as \`[${tag}=…]\`.`,
          }
        : child;
    walk(kinds, `${prefix}[].${key}`, first.required?.includes(key) ?? false, rows);
  }
  for (const variant of variants) {
    const kind = String(variant.properties?.[tag]?.const);
    for (const key of keysOf(variant).filter((name) => !common.includes(name))) {
      walk(
        variant.properties![key]!,
        `${prefix}[${tag}=${kind}].${key}`,
        variant.required?.includes(key) ?? false,
        rows,
      );
    }
  }
}

function row(key: string, schema: JsonSchema, required: boolean): ReferenceRow {
  return {
    key,
    type: typeOf(schema),
    required: required && schema.default === undefined,
    default: schema.default === undefined ? '' : JSON.stringify(schema.default),
    description: (schema.description ?? '').replace(/\|/g, '\\|'),
  };
}

export function configReferenceRows(): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  walk(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '', true, rows);
  return rows.filter(
    (entry) => !(entry.type.startsWith('list of') && entry.key.match(/^(sources|signals|actions\.catalog)$/)),
  );
}

export function configReferenceMarkdown(): string {
  const lines = ['| key | type | default | description |', '|---|---|---|---|'];
  for (const entry of configReferenceRows()) {
    const fallback = entry.required ? '**required**' : entry.default ? `\`${entry.default}\`` : '';
    lines.push(`| \`${entry.key}\` | ${entry.type} | ${fallback} | ${entry.description} |`);
  }
  return lines.join('\n');
}
