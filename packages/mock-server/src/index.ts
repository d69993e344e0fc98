/**
 * A stand-in for the Huawei Cloud DLI enhanced-connections API, for tests, demos and benchmarks.
 *
 * @packageDocumentation
 */
export { startMockDli, type MockDli, type MockDliOptions } from './server';
export { generateConnections, type StoredConnection } from './dataset';
export type { AuthOptions } from './auth';
export type { Fault, FaultOptions } from './faults';
