#!/usr/bin/env node
// npm run bench: every benchmark, one after another, on this machine; writes bench/RESULTS.md and
// bench/results.json. Ratios matter, not absolute times: shared machines are noisy.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBuild } from './build.mjs';
import { benchBundle } from './bundle.mjs';
import { benchCliMemory } from './cli-memory.mjs';
import { benchCliTable } from './cli-table.mjs';
import { benchLatency } from './latency.mjs';
import { fmt, repoRoot, RUNS } from './lib.mjs';
import { benchMemory } from './memory.mjs';
import { benchPaging } from './paging.mjs';
import { benchSigning } from './signing.mjs';
import { benchStandInMemory } from './standin-memory.mjs';
import { benchTransport } from './transport.mjs';

const only = process.argv.slice(2);
const BENCHMARKS = { transport: benchTransport, paging: benchPaging, latency: benchLatency, memory: benchMemory, signing: benchSigning, bundle: benchBundle, build: benchBuild, 'cli-table': benchCliTable, 'cli-memory': benchCliMemory, 'standin-memory': benchStandInMemory };
const environment = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, runs: RUNS, date: new Date().toISOString() };

// A run of some benchmarks (`npm run bench -- paging memory`) replaces only their sections and
// keeps the others from the last results.json, in the usual order.
const RESULTS_JSON = path.join(repoRoot, 'bench/results.json');
const previous = only.length && existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, 'utf8')).results : [];
const fresh = new Map();
for (const [key, bench] of Object.entries(BENCHMARKS)) {
  if (only.length && !only.includes(key)) continue;
  const started = performance.now();
  process.stderr.write(`bench ${key}… `);
  const result = await bench();
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  fresh.set(key, { key, ...result, environment });
}
const results = Object.keys(BENCHMARKS)
  .map((key) => fresh.get(key) ?? previous.find((result) => result.key === key))
  .filter((result) => result !== undefined);

const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\`. Node ${environment.node}, ${environment.cpu} (${environment.cores} cores), ${environment.date.slice(0, 10)}.`,
  `Each figure is the median of ${RUNS} runs (after a warm-up) unless the table says otherwise; min–max shows the spread.`,
  '',
];
for (const result of results) {
  lines.push(`## ${result.title}`, '', `Reference: ${result.reference}. Target: ${result.target}.`, '');
  if (result.environment && result.environment.date !== environment.date) lines.push(`(Measured ${result.environment.date.slice(0, 10)}, in an earlier run.)`, '');
  if (result.note) lines.push(result.note, '');
  // Verdicts read from the median; min–max shows how far a single run can stray.
  for (const { target, met } of result.verdicts ?? []) lines.push(`- ${met ? 'met' : '**missed**'}: ${target}`);
  if (result.verdicts) lines.push('');
  lines.push('| variant | median | min–max | unit | ratio |', '|---|---:|---:|---|---:|');
  for (const row of result.rows) {
    lines.push(`| ${row.name} | ${fmt(row.median)} | ${fmt(row.min)}–${fmt(row.max)} | ${row.unit} | ${fmt(row.ratio, 2)}× |`);
  }
  lines.push('');
}
writeFileSync(path.join(repoRoot, 'bench/RESULTS.md'), lines.join('\n'));
writeFileSync(RESULTS_JSON, `${JSON.stringify({ environment, results }, null, 2)}\n`);
process.stdout.write(lines.join('\n'));
