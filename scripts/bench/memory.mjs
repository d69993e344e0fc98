// 4. Memory: heap retained (after a full GC) while iterating 100 000 connections, which must stay
// flat (a few pages plus the pager's id set), vs collecting them all as toArray does. Each run is
// a fresh process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, startStandIn, summarize } from './lib.mjs';

const CONNECTIONS = 100_000;
const MODES = { iterate: 'for await, keeping nothing', collect: 'collecting every item (toArray)' };

export async function benchMemory() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS)]);
  try {
    const runs = {};
    for (const mode of Object.keys(MODES)) {
      runs[mode] = [];
      for (let i = 0; i < 5; i++) {
        const out = execFileSync(process.execPath, ['--expose-gc', path.join(repoRoot, 'scripts/bench/memory-child.mjs'), standIn.url, mode], { encoding: 'utf8' });
        const run = JSON.parse(out);
        if (run.count !== CONNECTIONS) throw new Error(`walked ${run.count}`);
        runs[mode].push(run);
      }
    }
    const rows = [];
    for (const checkpoint of [20_000, 60_000, 100_000]) {
      for (const [mode, label] of Object.entries(MODES)) {
        rows.push({ name: `${label}, retained heap at ${checkpoint / 1000}k items`, unit: 'MB', ...summarize(runs[mode].map((r) => r.retainedMb[checkpoint])) });
      }
    }
    for (const [mode, label] of Object.entries(MODES)) {
      rows.push({ name: `${label}, peak RSS growth`, unit: 'MB', ...summarize(runs[mode].map((r) => r.peakRssMb)) });
    }
    for (let i = 0; i < rows.length; i += 2) {
      rows[i].ratio = rows[i].median / rows[i + 1].median;
      rows[i + 1].ratio = 1;
    }
    return {
      title: 'Memory while walking 100 000 connections (fresh process per run)',
      reference: 'collecting every item (what toArray does)',
      target: 'iteration stays flat: a few pages plus the id set',
      rows,
    };
  } finally {
    standIn.close();
  }
}
