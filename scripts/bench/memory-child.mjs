// One memory measurement in a fresh process (node --expose-gc): walk `total` connections either
// keeping nothing (iterate) or keeping every item (collect, what toArray does), and record the
// heap still retained after a full GC at the checkpoints (item counts), plus the peak RSS growth.
// `node --expose-gc memory-child.mjs ENDPOINT MODE TOTAL CHECKPOINT,CHECKPOINT,… [PAGE_SIZE]`
import { createDliClient } from '@dli-sdk/client';

const [endpoint, mode, total, checkpoints, pageSize = '100'] = process.argv.slice(2);
const CHECKPOINTS = new Set(checkpoints.split(',').map(Number));
const client = createDliClient({ endpoint, projectId: 'bench', retry: false });
globalThis.gc();
const base = process.memoryUsage();
let peakRss = 0;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss - base.rss)), 5);
const kept = [];
const retainedMb = {};
let count = 0;
for await (const connection of client.paginateEnhancedConnections({}, { pageSize: Number(pageSize), maxItems: Number(total) })) {
  if (mode === 'collect') kept.push(connection);
  if (CHECKPOINTS.has(++count)) {
    globalThis.gc();
    retainedMb[count] = (process.memoryUsage().heapUsed - base.heapUsed) / 2 ** 20;
  }
}
clearInterval(timer);
if (count !== Number(total)) throw new Error(`walked ${count} of ${total}`);
console.log(JSON.stringify({ count, kept: kept.length, retainedMb, peakRssMb: peakRss / 2 ** 20 }));
