// The pager's "list one page" of createDliFetchClient: the URL of listEnhancedConnections (its
// path from the spec's facts), sent straight through the shared transport. openapi-fetch would
// build a Request object for every page and the transport read it back, work that costs more than
// the rest of a page's client-side work; a walk's query was checked once for the whole walk.
// (createDliClient's pages go through its generated API class, which is as lean.)
import type { ListPage } from './connections-pager';
import { OPERATIONS } from './generated/spec-facts';
import { queryString } from './parameters';
import { listResult } from './results';
import type { Transport } from './transport/transport';

/** A ListPage over `transport`, for the project `projectId`. */
export function listPageVia(transport: Transport, baseUrl: string, projectId: string): ListPage {
  const url = `${baseUrl}${OPERATIONS.listEnhancedConnections.path.replace('{project_id}', encodeURIComponent(projectId))}`;
  return async (query, { signal, headers }) => {
    const search = queryString(query);
    const response = await transport(search ? `${url}?${search}` : url, { signal, headers });
    return listResult((await response.json()) as never, response);
  };
}
