// 4. Memory: heap and RSS growth while iterating 100 000 connections (flat: a few pages plus the
// id set) vs collecting them all with toArray. Each run is a fresh process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, startStandIn, summarize } from './lib.mjs';

const CONNECTIONS = 100_000;

export async function benchMemory() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS)]);
  try {
    const rows = [];
    for (const mode of ['iterate', 'toArray']) {
      const runs = [];
      for (let i = 0; i < 5; i++) {
        const out = execFileSync(process.execPath, ['--expose-gc', path.join(repoRoot, 'scripts/bench/memory-child.mjs'), standIn.url, mode], { encoding: 'utf8' });
        runs.push(JSON.parse(out));
      }
      if (runs.some((r) => r.count !== CONNECTIONS)) throw new Error('wrong count');
      rows.push({ name: `${mode === 'iterate' ? 'for await (iterate)' : 'toArray({ limit: Infinity })'} — heap`, unit: 'MB peak growth', ...summarize(runs.map((r) => r.peakHeapMb)) });
      rows.push({ name: `${mode === 'iterate' ? 'for await (iterate)' : 'toArray({ limit: Infinity })'} — RSS`, unit: 'MB peak growth', ...summarize(runs.map((r) => r.peakRssMb)) });
    }
    rows[0].ratio = rows[0].median / rows[2].median;
    rows[1].ratio = rows[1].median / rows[3].median;
    rows[2].ratio = 1;
    rows[3].ratio = 1;
    return { title: 'Memory while walking 100 000 connections', reference: 'toArray (holds everything)', target: 'iteration stays flat: a few pages plus the id set', rows };
  } finally {
    standIn.close();
  }
}
