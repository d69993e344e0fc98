// 9. The stand-in's heap under load: 100 000 requests with credentials, heap used after a full GC
// at checkpoints. The request log is a ring of REQUEST_LOG_SIZE, so the heap must stay flat.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, summarize } from './lib.mjs';

export async function benchStandInMemory() {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--expose-gc', path.join(repoRoot, 'scripts/bench/standin-memory-child.mjs')], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  const checkpoints = Object.keys(runs[0].heapMb);
  const rows = checkpoints.map((at) => ({ name: `heap used after GC at ${Number(at) / 1000}k requests`, unit: 'MB', ...summarize(runs.map((r) => r.heapMb[at])) }));
  for (const row of rows) row.ratio = row.median / rows[0].median;
  return {
    title: 'Stand-in heap over 100 000 requests (fresh process per run)',
    reference: 'the heap after the first 10 000 requests',
    target: 'flat: the last checkpoint within a few MB of the first',
    rows,
  };
}
