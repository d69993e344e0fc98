/**
 * Client of the Huawei Cloud DLI enhanced-connections API.
 *
 * @packageDocumentation
 */
export { createDliClient, type DliClient } from './client';
export { createDliFetchClient, type DliFetchClient } from './fetch-client';
export type { DliClientOptions } from './config';
export type { ConnectionFilters, ConnectionsPage, ConnectionsPager, ListQuery, PaginateOptions } from './connections-pager';
export type { Page, Pager, PagerOptions } from './paginate';
export type { RequestOptions } from './request-options';
export type { ListEnhancedConnectionsResult, ResponseMetadata, ShowEnhancedConnectionResult } from './results';
export type { DliLogger } from './logging';
export { isDeleted } from './connection-status';
export { credentialsFromEnv, type EnvCredentials } from './credentials';
export {
  DliAbortError,
  DliApiError,
  DliError,
  DliNetworkError,
  DliPaginationError,
  DliRedirectError,
  DliResponseError,
  DliTimeoutError,
  DliValidationError,
} from './errors';
export { DLI_REGION_ENDPOINTS, type DliRegion } from './generated/spec-facts';
export type { RetryOptions } from './transport/retry';
export {
  type AkSkCredentials,
  createRequestSigner,
  type RequestSigner,
  type SignableRequest,
  type SignedRequest,
  type SignOptions,
  signRequest,
} from './transport/sign';
export type { DliCredentials, TokenCredentials } from './transport/transport';
// The types a user of the client names most; the rest are in @dli-sdk/types.
export type { DliErrorBody, EnhancedConnection, EnhancedConnectionStatus } from '@dli-sdk/types';
