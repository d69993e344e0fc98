// "Gone" in all the forms its sources make likely: a 404 from the gateway, a 400 with DLI.0002
// or with DLI.0001 "… is not exist", and a connection returned with status DELETED.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDliClient, DliApiError, isDeleted } from '@dli-sdk/client';
import { PROJECT_ID, akSk, rejectionOf, withMock } from '../helpers';

/** A real HTTP server on 127.0.0.1 that answers every request with `status` and `body`. */
async function answering(status: number, body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-1' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const ANSWERS: Array<[number, Record<string, string>, boolean]> = [
  [404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published.', request_id: 'r' }, true],
  [404, { error_code: 'DLI.0023', error_msg: 'No related resource.' }, true],
  [400, { error_code: 'DLI.0002', error_msg: 'The object does not exist.' }, true],
  [400, { error_code: 'DLI.0001', error_msg: 'Connection 0b1c2d3e is not exist.' }, true],
  [400, { error_code: 'DLI.0001', error_msg: '连接不存在' }, true],
  [400, { error_code: 'DLI.0001', error_msg: 'Parameter limit is invalid.' }, false],
  [400, { error_code: 'DLI.0999', error_msg: 'Server-side error.' }, false],
  [500, { error_code: 'DLI.0002', error_msg: 'The object does not exist.' }, false],
  [403, { error_code: 'APIGW.0302', error_msg: 'Not authorised.', request_id: 'r' }, false],
];

test.each(ANSWERS)('HTTP %i %j: isNotFound is %s', async (status, body, notFound) => {
  const { url, server } = await answering(status, body);
  try {
    const client = createDliClient({ endpoint: url, projectId: PROJECT_ID, credentials: akSk, retry: false });
    const error = await rejectionOf(client.getEnhancedConnection('0b1c2d3e'));
    expect(error).toBeInstanceOf(DliApiError);
    expect(error).toMatchObject({ status, code: body.error_code, isNotFound: notFound });
  } finally {
    server.close();
  }
});

test('a connection returned with status DELETED is found, and isDeleted says it is gone', async () => {
  const connections = [
    { id: 'live', name: 'live', status: 'ACTIVE' as const },
    { id: 'gone', name: 'gone', status: 'DELETED' as const },
  ];
  await withMock({ connections }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const gone = await client.getEnhancedConnection('gone');
    expect(gone).toMatchObject({ id: 'gone', status: 'DELETED' });
    expect(isDeleted(gone)).toBe(true);
    expect(isDeleted(await client.getEnhancedConnection('live'))).toBe(false);
    const listed = await client.listEnhancedConnections();
    expect(listed.connections.filter(isDeleted).map((c) => c.id)).toEqual(['gone']);
  });
});

test('isDeleted is false for a connection without a status', () => {
  expect(isDeleted({})).toBe(false);
});
