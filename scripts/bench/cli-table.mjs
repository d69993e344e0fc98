// 8. The CLI's table: 20 000 connections rendered at 80 columns in a real pseudo-terminal (through
// `script`), and as a table and as TSV into a pipe. Each run is the whole command (start-up, paging
// from the stand-in, rendering), so TSV, which streams, is the reference for everything but layout.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { interleave, repoRoot, startStandIn } from './lib.mjs';

const CONNECTIONS = 20_000;
const CLI = path.join(repoRoot, 'packages/cli/bin/dli-connections.js');

function timed(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} exited with ${code}`))));
  });
}

export async function benchCliTable() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS)]);
  try {
    const list = ['list', '--endpoint', standIn.url, '--project-id', 'bench', '--token', 'bench', '--page-size', '1000'];
    const quoted = [process.execPath, CLI, ...list].map((arg) => `'${arg}'`).join(' ');
    const variants = {
      'tsv into a pipe': () => timed(process.execPath, [CLI, ...list, '-o', 'tsv']),
      'table into a pipe': () => timed(process.execPath, [CLI, ...list, '-o', 'table']),
      'table at 80 columns in a pty': () => timed('script', ['-qec', `stty cols 80 rows 50; ${quoted} 2>/dev/null`, '/dev/null']),
    };
    const rows = (await interleave(variants, (variant) => variant())).map((row) => ({ ...row, unit: 'ms per command' }));
    for (const row of rows) row.ratio = row.median / rows[0].median;
    return {
      title: `dli-connections list with ${CONNECTIONS} connections (whole command)`,
      reference: 'TSV into a pipe (streams, no layout)',
      target: 'a 20 000-row table renders in under 2 s',
      rows,
    };
  } finally {
    standIn.close();
  }
}
