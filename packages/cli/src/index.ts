/**
 * The `dli-connections` command line, as a function for embedding and tests.
 *
 * @packageDocumentation
 */
export { run, type Io } from './program';
