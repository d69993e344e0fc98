// Walks at scale, through reliable and unreliable servers: every connection exactly once, in order.
// They live apart from the smaller suites because mutation testing reruns those for every mutant,
// and a walk of 10 000 requests would cost seconds each time without catching anything more.
import { createDliClient, createDliFetchClient, type EnhancedConnection } from '@dli-sdk/client';
import type { Fault } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_TOKEN, akSk, withMock } from './helpers';

const SURFACES = ['createDliClient', 'createDliFetchClient'] as const;

const MIXED_FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfterSeconds: 0 },
  { kind: 'status', status: 503 },
  { kind: 'reset' },
  { kind: 'truncate' },
];

test.each(SURFACES)(
  '%s: 20 000 connections at concurrency 8 with 10%% mixed faults, each exactly once',
  async (surface) => {
    await withMock({ connections: 20_000, seed: 9, faults: { rate: 0.1, randomFaults: MIXED_FAULTS } }, async (mock) => {
      // Eight attempts: a page fails for good only after eight faults in a row (10^-8).
      const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 10 } };
      const client = surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
      const walked: EnhancedConnection[] = [];
      for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 100, concurrency: 8 })) walked.push(connection);
      expect(walked.map((c) => c.id)).toEqual(mock.connections.map((c) => c.id));
      const pages = 20_000 / 100 + 1;
      console.log(`${surface} soak: ${walked.length} connections, ${pages} pages, ${mock.requestCount} requests`);
      expect(mock.requestCount).toBeGreaterThan(pages); // faults were injected and retried
    });
  },
);

describe.each(SURFACES)('%s: 10 000 connections', (surface) => {
  test.each([1, 7, 100])('at page size %i: each once, in order, one request per page and the empty one', async (pageSize) => {
    await withMock({ connections: 10_000 }, async (mock) => {
      const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const };
      const client = surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
      const walked: EnhancedConnection[] = [];
      for await (const connection of client.paginateEnhancedConnections({}, { pageSize })) walked.push(connection);
      expect(walked.map((c) => c.id)).toEqual(mock.connections.map((c) => c.id));
      expect(mock.requestCount).toBe(Math.ceil(10_000 / pageSize) + 1);
    });
  });
});

test('10 000 signed connections with 10% of requests failing retryably: every id exactly once', async () => {
  await withMock({ connections: 10_000, seed: 11, faults: { rate: 0.1 } }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 6 } });
    const walked: EnhancedConnection[] = await client.paginateEnhancedConnections({}, { pageSize: 100 }).toArray({ limit: Infinity });
    expect(walked.map((c) => c.id)).toEqual(mock.connections.map((c) => c.id));
    expect(mock.requestCount).toBeGreaterThan(101);
  });
});
