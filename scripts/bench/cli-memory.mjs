// 9. dli-connections list streams: peak RSS of the whole command (as /usr/bin/time reports it) for
// ndjson, csv and tsv over 100 000 and 1 000 000 connections from the stand-in (its own process),
// into a pipe that reads everything. Each run is a fresh process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, RUNS, startLargeStandIn, summarize } from './lib.mjs';

const CLI = path.join(repoRoot, 'packages/cli/bin/dli-connections.js');
const TIME = '/usr/bin/time';
const LIMIT_MB = 100;

/** Peak RSS in MB of `node ARGS`, its stdout read to the end. */
function peakRss(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, ...env } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = Number(stderr.trim().split('\n').at(-1));
      if (code !== 0 || !Number.isFinite(kb)) reject(new Error(`exited with ${code}: ${stderr}`));
      else resolve(kb / 1024);
    });
  });
}

export async function benchCliMemory() {
  if (!existsSync(TIME)) return { title: 'dli-connections list, peak RSS', reference: '-', target: '-', note: `skipped: ${TIME} is not on this machine`, rows: [] };
  const rows = [];
  const floor = summarize(await Promise.all([0, 1, 2].map(() => peakRss(['-e', '0']))));
  rows.push({ name: 'node -e 0 (the runtime alone)', unit: 'MB', ...floor, ratio: 1 });
  for (const count of [100_000, 1_000_000]) {
    const standIn = await startLargeStandIn(count, 3);
    try {
      const runs = count > 100_000 ? Math.min(RUNS, 3) : RUNS;
      const list = ['list', '--endpoint', standIn.url, '--project-id', 'bench'];
      for (const format of ['ndjson', 'csv', 'tsv']) {
        const values = [];
        for (let i = 0; i < runs; i++) values.push(await peakRss([CLI, ...list, '-o', format], { DLI_IAM_TOKEN: 'bench' }));
        const row = summarize(values);
        rows.push({ name: `list -o ${format}, ${count.toLocaleString('en')} connections`, unit: 'MB peak RSS', ...row, ratio: row.median / floor.median });
      }
    } finally {
      standIn.close();
    }
  }
  const listed = rows.slice(1);
  return {
    title: 'dli-connections list streams: peak RSS of the whole command (stand-in in its own process, page size 100)',
    reference: 'node -e 0, the runtime alone',
    target: `peak RSS under ${LIMIT_MB} MB for ndjson, csv and tsv at any count`,
    note: 'Peak RSS is the maximum resident set of the command\'s process, as /usr/bin/time reports it; it includes the Node binary\'s own pages.',
    rows,
    verdicts: listed.map((row) => ({ target: `${row.name} < ${LIMIT_MB} MB`, met: row.median < LIMIT_MB })),
  };
}
