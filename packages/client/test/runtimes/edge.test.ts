// The client in an edge runtime: Cloudflare's workerd (through Miniflare) runs a Worker bundled
// from the built package, which walks the stand-in with AK/SK signing using only Web APIs.
import { Miniflare } from 'miniflare';
import { startMockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_AK, TEST_SK } from '../helpers';
import { bundleForWeb } from './web-bundle';

const WORKER = `
import { createDliClient, DliApiError } from '@dli-sdk/client';
export default {
  async fetch(request) {
    const { endpoint, projectId, ak, sk } = await request.json();
    const client = createDliClient({ endpoint, projectId, credentials: { ak, sk }, retry: false });
    const ids = [];
    for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 25, concurrency: 3 })) ids.push(connection.id);
    const denied = await createDliClient({ endpoint, projectId, credentials: { ak, sk: 'wrong' }, retry: false })
      .listEnhancedConnections()
      .catch((error) => ({ name: error.name, isDliApiError: error instanceof DliApiError, status: error.status, code: error.code }));
    return Response.json({ ids, denied });
  },
};
`;

test('workerd runs the client: every connection walked, signatures accepted, errors typed', async () => {
  const mock = await startMockDli({ connections: 90, seed: 6, auth: { credentials: [{ ak: TEST_AK, sk: TEST_SK }] } });

  const worker = new Miniflare({ modules: true, script: await bundleForWeb(WORKER), compatibilityDate: '2025-12-01' });
  try {
    const response = await worker.dispatchFetch('http://worker.test/', {
      method: 'POST',
      body: JSON.stringify({ endpoint: mock.url, projectId: PROJECT_ID, ak: TEST_AK, sk: TEST_SK }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ids: string[]; denied: unknown };
    expect(result.ids).toEqual(mock.connections.map((c) => c.id));
    expect(result.denied).toEqual({ name: 'DliApiError', isDliApiError: true, status: 401, code: 'APIGW.0301' });
  } finally {
    await worker.dispose();
    await mock.close();
  }
}, 60_000);
