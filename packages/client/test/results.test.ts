// The fields the spec marks required (id, name, status) are typed as present and checked on every
// connection the client returns: a missing one is a DliResponseError naming the item and the field.
import path from 'node:path';
import { createDliClient, createDliFetchClient, DliResponseError, type EnhancedConnection } from '@dli-sdk/client';
import { REQUIRED_CONNECTION_FIELDS } from '../src/generated/spec-facts';
import { PROJECT_ID, akSk, rejectionOf, withMock } from './helpers';
import { strictProblems } from './strict-compile';

const ok = (id: string): EnhancedConnection => ({ id, name: `n-${id}`, status: 'ACTIVE' });

test('the required fields come from the spec', () => {
  expect(REQUIRED_CONNECTION_FIELDS).toEqual({ id: 'string', name: 'string', status: 'string' });
});

test('the README program (list, get, print the name; status "Active") compiles under strict without ! or ?.', () => {
  const file = path.resolve(__dirname, 'fixtures/readme-program.ts');
  expect(strictProblems([file])).toEqual([]);
});

test.each([
  ['name', { id: 'c2', status: 'ACTIVE' }, 'connection 2 of the page (id "c2") has no "name", which every connection carries'],
  ['id', { name: 'x', status: 'ACTIVE' }, 'connection 2 of the page has no "id", which every connection carries'],
  ['status', { id: 'c2', name: 'x', status: 7 }, 'connection 2 of the page (id "c2") has a "status" that is not a non-empty string, which every connection carries'],
])('a listed connection without a valid %s is a DliResponseError naming the item and the field', async (_field, broken, message) => {
  await withMock({ connections: [ok('c1'), broken as unknown as EnhancedConnection] }, async (mock) => {
    const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk };
    const client = createDliClient(options);
    const error = await rejectionOf(client.listEnhancedConnections());
    expect(error).toBeInstanceOf(DliResponseError);
    expect((error as Error).message).toContain(`${message} (HTTP 200)`);
    expect((error as DliResponseError).$metadata).toMatchObject({ attempts: 1, httpStatus: 200 });
    // The pager and the path-style surface check through the same function.
    expect(await rejectionOf(client.paginateEnhancedConnections().toArray({ limit: 10 }))).toBeInstanceOf(DliResponseError);
    const fetchClient = createDliFetchClient(options);
    const viaGet = fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', { params: { path: { project_id: PROJECT_ID } } });
    expect(((await rejectionOf(viaGet)) as Error).message).toContain(message);
  });
});

test('a shown connection without its name is a DliResponseError naming the field', async () => {
  await withMock({ connections: [{ id: 'c1', status: 'ACTIVE' } as EnhancedConnection] }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(client.getEnhancedConnection('c1'));
    expect(error).toBeInstanceOf(DliResponseError);
    expect((error as Error).message).toContain('the connection shown (id "c1") has no "name", which every connection carries (HTTP 200)');
  });
});
