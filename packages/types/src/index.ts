/**
 * Types of the Huawei Cloud DLI enhanced-connections API, generated from `spec/` by
 * openapi-typescript. This package has no runtime code.
 *
 * @packageDocumentation
 */
import type { components, operations, paths } from './generated/schema';

export type { components, operations, paths };


// Named interfaces rather than aliases: editors and compiler errors then say `EnhancedConnection`
// instead of spelling out the generated intersection. Each extends its generated schema, so every
// field still comes from the spec (`Pick<T, keyof T>`, because an interface cannot extend an indexed
// type directly).

/** An enhanced datasource connection, as the list operation returns it (wire field names). */
export interface EnhancedConnection extends Pick<components['schemas']['EnhancedConnection'], keyof components['schemas']['EnhancedConnection']> {}
/** The peering state of one queue or elastic resource pool bound to a connection. */
export interface EnhancedConnectionResource extends Pick<components['schemas']['EnhancedConnectionResource'], keyof components['schemas']['EnhancedConnectionResource']> {}
/** A user-defined host mapping of a connection. */
export interface EnhancedConnectionHost extends Pick<components['schemas']['EnhancedConnectionHost'], keyof components['schemas']['EnhancedConnectionHost']> {}
/** A route of a connection (not in Huawei's reference; seen in real responses). */
export interface EnhancedConnectionRoute extends Pick<components['schemas']['EnhancedConnectionRoute'], keyof components['schemas']['EnhancedConnectionRoute']> {}
/** Connection status: `ACTIVE` or `DELETED`. */
export type EnhancedConnectionStatus = components['schemas']['EnhancedConnectionStatus'];
/** Peering status of a queue or pool: `CREATING`, `ACTIVE` or `FAILED`. */
export type EnhancedConnectionResourceStatus = components['schemas']['EnhancedConnectionResourceStatus'];
/** The 200 body of the list operation. */
export interface ListEnhancedConnectionsResponse extends Omit<components['schemas']['ListEnhancedConnectionsResponse'], 'connections'> {
  /** The connections of the page. */
  connections?: EnhancedConnection[];
}
/** The 200 body of the show (get one) operation: the connection's fields beside `is_success` and `message`. */
export interface ShowEnhancedConnectionResponse extends Pick<components['schemas']['ShowEnhancedConnectionResponse'], keyof components['schemas']['ShowEnhancedConnectionResponse']> {}
/** An error body of DLI (`error_code`, `error_msg`) or of the API gateway (adds `request_id`). */
export interface DliErrorBody extends Pick<components['schemas']['DliErrorBody'], keyof components['schemas']['DliErrorBody']> {}
/**
 * Query parameters of the list operation. `status` is a string: `ACTIVE` or `DELETED` in any case,
 * as the server compares it case-insensitively.
 */
export type ListEnhancedConnectionsQuery = NonNullable<
  operations['listEnhancedConnections']['parameters']['query']
>;
