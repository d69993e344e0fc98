// The DLI semantics of the two operations, as pure functions from a parsed request to an answer.
import type { DliErrorBody, EnhancedConnection } from '@dli-sdk/types';
import type { StoredConnection } from './dataset';

export interface Answer {
  status: number;
  body: unknown;
}

const LIST = /^\/v2\.0\/([^/]+)\/datasource\/enhanced-connections\/?$/;
const SHOW = /^\/v2\.0\/([^/]+)\/datasource\/enhanced-connections\/([^/]+)$/;
// The spec's rules for `status` and `tags` (spec/dli-enhanced-connections.yaml). `/i` without `/u`
// folds case the way the spec's pattern spells it: ASCII letters only.
const STATUS = /^(ACTIVE|DELETED)$/i;
const TAG_KEY = '[A-Za-z0-9 _.:+\\-@\\u00c0-\\u1fff\\u2c00-\\u2dff\\u2e80-\\u2fff\\u3040-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe\\uff10-\\uffdc]';
const TAG_VALUE = '[A-Za-z0-9 _.:=+\\-@\\u00c0-\\u1fff\\u2c00-\\u2dff\\u2e80-\\u2fff\\u3040-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefe\\uff10-\\uffdc]';
const TAGS = new RegExp(`^${TAG_KEY}+=${TAG_VALUE}*(,${TAG_KEY}+=${TAG_VALUE}*)*$`);

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

function parseNonNegativeInt(name: string, raw: string | null, fallback: number): number | Answer {
  if (raw === null) return fallback;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2_147_483_647) {
    return dliError(400, 'DLI.0001', `Parameter ${name} is invalid: must be a non-negative integer.`);
  }
  return Number(raw);
}

export interface Store {
  connections: StoredConnection[];
  byId: Map<string, StoredConnection>;
  ignoreOffset: boolean;
}

function list(store: Store, query: URLSearchParams): Answer {
  const limit = parseNonNegativeInt('limit', query.get('limit'), 100);
  if (typeof limit !== 'number') return limit;
  const offset = parseNonNegativeInt('offset', query.get('offset'), 0);
  if (typeof offset !== 'number') return offset;
  const status = query.get('status');
  if (status !== null && !STATUS.test(status)) {
    return dliError(400, 'DLI.0001', 'Parameter status is invalid: must be ACTIVE or DELETED.');
  }
  const tags = query.get('tags');
  if (tags !== null && !TAGS.test(tags)) {
    return dliError(400, 'DLI.0001', 'Parameter tags is invalid: must be k=v[,k=v...].');
  }
  const wanted = tags === null ? [] : parseTags(tags);
  const name = query.get('name');
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

function show(store: Store, id: string): Answer {
  const stored = store.byId.get(id);
  // No source documents this answer: 400 with DLI's "object does not exist" code is inferred (the
  // spec's show operation says from what). A DELETED connection is returned as it is, as DLI does.
  if (!stored) return dliError(400, 'DLI.0002', `The connection ${id} does not exist.`);
  const { isPrivis: _listOnly, ...fields } = stored.connection;
  return { status: 200, body: { is_success: true, message: '', ...fields } };
}

/** Routes a GET to its operation; undefined when no operation has this path. */
export function handle(store: Store, url: URL): Answer | undefined {
  const listMatch = LIST.exec(url.pathname);
  const showMatch = listMatch ? null : SHOW.exec(url.pathname);
  if (listMatch) return list(store, url.searchParams);
  return showMatch ? show(store, decodeURIComponent(showMatch[2])) : undefined;
}
