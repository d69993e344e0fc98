/**
 * A stand-in for the Huawei Cloud DLI enhanced-connections API, for tests, demos and benchmarks.
 *
 * @packageDocumentation
 */
export { REQUEST_LOG_SIZE, startMockDli, type MockDli, type MockDliOptions, type RecordedRequest } from './server';
export { DEFAULT_DATASET, generateConnections, type StoredConnection } from './dataset';
export { DataFileError, parseDataFile } from './data-file';
export type { LockoutOptions } from './lockout';
export type { AuthOptions } from './auth';
export type { Fault, FaultOptions } from './faults';
export type { Transition, TransitionOptions } from './transitions';
