// 3. Latency hiding: 25 ms per answer, 20 000 connections at page size 100 (201 requests).
// The pager at concurrency 8 against an ideal hand-written window of 8 raw fetches (interleaved),
// then concurrency 1, 2, 4 and 8 against the physical floor, pages × latency ÷ concurrency.
import { createDliClient } from '@dli-sdk/client';
import { interleave, repeat, startStandIn } from './lib.mjs';

const CONNECTIONS = 20_000;
const LATENCY_MS = 25;
const PAGE_SIZE = 100;
const PAGES = CONNECTIONS / PAGE_SIZE + 1; // the last, empty page says the walk is over
const WINDOW = 8;

/** `concurrency` raw fetch loops taking the next offset in turn until one sees an empty page. */
function idealWindow(endpoint, concurrency) {
  const base = `${endpoint}/v2.0/bench/datasource/enhanced-connections?limit=${PAGE_SIZE}&offset=`;
  const headers = { accept: 'application/json', 'x-project-id': 'bench' };
  return async () => {
    let next = 0;
    let ended = false;
    let count = 0;
    const lane = async () => {
      while (!ended) {
        const offset = next;
        next += PAGE_SIZE;
        const items = JSON.parse(await (await fetch(`${base}${offset}`, { headers })).text()).connections ?? [];
        count += items.length;
        if (items.length === 0) ended = true;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return count;
  };
}

export async function benchLatency() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS), '--latency-ms', String(LATENCY_MS)]);
  try {
    const client = createDliClient({ endpoint: standIn.url, projectId: 'bench', retry: false });
    const pagerWalk = (concurrency) => async () => {
      let count = 0;
      for await (const _ of client.paginateEnhancedConnections({}, { pageSize: PAGE_SIZE, concurrency })) count++;
      return count;
    };
    const timed = async (walk) => {
      const started = performance.now();
      const count = await walk();
      if (count !== CONNECTIONS) throw new Error(`walked ${count}`);
      return performance.now() - started;
    };
    const ideal = `ideal hand-written window of ${WINDOW} raw fetches`;
    const windowRows = await interleave({ [ideal]: idealWindow(standIn.url, WINDOW), [`pager, concurrency ${WINDOW}`]: pagerWalk(WINDOW) }, timed);
    const rows = windowRows.map((row) => ({ ...row, unit: 'ms per walk', ratio: row.median / windowRows[0].median }));
    const sweep = [];
    for (const concurrency of [1, 2, 4, 8]) {
      const stats = await repeat(() => timed(pagerWalk(concurrency)), 5);
      const floor = (PAGES * LATENCY_MS) / concurrency;
      sweep.push({ name: `pager, concurrency ${concurrency}, against its floor`, unit: 'ms per walk', ...stats, floor, ratio: stats.median / floor });
    }
    const speedup = sweep[0].median / sweep[3].median;
    return {
      title: `Latency hiding (${LATENCY_MS} ms per answer, ${CONNECTIONS} connections, page size ${PAGE_SIZE})`,
      reference: `the first two rows: the ${ideal}; the others: the physical floor, pages × latency ÷ concurrency`,
      target: `pager at concurrency ${WINDOW} ≤ 1.10× the ideal window; concurrency 8 ≥ 6× faster than 1`,
      note: `concurrency 8 is ${speedup.toFixed(2)}× faster than concurrency 1. The pager asks for the first page alone (a wrong key fails once, not ${WINDOW} times), which costs one answer's latency per walk.`,
      rows: [...rows, ...sweep],
      verdicts: [
        { target: `pager at concurrency ${WINDOW} ≤ 1.10× the ideal window`, met: rows[1].ratio <= 1.1 },
        { target: 'concurrency 8 ≥ 6× faster than concurrency 1', met: speedup >= 6 },
      ],
    };
  } finally {
    standIn.close();
  }
}
