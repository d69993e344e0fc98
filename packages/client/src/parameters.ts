// Checks the parameters of an operation against the spec's rules (generated/spec-facts.ts), so a
// mistake surfaces as a DliValidationError naming the field and the rule before any request.
// Every rule and every enum comes from the spec; only URL safety of path segments is added here.
import type { EnhancedConnectionStatus, ListEnhancedConnectionsQuery } from '@dli-sdk/types';
import { DliValidationError } from './errors';
import { OPERATIONS } from './generated/spec-facts';
import { describe, hasControlCharacters, isPlainObject, isWellFormed } from './validate';

/** Every spelling of `S` with each ASCII letter in upper or lower case: `AnyCase<'ab'>` is `'ab' | 'aB' | 'Ab' | 'AB'`. */
export type AnyCase<S extends string> = S extends `${infer First}${infer Rest}` ? `${Uppercase<First> | Lowercase<First>}${AnyCase<Rest>}` : S;

/**
 * A connection status as a filter: `ACTIVE` or `DELETED` in any case (`'Active'`, `'deleted'`, …),
 * as the server compares it case-insensitively. The client sends the spec's spelling.
 */
export type ConnectionStatusFilter = AnyCase<EnhancedConnectionStatus>;

/** Query of `listEnhancedConnections`. `status` is accepted in any case and sent as the spec spells it. */
export type ListQuery = Omit<ListEnhancedConnectionsQuery, 'status'> & {
  status?: ConnectionStatusFilter;
};

/** The operation ids of the spec. */
export type OperationId = keyof typeof OPERATIONS;

interface ParameterRule {
  readonly type: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly enum?: readonly string[];
  /** The server compares the enum case-insensitively (`x-case-insensitive-enum`). */
  readonly anyCase?: boolean;
  readonly pattern?: string;
  /** The pattern in words (`x-rule`). */
  readonly rule?: string;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let regExp = patterns.get(pattern);
  if (!regExp) patterns.set(pattern, (regExp = new RegExp(pattern)));
  return regExp;
}

function validateInteger(field: string, rule: ParameterRule, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new DliValidationError(field, `must be an integer, got ${describe(value)}`);
  if (rule.minimum !== undefined && value < rule.minimum) throw new DliValidationError(field, `must be ≥ ${rule.minimum}, got ${value}`);
  if (rule.maximum !== undefined && value > rule.maximum) {
    throw new DliValidationError(field, `must be ≤ ${rule.maximum}${rule.format ? ` (${rule.format})` : ''}, got ${value}`);
  }
  return value;
}

function asciiUpperCase(value: string): string {
  return value.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

function validateString(field: string, rule: ParameterRule, value: unknown): string {
  if (typeof value !== 'string') throw new DliValidationError(field, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (!isWellFormed(value)) throw new DliValidationError(field, 'must not contain lone surrogates');
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    throw new DliValidationError(field, value === '' ? 'must not be empty' : `must be at least ${rule.minLength} characters long`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) throw new DliValidationError(field, `must be at most ${rule.maxLength} characters long`);
  if (rule.enum) {
    // We send the spec's spelling of a value the server compares in any case. Only ASCII letters
    // fold, as in the spec's pattern: `toUpperCase` would turn a dotless `ı` into an `I`.
    const wanted = rule.anyCase ? asciiUpperCase(value) : value;
    const match = rule.enum.find((allowed) => (rule.anyCase ? asciiUpperCase(allowed) : allowed) === wanted);
    if (match === undefined) throw new DliValidationError(field, `must be one of ${rule.enum.join(', ')}${rule.anyCase ? ' (any case)' : ''}, got ${describe(value)}`);
    return match;
  }
  if (rule.pattern && !compiled(rule.pattern).test(value)) throw new DliValidationError(field, `must match ${rule.rule ?? rule.pattern}, got ${describe(value)}`);
  return value;
}

function validateParameter(field: string, rule: ParameterRule, value: unknown): unknown {
  return rule.type === 'integer' ? validateInteger(field, rule, value) : validateString(field, rule, value);
}

/**
 * Validates the query of an operation and returns a normalised copy (the caller's object is
 * never changed). Unknown keys are rejected rather than silently dropped.
 */
export function validateQuery(operationId: OperationId, query: unknown, field = 'query'): Record<string, unknown> {
  if (query === undefined || query === null) return {};
  if (!isPlainObject(query)) throw new DliValidationError(field, 'must be an object');
  const rules: Readonly<Record<string, ParameterRule>> = OPERATIONS[operationId].query;
  const names = Object.keys(rules);
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    // Own properties only: `constructor` or `__proto__` must not pass as parameters.
    if (!Object.hasOwn(rules, key)) {
      const expected = names.length > 0 ? `expected one of ${names.join(', ')}` : 'it has no query parameters';
      throw new DliValidationError(`${field}.${key}`, `is not a parameter of ${operationId} (${expected})`);
    }
    normalised[key] = validateParameter(`${field}.${key}`, rules[key], value);
  }
  return normalised;
}

/** Validates one query parameter of an operation, when given, reporting it as `field`. */
export function validateQueryParameter(operationId: OperationId, name: string, value: unknown, field: string): void {
  const rules: Readonly<Record<string, ParameterRule>> = OPERATIONS[operationId].query;
  if (value !== undefined) validateParameter(field, rules[name], value);
}

/**
 * Validates a path parameter of an operation: the spec's rule, then what keeps it one path
 * segment (no control characters, never `.` or `..`, which URL parsers resolve into another
 * path). Anything else, `/` included, is percent-encoded into the segment by the request builders.
 */
export function validatePathParameter(operationId: OperationId, name: string, value: unknown, field = name): string {
  const rules: Readonly<Record<string, ParameterRule>> = OPERATIONS[operationId].pathParameters;
  if (!Object.hasOwn(rules, name)) throw new DliValidationError(field, `is not a path parameter of ${operationId}`);
  const segment = String(validateParameter(field, rules[name], value));
  if (hasControlCharacters(segment)) throw new DliValidationError(field, 'must not contain control characters');
  if (segment === '.' || segment === '..') throw new DliValidationError(field, 'must not be "." or ".."');
  return segment;
}

/** The operation of a method and path template, if the spec has one. */
export function operationAt(method: string, pathTemplate: string): OperationId | undefined {
  return (Object.keys(OPERATIONS) as OperationId[]).find(
    (id) => OPERATIONS[id].method === method && OPERATIONS[id].path === pathTemplate,
  );
}

/**
 * The query string of a checked query (numbers and strings, see validateQuery), without `?`.
 * The transport re-encodes it canonically, so any correct encoding will do; this is the cheapest.
 */
export function queryString(query: Readonly<Record<string, unknown>>): string {
  let search = '';
  for (const key in query) {
    const value = query[key];
    if (value !== undefined) search += `${search ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(value as string | number)}`;
  }
  return search;
}
