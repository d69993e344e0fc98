// The CLI's fetch over node:http: what the client's transport asks of a fetch, against small servers
// on 127.0.0.1 — the answer as sent (redirects not followed), aborts, and a status a Response cannot
// hold refused as a failed fetch rather than thrown where nothing catches it.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeFetch } from '../src/node-fetch';

async function withServer(handler: RequestListener, use: (url: string) => Promise<void>): Promise<void> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v2.0/p`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('an answer arrives as sent: status, headers, body; the request carries method and headers', async () => {
  let seen: { method?: string; header?: string } = {};
  await withServer(
    (request, response) => {
      seen = { method: request.method, header: request.headers['x-trace'] as string };
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r1' }).end('{"a":1}');
    },
    async (url) => {
      const response = await nodeFetch(url, { method: 'GET', headers: { 'X-Trace': 't1' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('r1');
      expect(await response.json()).toEqual({ a: 1 });
    },
  );
  expect(seen).toEqual({ method: 'GET', header: 't1' });
});

test('a redirect is handed back, not followed', async () => {
  let requests = 0;
  await withServer(
    (_request, response) => {
      requests++;
      response.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    },
    async (url) => {
      const response = await nodeFetch(url);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('http://127.0.0.1:9/elsewhere');
    },
  );
  expect(requests).toBe(1);
});

test('a status a Response cannot hold (999) is a failed fetch, not an exception thrown in a callback', async () => {
  await withServer(
    (request, response) => {
      // Written by hand: node:http refuses to send such a status itself.
      request.socket.end('HTTP/1.1 999 Odd\r\ncontent-length: 2\r\n\r\n{}');
      response.destroy();
    },
    async (url) => {
      const error = await nodeFetch(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe('fetch failed');
      expect(((error as Error).cause as Error).name).toBe('RangeError');
    },
  );
});

test('an abort rejects with the signal\'s reason, before or during the request', async () => {
  const before = new AbortController();
  before.abort(new Error('before'));
  await expect(nodeFetch('http://127.0.0.1:9/', { signal: before.signal })).rejects.toThrow('before');
  await withServer(
    () => undefined, // never answers
    async (url) => {
      const during = new AbortController();
      const pending = nodeFetch(url, { signal: during.signal });
      during.abort(new Error('during'));
      await expect(pending).rejects.toThrow('during');
    },
  );
});

test('a refused connection is a failed fetch with its cause; a scheme other than http(s) is refused', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const error = await nodeFetch(`http://127.0.0.1:${port}/`).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TypeError);
  expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  await expect(nodeFetch('ftp://127.0.0.1/')).rejects.toThrow('unsupported scheme ftp:');
});

test('a 101 that switches protocols is a failed fetch, not a promise that never settles', async () => {
  await withServer(
    (request) => request.socket.end('HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n'),
    async (url) => {
      const error = await nodeFetch(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect(((error as Error).cause as Error).message).toBe('the server switched protocols (HTTP 101)');
    },
  );
});
