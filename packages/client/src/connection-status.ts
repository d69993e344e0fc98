// What a returned connection's status means for the caller. DLI can answer a show (or a list
// filtered by status) with a connection that no longer exists as such: its status is DELETED.
import type { EnhancedConnectionStatus } from '@dli-sdk/types';

// Typed as the spec's status enum, so a renamed value fails to compile.
const DELETED: EnhancedConnectionStatus = 'DELETED';

/**
 * True when DLI returned the connection with `status: "DELETED"`. Such a connection was found,
 * but it is gone for every practical purpose: Huawei's Terraform provider treats it like a 404.
 * Check this after `getEnhancedConnection` when "gone" matters, alongside
 * `DliApiError.isNotFound` for the answers that carry no connection at all.
 *
 * @example
 * ```ts
 * const connection = await client.getEnhancedConnection(id);
 * if (isDeleted(connection)) console.log(`${id} was deleted`);
 * ```
 */
export function isDeleted(connection: { readonly status?: EnhancedConnectionStatus | undefined }): boolean {
  return connection.status === DELETED;
}
