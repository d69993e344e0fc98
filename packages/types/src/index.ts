/**
 * Types of the Huawei Cloud DLI enhanced-connections API, generated from `spec/` by
 * openapi-typescript. This package has no runtime code.
 *
 * @packageDocumentation
 */
import type { components, operations, paths } from './generated/schema';

export type { components, operations, paths };

type Schemas = components['schemas'];

/** An enhanced datasource connection, as the list operation returns it (wire field names). */
export type EnhancedConnection = Schemas['EnhancedConnection'];
/** The peering state of one queue or elastic resource pool bound to a connection. */
export type EnhancedConnectionResource = Schemas['EnhancedConnectionResource'];
/** A user-defined host mapping of a connection. */
export type EnhancedConnectionHost = Schemas['EnhancedConnectionHost'];
/** A route of a connection (not in Huawei's reference; seen in real responses). */
export type EnhancedConnectionRoute = Schemas['EnhancedConnectionRoute'];
/** Connection status: `ACTIVE` or `DELETED`. */
export type EnhancedConnectionStatus = Schemas['EnhancedConnectionStatus'];
/** Peering status of a queue or pool: `CREATING`, `ACTIVE` or `FAILED`. */
export type EnhancedConnectionResourceStatus = Schemas['EnhancedConnectionResourceStatus'];
/** The 200 body of the list operation. */
export type ListEnhancedConnectionsResponse = Schemas['ListEnhancedConnectionsResponse'];
/** The 200 body of the show (get one) operation. */
export type ShowEnhancedConnectionResponse = Schemas['ShowEnhancedConnectionResponse'];
/** An error body of DLI (`error_code`, `error_msg`) or of the API gateway (adds `request_id`). */
export type DliErrorBody = Schemas['DliErrorBody'];
/**
 * Query parameters of the list operation. `status` is a string: `ACTIVE` or `DELETED` in any case,
 * as the server compares it case-insensitively.
 */
export type ListEnhancedConnectionsQuery = NonNullable<
  operations['listEnhancedConnections']['parameters']['query']
>;
