// One memory measurement in a fresh process (node --expose-gc): walk 100 000 connections either
// keeping nothing (iterate) or keeping every item (collect, what toArray does), and record the
// heap still retained after a full GC at checkpoints, plus the peak RSS growth.
import { createDliClient } from '@dli-sdk/client';

const [endpoint, mode] = process.argv.slice(2);
const CHECKPOINTS = new Set([20_000, 60_000, 100_000]);
const client = createDliClient({ endpoint, projectId: 'bench', retry: false });
globalThis.gc();
const base = process.memoryUsage();
let peakRss = 0;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss - base.rss)), 5);
const kept = [];
const retainedMb = {};
let count = 0;
for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 100 })) {
  if (mode === 'collect') kept.push(connection);
  if (CHECKPOINTS.has(++count)) {
    globalThis.gc();
    retainedMb[count] = (process.memoryUsage().heapUsed - base.heapUsed) / 2 ** 20;
  }
}
clearInterval(timer);
console.log(JSON.stringify({ count, kept: kept.length, retainedMb, peakRssMb: peakRss / 2 ** 20 }));
