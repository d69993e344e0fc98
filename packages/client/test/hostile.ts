// A hostile (or merely odd) server for tests: a real node:http server on a loopback address that
// answers with whatever a test's handler writes, and records what it received.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hostile {
  url: string;
  received: Array<{ url: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

export async function serve(handler: (req: IncomingMessage, res: ServerResponse) => unknown, host = '127.0.0.1'): Promise<Hostile> {
  const received: Hostile['received'] = [];
  const server = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `fn` against a server answering with `handler`, and always closes it. */
export async function withServer<T>(handler: (req: IncomingMessage, res: ServerResponse) => unknown, fn: (server: Hostile) => Promise<T>): Promise<T> {
  const server = await serve(handler);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

export const LIST_PATH = '/v2.0/{project_id}/datasource/enhanced-connections';

/** A list page as DLI sends it. */
export const pageOf = (connections: object[]) => JSON.stringify({ is_success: true, message: '', count: connections.length, connections });
