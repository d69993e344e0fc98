// The DLI semantics of the two operations, as pure functions from a parsed request to an answer.
// Every API fact (paths, parameter names, the status enum, the tags rule and its wording, integer
// bounds, defaults) comes from the spec's per-operation facts, the same the client checks, so the
// stand-in and the client cannot drift apart (test/handlers-facts.test.ts greps this file).
import type { DliErrorBody, EnhancedConnection } from '@dli-sdk/types';
import type { StoredConnection } from './dataset';
import { OPERATIONS } from './generated/spec-facts';
import { decodeLeniently } from './path-encoding';

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * A path template of the spec as a pattern: each `{parameter}` is one non-empty segment, except a
 * last one that ends the path, which takes the rest of it: an id holding `/` reaches the same
 * operation whether a client sends it as `a%2Fb` (Python, our client) or `a/b` (Go, Java).
 */
function pathPattern(template: string, trailingSlash: boolean): RegExp {
  const segment = '([^/]+)';
  const source = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join(segment);
  const rest = source.endsWith(segment) ? `${source.slice(0, -segment.length)}(.+)` : source;
  return new RegExp(`^${rest}${trailingSlash ? '/?' : ''}$`);
}

const { listEnhancedConnections, showEnhancedConnection } = OPERATIONS;
const LIST = pathPattern(listEnhancedConnections.path, true);
const SHOW = pathPattern(showEnhancedConnection.path, false);
const LIST_RULES = listEnhancedConnections.query;
const STATUSES: readonly string[] = LIST_RULES.status.enum;
// The spec matches `status` in any case: `/i` without `/u` folds ASCII letters only, so a dotless
// `ı` is not an `I` (as the spec's pattern spells it).
const STATUS = new RegExp(`^(${STATUSES.join('|')})$`, 'i');
/** The spec's rule for `tags`: the one place the stand-in reads it. */
const TAGS = new RegExp(LIST_RULES.tags.pattern);

/** `k1=v1,k2=a=b` → [['k1', 'v1'], ['k2', 'a=b']]: each pair splits on its first `=` (inferred). */
function parseTags(tags: string): Array<[string, string]> {
  return tags.split(',').map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

function dliError(status: number, code: string, message: string): Answer {
  const body: DliErrorBody = { error_code: code, error_msg: message };
  return { status, body };
}

function parseInt32(name: 'limit' | 'offset', raw: string | null): number | Answer {
  const rule = LIST_RULES[name];
  if (raw === null) return rule.default;
  if (
    !/^\d{1,10}$/.test(raw) ||
    // (Mutation testing: with the spec's minimum of 0 the pattern already refuses what this would,
    // so its `false` mutant survives; not marked, as a mark would silence `true` too.)
    Number(raw) < rule.minimum ||
    Number(raw) > rule.maximum
  ) {
    return dliError(400, 'DLI.0001', `Parameter ${name} is invalid: must be an integer from ${rule.minimum} to ${rule.maximum}.`);
  }
  return Number(raw);
}

export interface Store {
  connections: StoredConnection[];
  byId: Map<string | undefined, StoredConnection>;
  ignoreOffset: boolean;
}

function list(store: Store, query: URLSearchParams): Answer {
  const limit = parseInt32('limit', query.get('limit'));
  if (typeof limit !== 'number') return limit;
  const offset = parseInt32('offset', query.get('offset'));
  if (typeof offset !== 'number') return offset;
  const status = query.get('status');
  if (status !== null && !STATUS.test(status)) {
    return dliError(400, 'DLI.0001', `Parameter status is invalid: must be ${STATUSES.join(' or ')}.`);
  }
  const tags = query.get('tags');
  if (tags !== null && !TAGS.test(tags)) {
    return dliError(400, 'DLI.0001', `Parameter tags is invalid: must be ${LIST_RULES.tags.rule}.`);
  }
  const wanted = tags === null ? [] : parseTags(tags);
  const name = query.get('name');
  // Without a criterion the list is paged as it is: a walk of 50 000 connections would otherwise
  // filter all of them for every page.
  // (Mutation testing: forcing the filter path, `true` or `wanted.length >= 0` here, gives the same
  // pages, only slower; those two mutants survive. Not marked: a mark would silence this line's
  // other mutants too, which the filter tests kill.)
  const filtered = status !== null || name !== null || wanted.length > 0;
  const matching = !filtered ? store.connections : store.connections.filter(
    ({ connection, tags: own }) =>
      (status === null || connection.status === status.toUpperCase()) &&
      (name === null || connection.name === name) &&
      wanted.every(([k, v]) => own[k] === v),
  );
  const start = store.ignoreOffset ? 0 : offset;
  const page: EnhancedConnection[] = (limit === 0 ? matching.slice(start) : matching.slice(start, start + limit)).map(
    (stored) => stored.connection,
  );
  return { status: 200, body: { is_success: true, message: '', count: page.length, connections: page } };
}

function show(store: Store, rawId: string): Answer {
  // A `%` that starts no escape is data, as every one of Huawei's signers takes it (Java sends it
  // unescaped): the id is then unknown, never a signature or parameter error.
  const id = decodeLeniently(rawId);
  const stored = store.byId.get(id);
  // No source documents this answer: 400 with DLI's "object does not exist" code is inferred (the
  // spec's show operation says from what). A DELETED connection is returned as it is, as DLI does.
  if (!stored) return dliError(400, 'DLI.0002', `The connection ${id} does not exist.`);
  const { isPrivis: _listOnly, ...fields } = stored.connection;
  return { status: 200, body: { is_success: true, message: '', ...fields } };
}

/** The project id in an API path, or undefined when no operation has this path. */
export function projectOf(pathname: string): string | undefined {
  return (LIST.exec(pathname) ?? SHOW.exec(pathname))?.[1];
}

/** Routes a GET to its operation; undefined when no operation has this path. */
export function handle(store: Store, url: URL): Answer | undefined {
  if (LIST.test(url.pathname)) return list(store, url.searchParams);
  const showMatch = SHOW.exec(url.pathname);
  return showMatch ? show(store, showMatch[2]) : undefined;
}
