// The `status` and `tags` filters as Huawei's rules allow them: accepted by both surfaces, sent
// intact, and matched by the stand-in the way the spec describes (each pair split on its first `=`).
import type { EnhancedConnection } from '@dli-sdk/types';
import { createDliClient, createDliFetchClient, DliValidationError } from '@dli-sdk/client';
import { PROJECT_ID, akSk, rejectionOf, withMock } from '../helpers';

const tagged = (id: string, tags: Record<string, string>, status: EnhancedConnection['status'] = 'ACTIVE') => ({
  connection: { id, name: id, status },
  tags,
});

const CONNECTIONS = [
  tagged('plain', { env: 'prod' }),
  tagged('expr', { expr: 'a=b', env: 'prod' }),
  tagged('spaced', { 'team name': 'data lake', owner: 'ops@example.com' }),
  tagged('punctuated', { 'a_b.c:d+e-f@g': '1.2:3+4-5@6' }),
  tagged('cjk', { 部门: '数据湖', 环境: '生产' }),
  tagged('gone', { env: 'prod' }, 'DELETED'),
];

// [filter, ids it selects]
const FILTERS: Array<[string, string[]]> = [
  ['env=prod', ['plain', 'expr', 'gone']],
  ['expr=a=b', ['expr']],
  ['expr=a', []],
  ['expr=a=b,env=prod', ['expr']],
  ['team name=data lake,owner=ops@example.com', ['spaced']],
  ['a_b.c:d+e-f@g=1.2:3+4-5@6', ['punctuated']],
  ['部门=数据湖', ['cjk']],
  ['部门=数据湖,环境=生产', ['cjk']],
];

test.each(FILTERS)('tags %j reaches the stand-in intact and selects %j', async (tags, ids) => {
  await withMock({ connections: CONNECTIONS }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const page = await client.listEnhancedConnections({ tags });
    expect(page.connections.map((c) => c.id)).toEqual(ids);
    expect(new URL(mock.url + mock.requests[0].url).searchParams.get('tags')).toBe(tags);
    const walked = await client.paginateEnhancedConnections({ tags }).toArray({ limit: 100 });
    expect(walked.map((c) => c.id)).toEqual(ids);
  });
});

test.each(['env', 'a=b,,c=d', 'a=b,', 'a=b;c=d', 'a/b=c', 'k="v"', 'emoji=😀', 'env=prod，team=data', 'a\u200b=b'])(
  'tags %j, which Huawei\'s tag rules forbid, is refused before the network',
  async (tags) => {
    await withMock({ connections: CONNECTIONS }, async (mock) => {
      const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
      const error = await rejectionOf(
        client.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
          params: { path: { project_id: PROJECT_ID }, query: { tags } },
        }),
      );
      expect(error).toBeInstanceOf(DliValidationError);
      expect((error as DliValidationError).field).toBe('params.query.tags');
      // The rule in words, never the raw pattern.
      expect((error as DliValidationError).rule).toBe(
        `must match k=v[,k=v...] of letters, digits, spaces and _.:=+-@ (no "=" in a key), got ${JSON.stringify(tags)}`,
      );
      expect(mock.requestCount).toBe(0);
    });
  },
);

test.each(['DELETED', 'deleted', 'Deleted', 'dElEtEd'])('status %j selects the deleted connections', async (status) => {
  await withMock({ connections: CONNECTIONS }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const page = await client.listEnhancedConnections({ status: status as 'DELETED' });
    expect(page.connections.map((c) => c.id)).toEqual(['gone']);
  });
});

// `toUpperCase` maps a dotless `ı` to `I` and `ß` to `SS`; the spec's pattern folds ASCII only.
test.each(['actıve', 'ACTİVE', 'deleted\u0130'])('status %j is not a case of ACTIVE or DELETED: refused before sending', async (status) => {
  await withMock({ connections: CONNECTIONS }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(client.listEnhancedConnections({ status: status as 'ACTIVE' }));
    expect(error).toBeInstanceOf(DliValidationError);
    expect((error as DliValidationError).field).toBe('query.status');
    expect(mock.requestCount).toBe(0);
  });
});
