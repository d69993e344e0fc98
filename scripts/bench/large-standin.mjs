#!/usr/bin/env node
// The stand-in with more connections than dli-mock seeds (it stops at 100 000):
// `node scripts/bench/large-standin.mjs COUNT [SEED]` seeds up to 100 000 connections and repeats
// them, each copy under ids of its own, up to COUNT; prints its URL as the first line, as dli-mock does.
import { generateConnections, startMockDli } from '@dli-sdk/mock-server';

const count = Number(process.argv[2]);
const seed = Number(process.argv[3] ?? 1);
const BASE = 100_000;
const base = generateConnections(Math.min(count, BASE), seed);
const connections = Array.from({ length: count }, (_, i) => {
  const stored = base[i % BASE];
  const copy = Math.floor(i / BASE);
  if (copy === 0) return stored;
  // The same length as the original id, so pages keep their size.
  return { ...stored, connection: { ...stored.connection, id: `${stored.connection.id.slice(0, -4)}${String(copy).padStart(4, '0')}` } };
});
const standIn = await startMockDli({ connections, seed });
process.stdout.write(`${standIn.url}\n`);
