// Shared by the benchmarks: repeated runs, summary statistics and the stand-in as a child process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

/** Runs `fn` RUNS times (after one warm-up) and summarizes what it returns. */
export async function repeat(fn, runs = RUNS) {
  await fn();
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  return summarize(values);
}

/**
 * Measures several variants round-robin (one warm-up round, then RUNS rounds), so that drift of
 * the machine (JIT, GC, other load) falls on every variant alike.
 */
export async function interleave(variants, measure, runs = RUNS) {
  const values = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const [name, variant] of Object.entries(variants)) {
      const value = await measure(variant);
      if (round > 0) values[name].push(value);
    }
  }
  return Object.entries(values).map(([name, list]) => ({ name, ...summarize(list) }));
}

/** Starts the stand-in in its own process, so it does not share the measured event loop. */
export async function startStandIn(args) {
  return startProcess([path.join(repoRoot, 'packages/mock-server/dist/bin.js'), '--port', '0', ...args]);
}

/** The stand-in with `count` connections, more than dli-mock seeds (large-standin.mjs), in its own process. */
export async function startLargeStandIn(count, seed = 1) {
  return startProcess([path.join(repoRoot, 'scripts/bench/large-standin.mjs'), String(count), String(seed)]);
}

export async function startProcess(args) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).split('\n')[0].trim())); // the URL is the banner's first line
    child.once('error', reject);
  });
  return { url, close: () => child.kill() };
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
