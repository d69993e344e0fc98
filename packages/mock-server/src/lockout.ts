// The API gateway's AK lock-out, opt-in. Huawei's API Gateway FAQ (apig-faq-0003, "Common Errors
// Related to IAM Authentication Information") states: "AK/SK authentication fails for more than
// five consecutive times, and the AK/SK pair is locked for five minutes". The window in which the
// failures must fall is not stated anywhere: it is inferred (as long as the lock) and configurable.

/** Lock-out settings: after `failures` failed signatures of one AK within `windowMs`, the AK is refused for `lockMs`. */
export interface LockoutOptions {
  /** Failed signature checks in a row that lock an AK. Default 5 (the gateway FAQ). */
  failures?: number;
  /** How long the failures count, from the first (inferred; not documented). Default 300 000 (5 min). */
  windowMs?: number;
  /** How long a locked AK is refused. Default 300 000 (5 min, the gateway FAQ). */
  lockMs?: number;
}

/** The defaults, as Huawei's gateway FAQ states them (the window is inferred). */
export const GATEWAY_LOCKOUT: Required<LockoutOptions> = { failures: 5, windowMs: 300_000, lockMs: 300_000 };

interface State {
  failures: number;
  since: number;
  lockedUntil: number;
}

/** Per-AK bookkeeping of failed signatures. */
export interface Lockout {
  /** True while `ak` is locked at `now`. */
  isLocked(ak: string, now: number): boolean;
  /** A failed signature check of `ak`. */
  failed(ak: string, now: number): void;
  /** A good signature of `ak`: the failures were not in a row after all. */
  succeeded(ak: string): void;
}

export function createLockout(options: LockoutOptions): Lockout {
  const { failures, windowMs, lockMs } = { ...GATEWAY_LOCKOUT, ...options };
  for (const [name, value] of Object.entries({ failures, windowMs, lockMs })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`lockout.${name} must be a positive integer, got ${String(value)}`);
  }
  // Only keys the stand-in knows are counted, so this map is bounded by the configured keys.
  const states = new Map<string, State>();
  return {
    isLocked: (ak, now) => (states.get(ak)?.lockedUntil ?? 0) > now,
    failed(ak, now) {
      let state = states.get(ak);
      if (!state || now - state.since >= windowMs || state.lockedUntil !== 0) {
        state = { failures: 0, since: now, lockedUntil: 0 };
        states.set(ak, state);
      }
      state.failures++;
      if (state.failures >= failures) state.lockedUntil = now + lockMs;
    },
    succeeded: (ak) => void states.delete(ak),
  };
}
