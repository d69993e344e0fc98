// Checks every argument before a request is built, so a mistake surfaces as a DliValidationError
// naming the field and the rule, never as a confusing answer from the server. The rules of the
// query parameters come from the spec (generated/spec-facts.ts).
import type { ListEnhancedConnectionsQuery } from '@dli-sdk/types';
import { DliValidationError } from './errors';
import { QUERY_PARAMETERS } from './generated/spec-facts';

const INT32_MAX = 2_147_483_647;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

type ParameterRule = {
  readonly type: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  /** The pattern in words. */
  readonly rule?: string;
};

/**
 * A value that becomes one path segment (`projectId`, a connection id): non-empty, no control
 * characters, and never `.` or `..`, which URL parsers would resolve into a different path.
 * Anything else, `/` included, is percent-encoded into the segment by the request builders.
 */
export function validatePathSegment(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new DliValidationError(field, `must be a string, got ${typeof value}`);
  if (value.length === 0) throw new DliValidationError(field, 'must not be empty');
  if (CONTROL_CHARACTERS.test(value)) throw new DliValidationError(field, 'must not contain control characters');
  if (value === '.' || value === '..') throw new DliValidationError(field, 'must not be "." or ".."');
  return value;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let regExp = patterns.get(pattern);
  if (!regExp) patterns.set(pattern, (regExp = new RegExp(pattern)));
  return regExp;
}

function validateParameter(field: string, rule: ParameterRule, value: unknown): unknown {
  if (rule.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new DliValidationError(field, `must be an integer, got ${JSON.stringify(value)}`);
    }
    if (rule.minimum !== undefined && value < rule.minimum) {
      throw new DliValidationError(field, `must be ≥ ${rule.minimum}, got ${value}`);
    }
    if (rule.format === 'int32' && value > INT32_MAX) {
      throw new DliValidationError(field, `must be ≤ ${INT32_MAX} (int32), got ${value}`);
    }
    return value;
  }
  if (typeof value !== 'string') throw new DliValidationError(field, `must be a string, got ${typeof value}`);
  if (rule.enum) {
    // The server compares enum values case-insensitively; we send the spec's spelling.
    const match = rule.enum.find((allowed) => allowed === value.toUpperCase());
    if (match === undefined) {
      throw new DliValidationError(field, `must be one of ${rule.enum.join(', ')} (any case), got ${JSON.stringify(value)}`);
    }
    return match;
  }
  if (rule.pattern && !compiled(rule.pattern).test(value)) {
    throw new DliValidationError(field, `must match ${rule.rule ?? rule.pattern}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Validates a list query and returns a normalised copy (the caller's object is never changed).
 * Unknown keys are rejected rather than silently dropped.
 */
export function validateListQuery(query: unknown, field = 'query'): ListEnhancedConnectionsQuery {
  if (query === undefined || query === null) return {};
  if (typeof query !== 'object' || Array.isArray(query)) throw new DliValidationError(field, 'must be an object');
  const rules: Record<string, ParameterRule> = QUERY_PARAMETERS.listEnhancedConnections;
  const normalised: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const rule = rules[key];
    if (!rule) {
      throw new DliValidationError(`${field}.${key}`, `is not a parameter of listEnhancedConnections (expected one of ${Object.keys(rules).join(', ')})`);
    }
    normalised[key] = validateParameter(`${field}.${key}`, rule, value);
  }
  return normalised as ListEnhancedConnectionsQuery;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses the endpoint; plain `http://` is refused with credentials unless loopback or explicitly allowed. */
export function validateEndpoint(endpoint: string, sendsCredentials: boolean, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new DliValidationError('endpoint', `must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DliValidationError('endpoint', `must use https (or http), got ${url.protocol}`);
  }
  if (url.search || url.hash) throw new DliValidationError('endpoint', 'must not have a query or fragment');
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && sendsCredentials && !loopback && !allowInsecureHttp) {
    throw new DliValidationError(
      'endpoint',
      'must use https when credentials are sent (http is allowed for loopback hosts, or with allowInsecureHttp: true)',
    );
  }
  return url;
}
