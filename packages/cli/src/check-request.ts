// Usage errors come before any work (starting the stand-in, reading credentials): the flags are
// checked by the client's own validation, on a client that never sends anything and logs nothing.
import {
  type ConnectionFilters,
  createDliClient,
  type DliClient,
  DliValidationError,
  type PaginateOptions,
} from '@dli-sdk/client';

const OFFLINE = {
  endpoint: 'http://127.0.0.1',
  projectId: 'offline',
  retry: false as const,
  fetch: () => Promise.reject(new Error('never sent')),
};

// Made on first use, not on import: making it reads DLI_SDK_LOG, whose mistakes checkLogSetting
// reports as a usage error. Its own log is off whatever DLI_SDK_LOG says.
let offline: DliClient | undefined;
const offlineClient = () => (offline ??= createDliClient({ ...OFFLINE, logLevel: 'silent' }));

/**
 * Throws the client's DliValidationError (a usage error, exit 2) when DLI_SDK_LOG has a value the
 * client would refuse, before any work: the client reads it when it is made.
 */
export function checkLogSetting(): void {
  createDliClient(OFFLINE);
}

/** Throws the client's DliValidationError for filters or paging options it would refuse. */
export function checkListRequest(filters: ConnectionFilters, options: PaginateOptions): void {
  checkLogSetting();
  // Building a pager validates its filters and options at once; nothing is fetched until it is walked.
  offlineClient().paginateEnhancedConnections(filters, options);
}

/** Throws the client's DliValidationError for a connection id it would refuse. */
export async function checkConnectionId(id: string): Promise<void> {
  checkLogSetting();
  try {
    // The id is checked before the request is made, and an aborted signal sends nothing.
    await offlineClient().getEnhancedConnection(id, { signal: AbortSignal.abort() });
  } catch (error) {
    if (error instanceof DliValidationError) throw error;
  }
}
