// 2. Paging throughput: 100 000 connections at page size 100 from the stand-in (its own
// process), our pager vs the offset loop a user would write by hand with the same client.
import { createDliClient } from '@dli-sdk/client';
import { interleave, startStandIn } from './lib.mjs';

const CONNECTIONS = 100_000;

export async function benchPaging() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS), '--seed', '3']);
  try {
    const client = createDliClient({ endpoint: standIn.url, projectId: 'bench', retry: false });
    const handLoop = async () => {
      let count = 0;
      for (let offset = 0; ; ) {
        const page = await client.listEnhancedConnections({ limit: 100, offset });
        const items = page.connections;
        for (const connection of items) if (connection.id) count++;
        offset += items.length;
        if (items.length < 100) break;
      }
      return count;
    };
    const pager = async () => {
      let count = 0;
      for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 100 })) if (connection.id) count++;
      return count;
    };
    const pagerByPage = async () => {
      let count = 0;
      for await (const page of client.paginateEnhancedConnections({}, { pageSize: 100 }).byPage()) {
        for (const connection of page.items) if (connection.id) count++;
      }
      return count;
    };
    const walks = {
      'hand-written offset loop': handLoop,
      'pager, for await over items': pager,
      'pager, for await over byPage()': pagerByPage,
    };
    const rows = (
      await interleave(walks, async (walk) => {
        const started = performance.now();
        const count = await walk();
        if (count !== CONNECTIONS) throw new Error(`walked ${count}`);
        return performance.now() - started;
      })
    ).map((row) => ({ ...row, unit: 'ms per 100 000 connections' }));
    for (const row of rows) row.ratio = row.median / rows[0].median;
    return { title: 'Paging throughput (100 000 connections, page size 100, stand-in on 127.0.0.1)', reference: rows[0].name, target: 'pager ≤ 1.05× the hand loop', rows };
  } finally {
    standIn.close();
  }
}
