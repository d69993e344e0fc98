// Runs one memory measurement in a fresh process (node --expose-gc): iterate or collect 100 000
// connections, sampling heap and RSS, and print the growth over the starting point as JSON.
import { createDliClient } from '@dli-sdk/client';

const [endpoint, mode] = process.argv.slice(2);
const client = createDliClient({ endpoint, projectId: 'bench', retry: false });
globalThis.gc();
const base = process.memoryUsage();
let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed - base.heapUsed);
  peakRss = Math.max(peakRss, rss - base.rss);
};
const timer = setInterval(sample, 5);
const pager = client.paginateEnhancedConnections({}, { pageSize: 100 });
let count = 0;
if (mode === 'iterate') {
  for await (const _ of pager) count++;
} else {
  const all = await pager.toArray({ limit: Infinity });
  count = all.length;
  sample();
}
clearInterval(timer);
console.log(JSON.stringify({ count, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 }));
