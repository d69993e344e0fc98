#!/usr/bin/env node
// Profiles the per-page cost of a walk: `node --cpu-prof --cpu-prof-dir=DIR scripts/bench/profile-walk.mjs [client|fetch|raw]`
// walks 50 000 connections three times from the stand-in (its own process); then
// `node scripts/bench/profile-walk.mjs --summary DIR` prints self time by function and by file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createDliClient, createDliFetchClient } from '@dli-sdk/client';
import { startStandIn } from './lib.mjs';
import { rawLoop } from './paging.mjs';

function summarize(dir) {
  const file = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).sort().at(-1);
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = deltas.reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url.replace(/^.*\/(node_modules|packages)\//, '$1/') || '(native)';
    const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    byFile.set(where, (byFile.get(where) ?? 0) + micros);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`self time of ${(total / 1000).toFixed(0)} ms\n\nby file:\n${top(byFile, 15).join('\n')}\n\nby function:\n${top(byFunction, 30).join('\n')}`);
}

if (process.argv[2] === '--summary') summarize(process.argv[3]);
else {
  const surface = process.argv[2] ?? 'client';
  const standIn = await startStandIn(['--connections', '50000', '--seed', '3', '--token', 'bench-token']);
  try {
    const options = { endpoint: standIn.url, projectId: 'bench', credentials: { token: 'bench-token' }, retry: false };
    const client = surface === 'fetch' ? createDliFetchClient(options) : createDliClient(options);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      let count = 0;
      if (surface === 'raw') count = await rawLoop(standIn.url)();
      else for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 100 })) if (connection.id) count++;
      console.log(`${surface}: walked ${count} in ${(performance.now() - started).toFixed(0)} ms`);
    }
  } finally {
    standIn.close();
  }
}
