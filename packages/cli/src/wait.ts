// `dli-connections wait`: durations as kubectl and gh take them, and progress on stderr, one
// line each time what is missing changes (kubectl wait / gh run watch show progress there too).
import type { WaitPoll } from '@dli-sdk/client';
import { InvalidArgumentError } from 'commander';
import { forTerminal } from './sanitize';

/** Exit code of a wait that ran out of time (as GNU `timeout`). */
export const TIMEOUT_EXIT_CODE = 124;

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
// setTimeout holds at most 2^31 − 1 ms (about 24.8 days).
const MAX_MS = 2 ** 31 - 1;

/** `500ms`, `30s`, `10m`, `1h` or a bare number of seconds, as milliseconds. */
export function duration(flag: string) {
  return (raw: string): number => {
    const match = /^(\d+)(ms|s|m|h)?$/.exec(raw.trim());
    const [, amount, unit = 's'] = match ?? ['', 'NaN'];
    const ms = Number(amount) * UNITS[unit];
    if (!(ms > 0 && ms <= MAX_MS)) throw new InvalidArgumentError(`${flag} must be a positive duration such as 500ms, 30s, 10m or 1h (at most 24 days)`);
    return ms;
  };
}

/** `12s`, `3m04s`: elapsed time for a person. */
function elapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Reports polls on `stderr`: a line whenever what is missing changes. */
export function waitReporter(stderr: NodeJS.WritableStream, id: string, wanted: string): (poll: WaitPoll) => void {
  let said: string | undefined;
  return (poll) => {
    if (poll.pending === '' || poll.pending === said) return;
    said = poll.pending;
    stderr.write(`${forTerminal(`waiting for ${id} to be ${wanted}: ${poll.pending} (${elapsed(poll.elapsedMs)})`)}\n`);
  };
}
