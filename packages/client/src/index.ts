/**
 * Client of the Huawei Cloud DLI enhanced-connections API.
 *
 * @packageDocumentation
 */
export { createDliClient, type DliClient } from './client';
export { createDliFetchClient, type DliFetchClient, type DliFetchData, type DliFetchInit, type DliFetchRefusedOption } from './fetch-client';
export type { DliClientOptions } from './options';
export type { AnyCase, ConnectionStatusFilter, ListQuery } from './parameters';
export type { ConnectionFilters, ConnectionsPage, ConnectionsPager, PagerIterator, PaginateOptions } from './pager';
export type { RequestOptions } from './request-options';
export type { ListEnhancedConnectionsResult, ResponseMetadata, ShowEnhancedConnectionResult } from './results';
export type { DliLogger } from './logging';
export type { WaitCondition, WaitOptions, WaitPoll, WaitResult } from './wait';
export { isDeleted } from './connection-status';
export {
  type AkSkCredentials,
  credentialsFromEnv,
  type DliCredentials,
  type EnvCredentials,
  type TokenCredentials,
} from './credentials';
export {
  DliAbortError,
  DliApiError,
  DliError,
  type DliErrorMetadata,
  DliNetworkError,
  DliPaginationError,
  DliRedirectError,
  DliResponseError,
  DliTimeoutError,
  DliValidationError,
  type DliBinding,
  DliWaitFailedError,
  DliWaitTimeoutError,
} from './errors';
export { DLI_REGION_ENDPOINTS, type DliRegion } from './generated/spec-facts';
export type { RetryOptions } from './transport/retry';
export {
  createRequestSigner,
  type RequestSigner,
  type SignableRequest,
  type SignedRequest,
  type SignOptions,
  signRequest,
} from './transport/sign';
// The types a user of the client names most; the rest are in @dli-sdk/types.
export type { DliErrorBody, EnhancedConnection, EnhancedConnectionStatus } from '@dli-sdk/types';
