// 3. Latency hiding: 25 ms per answer, 20 000 connections at page size 100 (201 requests);
// concurrency 1, 2, 4 and 8 against the physical floor, pages × latency ÷ concurrency.
import { createDliClient } from '@dli-sdk/client';
import { repeat, startStandIn } from './lib.mjs';

const CONNECTIONS = 20_000;
const LATENCY_MS = 25;
const PAGES = CONNECTIONS / 100 + 1; // the last, empty page says the walk is over

export async function benchLatency() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS), '--latency-ms', String(LATENCY_MS)]);
  try {
    const client = createDliClient({ endpoint: standIn.url, projectId: 'bench', retry: false });
    const rows = [];
    for (const concurrency of [1, 2, 4, 8]) {
      const stats = await repeat(async () => {
        const started = performance.now();
        let count = 0;
        for await (const _ of client.paginateEnhancedConnections({}, { pageSize: 100, concurrency })) count++;
        if (count !== CONNECTIONS) throw new Error(`walked ${count}`);
        return performance.now() - started;
      }, 5);
      const floor = (PAGES * LATENCY_MS) / concurrency;
      rows.push({ name: `concurrency ${concurrency}`, unit: 'ms per walk', ...stats, floor, ratio: stats.median / floor });
    }
    const speedup = rows[0].median / rows[3].median;
    return {
      title: `Latency hiding (${LATENCY_MS} ms per answer, ${CONNECTIONS} connections, page size 100)`,
      reference: 'the physical floor: pages × latency ÷ concurrency',
      target: 'concurrency 8 ≥ 6× faster than 1, and within 1.3× of its floor',
      note: `concurrency 8 is ${speedup.toFixed(2)}× faster than concurrency 1`,
      rows,
    };
  } finally {
    standIn.close();
  }
}
