// dli-connections against a server that ignores offset: the walk ends, the command exits 1 with
// the pager's error on one line of stderr, after the connections it could print.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockDli } from '@dli-sdk/mock-server';
import { cli } from './run-cli';

const PROJECT = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const TOKEN = 'paging-guards-token';

/** A list endpoint answering the n-th request with `answer(n)`, whatever its offset. */
async function ignoringOffset(answer: (request: number) => unknown[]): Promise<{ url: string; server: Server; requests: () => number }> {
  let requests = 0;
  const server = createServer((_, response) => {
    const connections = answer(requests++);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ is_success: true, message: '', count: connections.length, connections }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests: () => requests };
}

const list = (url: string, format: string) => cli(['list', '--endpoint', url, '--project-id', PROJECT, '--page-size', '5', '-o', format], { DLI_IAM_TOKEN: TOKEN });

test.each(['ndjson', 'tsv', 'table'])('the stand-in ignoring offset: -o %s exits 1 with the error on one line', async (format) => {
  const mock = await startMockDli({ connections: 12, seed: 4, faults: { ignoreOffset: true } });
  try {
    const run = await list(mock.url, format);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: the page at offset 15 ends 3 pages in a row of only items already seen: the server is not applying offset\n');
    if (format === 'ndjson') expect(run.stdout.trim().split('\n')).toHaveLength(5); // the first page, once
    expect(mock.requestCount).toBe(4);
  } finally {
    await mock.close();
  }
});

const rotate = <T>(list: T[], by: number) => list.map((_, i) => list[(i + by) % list.length]);
const VARIANTS: Array<[string, (n: number) => unknown[], RegExp]> = [
  ['connections shuffled per answer', (n) => rotate(['a', 'b', 'c'].map((id) => ({ id, name: id, status: 'ACTIVE' })), n), /^error: the page at offset \d+ ends 3 pages in a row of only items already seen/],
  ['two pages in turn', (n) => [{ id: n % 2 ? 'x' : 'y', name: 'n', status: 'ACTIVE' }], /^error: the page at offset \d+ ends 3 pages in a row of only items already seen/],
  // Every connection carries an id: one without is refused at the first page.
  ['connections without ids, changed per answer', (n) => [{ name: `n${n}`, status: 'ACTIVE' }], /^error: connection 1 of the page has no "id"/],
  ['connections with null ids, shuffled', (n) => rotate([{ id: null, name: 'p', status: 'ACTIVE' }, { id: null, name: 'q', status: 'ACTIVE' }], n), /^error: connection 1 of the page has no "id"/],
];

test.each(VARIANTS)('a server answering %s whatever the offset: exit 1, one error line, a few requests', async (_, answer, message) => {
  const server = await ignoringOffset(answer);
  try {
    const run = await list(server.url, 'ndjson');
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    expect(server.requests()).toBeLessThanOrEqual(5);
  } finally {
    server.server.closeAllConnections();
    await new Promise((resolve) => server.server.close(resolve));
  }
});
