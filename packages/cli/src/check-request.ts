// Usage errors come before any work (starting the stand-in, reading credentials): the flags are
// checked by the client's own validation, on a client that never sends anything.
import {
  type ConnectionFilters,
  createDliClient,
  DliValidationError,
  type PaginateOptions,
} from '@dli-sdk/client';

// Building a pager validates its filters and options at once; nothing is fetched until it is walked.
const offline = createDliClient({
  endpoint: 'http://127.0.0.1',
  projectId: 'offline',
  retry: false,
  fetch: () => Promise.reject(new Error('never sent')),
});

/** Throws the client's DliValidationError for filters or paging options it would refuse. */
export function checkListRequest(filters: ConnectionFilters, options: PaginateOptions): void {
  offline.paginateEnhancedConnections(filters, options);
}

/** Throws the client's DliValidationError for a connection id it would refuse. */
export async function checkConnectionId(id: string): Promise<void> {
  try {
    await offline.getEnhancedConnection(id);
  } catch (error) {
    if (error instanceof DliValidationError) throw error;
  }
}
