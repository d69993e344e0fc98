// Fault injection: what the stand-in does instead of (or on top of) answering normally.
import { chance, type Random } from './random';

/** One injected fault. */
export type Fault =
  | { kind: 'status'; status: 429 | 500 | 502 | 503 | 504; retryAfterSeconds?: number }
  | { kind: 'reset' } // the connection is destroyed before any answer
  | { kind: 'truncate' } // a 200 whose body stops halfway
  | { kind: 'non-json' } // a 200 with an HTML body, as a misconfigured proxy sends
  | { kind: 'not-success' } // a 200 with is_success: false
  | { kind: 'hang' }; // never answers

/** Fault settings of a stand-in. */
export interface FaultOptions {
  /** Faults by request number (1-based, counting every API request). */
  schedule?: Record<number, Fault>;
  /** Share of requests (0..1) that get one of `randomFaults`. */
  rate?: number;
  /** What a random fault can be. Default: 429, 500, 502, 503, 504 and a reset. */
  randomFaults?: Fault[];
  /** Answer every list request as if offset were 0 (a broken server, for pager guards). */
  ignoreOffset?: boolean;
}

const DEFAULT_RANDOM_FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfterSeconds: 0 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 504 },
  { kind: 'reset' },
];

/** The fault for request number `n`, if any. */
export function faultFor(n: number, options: FaultOptions | undefined, random: Random): Fault | undefined {
  if (!options) return undefined;
  const scheduled = options.schedule?.[n];
  if (scheduled) return scheduled;
  if (chance(random, options.rate ?? 0)) {
    const faults = options.randomFaults ?? DEFAULT_RANDOM_FAULTS;
    return faults[Math.floor(random() * faults.length)];
  }
  return undefined;
}
