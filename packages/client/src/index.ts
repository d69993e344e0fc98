/**
 * Client of the Huawei Cloud DLI enhanced-connections API.
 *
 * @packageDocumentation
 */
export { createDliClient, type DliClient } from './client';
export { createDliFetchClient, type DliFetchClient } from './fetch-client';
export { DEFAULT_MAX_RESPONSE_BYTES, type DliClientOptions } from './config';
export type {
  ConnectionFilters,
  ConnectionsPager,
  ListConnectionsQuery,
  ListPageResponse,
  PaginateConnectionsOptions,
  RequestOptions,
} from './connections';
export { isDeleted } from './connection-status';
export { credentialsFromEnv, type EnvCredentials } from './credentials';
export {
  DliAbortError,
  DliApiError,
  type DliApiErrorInit,
  DliError,
  DliNetworkError,
  DliPaginationError,
  DliRedirectError,
  DliResponseError,
  DliTimeoutError,
  DliValidationError,
} from './errors';
export { DLI_REGION_ENDPOINTS, type DliRegion } from './generated/spec-facts';
export { type FetchedPage, MAX_CONCURRENCY, type Page, type PageRequest, type PaginateOptions, type Pager, paginate } from './paginate';
export type { RetryOptions } from './transport/retry';
export {
  type AkSkCredentials,
  createRequestSigner,
  formatSdkDate,
  type RequestSigner,
  type SignableRequest,
  type SignedRequest,
  type SignOptions,
  signRequest,
} from './transport/sign';
export type { DliCredentials, TokenCredentials } from './transport/transport';
export type {
  DliErrorBody,
  EnhancedConnection,
  EnhancedConnectionHost,
  EnhancedConnectionResource,
  EnhancedConnectionRoute,
  EnhancedConnectionStatus,
  ListEnhancedConnectionsResponse,
  ShowEnhancedConnectionResponse,
} from '@dli-sdk/types';
