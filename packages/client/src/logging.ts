// The debug log: one line per attempt, to a logger the caller gives or to stderr, switched on by
// `logLevel: 'debug'` or the environment variable `DLI_SDK_LOG=debug`. Lines carry no headers and
// no query, so no credential or signature can reach them.
import { DliValidationError } from './errors';
import { describe } from './validate';

/** Where the client writes its debug lines (`console` fits). */
export interface DliLogger {
  /** One line about one attempt: method, path, status (or error), time, attempt number, retry reason. */
  debug(message: string): void;
}

const LEVELS: readonly string[] = ['debug', 'silent'];

// Read in any case (`DEBUG` is what people type in a shell); an empty value is no value.
function levelFromEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DLI_SDK_LOG?.toLowerCase() || undefined;
}

/** The function the transport logs with, or undefined when logging is off. */
export function resolveLog(logger: unknown, logLevel: unknown): ((line: string) => void) | undefined {
  const level = logLevel ?? levelFromEnv() ?? 'silent';
  if (typeof level !== 'string' || !LEVELS.includes(level)) {
    throw new DliValidationError(logLevel === undefined ? 'DLI_SDK_LOG' : 'logLevel', `must be one of ${LEVELS.join(', ')}, got ${describe(level)}`);
  }
  // tsc needs this assertion (logger is unknown); the lint program disagrees.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  if (logger !== undefined && typeof (logger as Partial<DliLogger> | null)?.debug !== 'function') {
    throw new DliValidationError('logger', 'must have a debug(message) method');
  }
  if (level !== 'debug') return undefined;
  const target = (logger as DliLogger | undefined) ?? { debug: (line: string) => console.error(line) };
  return (line) => {
    try {
      target.debug(line);
    } catch {
      // A logger that fails must not fail the call it reports on (nor skip its retries).
    }
  };
}
