// 4. Memory: heap retained (after a full GC) while iterating 1 000 000 connections, which must stay
// flat (the pages in flight and the drift window, never the walk's length), vs collecting 100 000
// as toArray does; and a server that sends 1 MiB ids, which the window's byte limit must bound.
// Each run is a fresh process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, RUNS, startLargeStandIn, startProcess, summarize } from './lib.mjs';

const LONG = 1_000_000;
const SHORT = 100_000;
const CHILD = path.join(repoRoot, 'scripts/bench/memory-child.mjs');
const BIG_ID_PAGES = 300;
const BIG_ID_BYTES = 2 ** 20;

function measure(url, mode, total, checkpoints, pageSize, runs) {
  return Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--expose-gc', CHILD, url, mode, String(total), checkpoints.join(','), String(pageSize)], { encoding: 'utf8' });
    return JSON.parse(out);
  });
}

export async function benchMemory() {
  const standIn = await startLargeStandIn(LONG, 3);
  const rows = [];
  try {
    // A 1 000 000-item walk takes about as long as 10 of 100 000: fewer runs of it.
    const iterate = measure(standIn.url, 'iterate', LONG, [SHORT, 500_000, LONG], 100, Math.min(RUNS, 3));
    const collect = measure(standIn.url, 'collect', SHORT, [20_000, SHORT], 100, RUNS);
    const reference = summarize(collect.map((r) => r.retainedMb[SHORT])).median;
    const row = (name, values, unit = 'MB') => ({ name, unit, ...summarize(values), ratio: summarize(values).median / reference });
    rows.push(row(`collecting every item (toArray), retained heap at 100k items`, collect.map((r) => r.retainedMb[SHORT])));
    for (const checkpoint of [SHORT, 500_000, LONG]) {
      rows.push(row(`for await over 1M, keeping nothing, retained heap at ${checkpoint / 1000}k items`, iterate.map((r) => r.retainedMb[checkpoint])));
    }
    rows.push(row('collecting every item (toArray), peak RSS growth over 100k items', collect.map((r) => r.peakRssMb)));
    rows.push(row('for await, keeping nothing, peak RSS growth over 1M items', iterate.map((r) => r.peakRssMb)));
  } finally {
    standIn.close();
  }
  // A server that chooses huge ids: one-item pages whose id is 1 MiB, measured half-way.
  const bigIds = await startProcess([path.join(repoRoot, 'scripts/bench/big-ids-server.mjs'), String(BIG_ID_PAGES), String(BIG_ID_BYTES)]);
  try {
    const runs = measure(bigIds.url, 'iterate', BIG_ID_PAGES, [BIG_ID_PAGES / 2], 1, Math.min(RUNS, 3));
    const values = runs.map((r) => r.retainedMb[BIG_ID_PAGES / 2]);
    // Its ratio is to the drift window's byte limit (4 MiB), not to the reference.
    const limitMb = 4; // the child reports MiB
    rows.push({ name: `${BIG_ID_PAGES} one-item pages with 1 MiB ids, retained heap at page ${BIG_ID_PAGES / 2} (ratio: to the window's 4 MiB limit)`, unit: 'MB', ...summarize(values), ratio: summarize(values).median / limitMb });
  } finally {
    bigIds.close();
  }
  return {
    title: 'Memory while walking 1 000 000 connections (fresh process per run)',
    reference: 'collecting 100 000 items (what toArray does); for the 1 MiB-id row, the drift window\'s 4 MiB byte limit',
    target: 'a walk retains O(page size): the same heap at 100k and 1M items; 1 MiB ids keep at most the drift window\'s 4 MiB byte limit',
    note: 'Retained heap is heapUsed after a full GC, less the same before the walk; it includes the pages in flight and the drift window. Peak RSS growth is sampled every 5 ms and includes garbage not yet collected.',
    rows,
  };
}
