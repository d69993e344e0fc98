// 1. Transport overhead per request: an in-process fetch stub answers a realistic 100-connection
// page, so only client-side work is measured. The floor is raw fetch + JSON.parse.
import { createDliClient, createDliFetchClient } from '@dli-sdk/client';
import { generateConnections } from '@dli-sdk/mock-server';
import createClient from 'openapi-fetch';
import { interleave } from './lib.mjs';

const REQUESTS = 4000;
const ENDPOINT = 'https://dli.cn-north-4.myhuaweicloud.com';
const PROJECT = '0123456789abcdef0123456789abcdef';
const PATH = `/v2.0/${PROJECT}/datasource/enhanced-connections`;
const page = JSON.stringify({ is_success: true, message: '', count: 100, connections: generateConnections(100, 1).map((s) => s.connection) });
const stub = async () => new Response(page, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(page)), 'x-request-id': 'r' } });
const akSk = { ak: 'BENCHAKID00000000000', sk: 'bench-secret' };

function variants() {
  const common = { endpoint: ENDPOINT, projectId: PROJECT, fetch: stub, retry: false };
  const client = createDliClient(common);
  const signedClient = createDliClient({ ...common, credentials: akSk });
  const fetchClient = createDliFetchClient(common);
  const signedFetchClient = createDliFetchClient({ ...common, credentials: akSk });
  const plain = createClient({ baseUrl: ENDPOINT, fetch: (request) => stub(request) });
  const params = { params: { path: { project_id: PROJECT }, query: { limit: 100, offset: 0 } } };
  return {
    'raw fetch + JSON.parse (floor)': async () => JSON.parse(await (await stub(`${ENDPOINT}${PATH}?limit=100&offset=0`)).text()),
    'plain openapi-fetch': () => plain.GET('/v2.0/{project_id}/datasource/enhanced-connections', params),
    'createDliClient': () => client.listEnhancedConnections({ limit: 100, offset: 0 }),
    'createDliFetchClient': () => fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', params),
    'createDliClient + AK/SK signing': () => signedClient.listEnhancedConnections({ limit: 100, offset: 0 }),
    'createDliFetchClient + AK/SK signing': () => signedFetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', params),
  };
}

export async function benchTransport() {
  const rows = (
    // CPU time, not wall time: everything runs in this process, and on a shared machine wall
    // time also counts what other processes took.
    await interleave(variants(), async (call) => {
      const started = process.cpuUsage();
      for (let i = 0; i < REQUESTS; i++) await call();
      const { user, system } = process.cpuUsage(started);
      return (user + system) / REQUESTS;
    })
  ).map((row) => ({ ...row, unit: 'µs CPU/request' }));
  const floor = rows[0].median;
  for (const row of rows) row.ratio = row.median / floor;
  const unsigned = rows.filter((row) => row.name.startsWith('createDli') && !row.name.includes('signing'));
  return {
    title: 'Transport overhead per request (in-process fetch stub, 100-connection page)',
    reference: rows[0].name,
    target: 'both surfaces ≤ 1.10× the floor without signing',
    note: `Signing costs ${(rows[4].median - rows[2].median).toFixed(1)} µs per request on createDliClient (${(rows[5].median - rows[3].median).toFixed(1)} µs on createDliFetchClient).`,
    rows,
    verdicts: unsigned.map((row) => ({ target: `${row.name} ≤ 1.10× the floor`, met: row.ratio <= 1.1 })),
  };
}
