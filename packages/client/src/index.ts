/**
 * Client of the Huawei Cloud DLI enhanced-connections API.
 *
 * @packageDocumentation
 */
export { createDliClient, type DliClient } from './client';
export { createDliFetchClient, type DliFetchClient, type DliFetchResponse, type DliFetchResults } from './fetch-client';
export type { DliClientOptions } from './config';
export type { ConnectionFilters, ConnectionsPage, ConnectionsPager, ListQuery, PaginateOptions } from './connections-pager';
export type { Page, Pager, PagerOptions } from './paginate';
export type { RequestOptions } from './request-options';
export type { ListEnhancedConnectionsResult, ResponseMetadata, ShowEnhancedConnectionResult } from './results';
export type { DliLogger, LogLevel } from './logging';
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
export type { DliRegion } from './generated/spec-facts';
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
