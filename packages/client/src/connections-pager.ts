// The connections pager of both surfaces: checks the filters and options of a walk, then walks a
// surface's "list one page" function with the generic pager.
import type { EnhancedConnection, EnhancedConnectionStatus, ListEnhancedConnectionsQuery } from '@dli-sdk/types';
import { DliValidationError } from './errors';
import { type Page, type Pager, type PagerOptions, paginate } from './paginate';
import { validateQuery, validateQueryParameter } from './parameters';
import type { RequestOptions } from './request-options';
import type { ListEnhancedConnectionsResult } from './results';
import { describe, isPlainObject, validateHeaders } from './validate';

/** Query of `listEnhancedConnections`. `status` is accepted in any case and sent as the spec spells it. */
export type ListQuery = Omit<ListEnhancedConnectionsQuery, 'status'> & {
  status?: EnhancedConnectionStatus | Lowercase<EnhancedConnectionStatus>;
};

/** Filters of a walk: the list query without `limit` and `offset`, which the pager owns. */
export type ConnectionFilters = Omit<ListQuery, 'limit' | 'offset'>;

/** Options of a walk over all connections; `signal` and `headers` go to every page request. */
export interface PaginateOptions extends PagerOptions {
  /** Extra headers for every page request. */
  headers?: Record<string, string>;
}

/** A walk over a project's connections. */
export type ConnectionsPager = Pager<EnhancedConnection, ListEnhancedConnectionsResult>;

/** One page of a walk over connections; `response` is the page's body with its `$metadata`. */
export type ConnectionsPage = Page<EnhancedConnection, ListEnhancedConnectionsResult>;

/** A surface's way to request one page. */
export type ListPage = (query: Record<string, unknown>, options: RequestOptions) => Promise<ListEnhancedConnectionsResult>;

const PAGINATE_OPTION_KEYS = ['pageSize', 'startOffset', 'maxItems', 'maxPages', 'signal', 'concurrency', 'headers'];

/** Builds the pager of a surface over its `listPage`. */
export function paginateConnections(listPage: ListPage, filters: unknown = {}, options: unknown = {}): ConnectionsPager {
  const query = validateQuery('listEnhancedConnections', filters, 'filters');
  for (const owned of ['limit', 'offset']) {
    if (owned in query) throw new DliValidationError(`filters.${owned}`, 'is set by the pager: use the pageSize and startOffset options');
  }
  if (!isPlainObject(options)) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!PAGINATE_OPTION_KEYS.includes(key)) {
      throw new DliValidationError(`options.${key}`, `is not an option (expected one of ${PAGINATE_OPTION_KEYS.join(', ')})`);
    }
  }
  const { headers: given, ...paging } = options;
  const headers = validateHeaders('options.headers', given);
  const pager = paginate(
    async ({ offset, limit, signal }) => {
      const response = await listPage({ ...query, offset, limit }, { signal, headers });
      return { items: response.connections, response };
    },
    (connection) => connection.id,
    paging,
  );
  // pageSize and startOffset are sent as limit and offset, so the spec's bounds of those hold too.
  validateQueryParameter('listEnhancedConnections', 'limit', paging.pageSize, 'pageSize');
  validateQueryParameter('listEnhancedConnections', 'offset', paging.startOffset, 'startOffset');
  return pager;
}
