/**
 * A stand-in for the Huawei Cloud DLI enhanced-connections API, for tests, demos and benchmarks.
 *
 * @packageDocumentation
 */
export { REQUEST_LOG_SIZE, startMockDli, type MockDli, type MockDliOptions, type RecordedRequest } from './server';
export { generateConnections, type StoredConnection } from './dataset';
export type { AuthOptions } from './auth';
export type { Fault, FaultOptions } from './faults';
export type { Transition, TransitionOptions } from './transitions';
