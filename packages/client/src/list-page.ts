// The pager's "list one page" of both surfaces: the URL of listEnhancedConnections (its path from
// the spec's facts), sent straight through the shared transport. Pages skip the surfaces' request
// builders (the generated runtime, openapi-fetch): for a page they only repeat what the transport
// does (headers, query encoding), and openapi-fetch builds a Request object per page, which costs
// more than the rest of a page's client-side work. The query was checked once for the whole walk.
import type { ListPage } from './connections-pager';
import { OPERATIONS } from './generated/spec-facts';
import { fillPath, queryString } from './parameters';
import { listResult } from './results';
import type { Transport } from './transport/transport';

/** A surface's ListPage over `transport`, for the project `projectId`. */
export function listPageVia(transport: Transport, baseUrl: string, projectId: string): ListPage {
  const url = `${baseUrl}${fillPath(OPERATIONS.listEnhancedConnections.path, { project_id: projectId })}`;
  return async (query, { signal, headers }) => {
    const search = queryString(query);
    const response = await transport(search ? `${url}?${search}` : url, { signal, headers });
    return listResult((await response.json()) as never, response);
  };
}
