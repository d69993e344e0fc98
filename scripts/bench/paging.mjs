// 2. The whole stack over the wire: walking 50 000 connections at page size 100 from the
// stand-in (its own process, token auth), the pager on both surfaces vs a raw fetch + JSON.parse
// offset loop. The raw loop ends on an empty page as the pager does, so both make the same 501
// requests; the cost of that last request is reported on its own.
import { createDliClient, createDliFetchClient } from '@dli-sdk/client';
import { interleave, RUNS, startStandIn, summarize } from './lib.mjs';

const CONNECTIONS = 50_000;
const PAGE_SIZE = 100;
const REQUESTS = CONNECTIONS / PAGE_SIZE + 1; // the last, empty page says the walk is over
const TOKEN = 'bench-token';

/** The loop a user would write with nothing but fetch, sending what the client sends. */
export function rawLoop(endpoint, { stopOnShortPage = false } = {}) {
  const base = `${endpoint}/v2.0/bench/datasource/enhanced-connections`;
  const headers = { accept: 'application/json', 'content-type': 'application/json', 'x-project-id': 'bench', 'x-auth-token': TOKEN };
  return async () => {
    let count = 0;
    for (let offset = 0; ; ) {
      const response = await fetch(`${base}?limit=${PAGE_SIZE}&offset=${offset}`, { headers });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const items = JSON.parse(await response.text()).connections ?? [];
      for (const connection of items) if (connection.id) count++;
      offset += items.length;
      if (items.length === 0 || (stopOnShortPage && items.length < PAGE_SIZE)) return count;
    }
  };
}

export async function benchPaging() {
  const standIn = await startStandIn(['--connections', String(CONNECTIONS), '--seed', '3', '--token', TOKEN]);
  try {
    const options = { endpoint: standIn.url, projectId: 'bench', credentials: { token: TOKEN }, retry: false };
    const client = createDliClient(options);
    const fetchClient = createDliFetchClient(options);
    const overItems = (pager) => async () => {
      let count = 0;
      for await (const connection of pager()) if (connection.id) count++;
      return count;
    };
    const overPages = (pager) => async () => {
      let count = 0;
      for await (const page of pager().byPage()) for (const connection of page.items) if (connection.id) count++;
      return count;
    };
    const walkClient = () => client.paginateEnhancedConnections({}, { pageSize: PAGE_SIZE });
    const walkFetchClient = () => fetchClient.paginateEnhancedConnections({}, { pageSize: PAGE_SIZE });
    const walks = {
      'raw fetch + JSON.parse offset loop, ends on an empty page (floor)': rawLoop(standIn.url),
      'createDliClient pager, for await over items': overItems(walkClient),
      'createDliClient pager, byPage()': overPages(walkClient),
      'createDliFetchClient pager, for await over items': overItems(walkFetchClient),
      'createDliFetchClient pager, byPage()': overPages(walkFetchClient),
    };
    // Wall time is what a user waits; CPU time of this process is what the client stack itself
    // costs (the stand-in's work is the same for every variant), and it is far less disturbed by
    // other load on a shared machine. The verdicts read the CPU-time medians.
    const cpu = new Map(Object.values(walks).map((walk) => [walk, []]));
    const wall = await interleave(
      walks,
      async (walk) => {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const count = await walk();
        const { user, system } = process.cpuUsage(cpuStarted);
        if (count !== CONNECTIONS) throw new Error(`walked ${count}`);
        cpu.get(walk).push((user + system) / 1000);
        return performance.now() - started;
      },
      Math.max(RUNS, 13), // walks are short and the machine is shared: more rounds steady the medians
    );
    const cpuRows = Object.entries(walks).map(([name, walk]) => ({ name: `${name} (CPU time of this process)`, ...summarize(cpu.get(walk).slice(1)) }));
    const rows = [
      ...wall.map((row) => ({ ...row, unit: `ms per ${CONNECTIONS} connections`, ratio: row.median / wall[0].median })),
      ...cpuRows.map((row) => ({ ...row, unit: `ms CPU per ${CONNECTIONS} connections`, ratio: row.median / cpuRows[0].median })),
    ];
    const floor = wall[0].median;
    const perRequestMs = floor / REQUESTS;
    const perSecond = (row) => Math.round(CONNECTIONS / (row.median / 1000));
    const cpuPerPage = (row) => (row.median / REQUESTS).toFixed(3);
    return {
      title: `The whole stack: walking ${CONNECTIONS} connections (page size ${PAGE_SIZE}, stand-in in its own process on 127.0.0.1, token auth)`,
      reference: rows[0].name,
      target: 'each pager ≤ 1.10× the raw loop',
      note:
        `Every variant makes ${REQUESTS} requests: a walk ends only on an empty page, and so does the raw loop here. ` +
        `A loop that stopped on a short page would save that request only when the count is not a multiple of the page size; ` +
        `one request costs ${perRequestMs.toFixed(2)} ms here (${(100 / REQUESTS).toFixed(2)}% of a walk). ` +
        `The raw loop walks ${perSecond(wall[0])} connections/s; the createDliClient pager ${perSecond(wall[1])}/s. ` +
        `In CPU time the raw loop spends ${cpuPerPage(cpuRows[0])} ms per page; the createDliClient pager (for await) ${cpuPerPage(cpuRows[1])} ms.`,
      rows,
      verdicts: cpuRows.slice(1).map((row) => ({ target: `${row.name} ≤ 1.10× the raw loop's`, met: row.median / cpuRows[0].median <= 1.1 })),
    };
  } finally {
    standIn.close();
  }
}
