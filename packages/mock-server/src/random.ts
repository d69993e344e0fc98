// A small seeded PRNG (mulberry32): the same seed gives the same dataset on every machine.

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** True with probability `p` (0..1). */
export function chance(random: Random, p: number): boolean {
  // (Mutation testing: `<=` here differs only when a draw equals p exactly, at odds of 2^-32 at
  // most, so it survives; not marked, as a mark would silence `>=` too, which the dataset kills.)
  return random() < p;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Removes a random item from `items` and returns it: picks without repeats. */
export function take<T>(random: Random, items: T[]): T {
  return items.splice(Math.floor(random() * items.length), 1)[0];
}

/** A version-4-shaped UUID drawn from `random`. */
export function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)];
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
