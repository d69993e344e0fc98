// Small edges of the second round: an endpoint that does not parse is refused without its
// password, and a logger that throws does not fail a call that succeeded.
import { createDliClient } from '@dli-sdk/client';
import { PROJECT_ID, refusalOf } from '../helpers';
import { pageOf, withServer } from '../hostile';

test.each(['https://admin:hunter2@dli example.test', 'https://admin:hunter2@[::1', 'admin:hunter2@dli.example.test'])(
  'an endpoint that does not parse (%s) is refused without its user name or password',
  (endpoint) => {
    const refusal = refusalOf(() => createDliClient({ endpoint, projectId: PROJECT_ID }));
    expect(refusal.field).toBe('endpoint');
    expect(refusal.rule).not.toContain('hunter2');
    expect(refusal.rule).not.toContain('admin');
  },
);

test('an endpoint that does not parse and holds no @ is still shown, to be fixed', () => {
  expect(refusalOf(() => createDliClient({ endpoint: 'dli.example.test', projectId: PROJECT_ID }))).toEqual({
    field: 'endpoint',
    rule: 'must be an absolute http(s) URL, got "dli.example.test"',
  });
});

test('a logger that throws does not fail a call that succeeded, nor stop its retries', async () => {
  let calls = 0;
  await withServer(
    (_req, res) => (++calls === 1 ? res.writeHead(503, { 'retry-after': '0' }).end('{}') : res.end(pageOf([{ id: 'c1', name: 'c1', status: 'ACTIVE' }]))),
    async (server) => {
      const logger = {
        debug: () => {
          throw new Error('log disk full');
        },
      };
      const client = createDliClient({ endpoint: server.url, projectId: PROJECT_ID, logger, logLevel: 'debug' });
      const page = await client.listEnhancedConnections();
      expect(page.connections).toEqual([{ id: 'c1', name: 'c1', status: 'ACTIVE' }]);
      expect(page.$metadata.attempts).toBe(2);
    },
  );
});
