// Checks a value against the generated connection schema (the subset of JSON Schema the spec uses).
// Unknown fields are allowed, as a real DLI adds fields over time and clients must keep them.
import type { JsonSchema } from './generated/connection-schema';

const INTEGER_RANGES: Record<string, [number, number]> = {
  int32: [-2_147_483_648, 2_147_483_647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The first problem of `value` as `field: rule`, or undefined when it conforms. */
export function checkSchema(value: unknown, schema: JsonSchema, field = ''): string | undefined {
  const type = typeOf(value);
  const at = field || '(the item)';
  if (schema.type !== undefined && type !== schema.type && !(schema.type === 'number' && type === 'integer')) {
    return `${at}: must be ${schema.type === 'integer' || schema.type === 'array' || schema.type === 'object' ? 'an' : 'a'} ${schema.type}, got ${type}`;
  }
  if (schema.enum && !schema.enum.includes(value)) return `${at}: must be one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`;
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${at}: must be at most ${schema.maxLength} characters`;
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${at}: must be at least ${schema.minLength} characters`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return `${at}: must match ${schema.pattern}`;
  }
  if (typeof value === 'number') {
    const [min, max] = INTEGER_RANGES[schema.format ?? ''] ?? [schema.minimum ?? -Infinity, schema.maximum ?? Infinity];
    if (value < Math.max(min, schema.minimum ?? -Infinity) || value > Math.min(max, schema.maximum ?? Infinity)) {
      return `${at}: ${value} is out of range${schema.format ? ` for ${schema.format}` : ''}`;
    }
  }
  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries()) {
      const problem = checkSchema(item, schema.items, `${field}[${index}]`);
      if (problem) return problem;
    }
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) return `${field ? `${field}.` : ''}${name}: is required`;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (object[name] === undefined) continue;
      const problem = checkSchema(object[name], property, field ? `${field}.${name}` : name);
      if (problem) return problem;
    }
  }
  return undefined;
}
