// A long walk through an unreliable server: every connection exactly once, in order.
import { createDliClient, createDliFetchClient, type EnhancedConnection } from '@dli-sdk/client';
import type { Fault } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_TOKEN, withMock } from './helpers';

const MIXED_FAULTS: Fault[] = [
  { kind: 'status', status: 429, retryAfterSeconds: 0 },
  { kind: 'status', status: 503 },
  { kind: 'reset' },
  { kind: 'truncate' },
];

test.each(['createDliClient', 'createDliFetchClient'] as const)(
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
