// The progress line on stderr never tears a line of output: it shows only when stderr is a terminal
// and stdout is not that terminal mid-line (a file or pipe, or a table written after it), and Ctrl-C
// clears it. `script` gives the CLI a real pseudo-terminal, as a person's terminal would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import { BIN, shell } from './run-cli';

const PROGRESS = '\r4 page(s), 40 connection(s)…';
const CLEAR = '\r\x1b[K';

let mock: MockDli;
let slow: MockDli;
let failing: Server; // answers the first page, then a 400
let failingUrl: string;
beforeAll(async () => {
  [mock, slow] = await Promise.all([startMockDli({ connections: 40 }), startMockDli({ connections: 1000, latencyMs: 200 })]);
  failing = createServer((request, response) => {
    const first = new URL(request.url!, 'http://x').searchParams.get('offset') === '0';
    response.writeHead(first ? 200 : 400, { 'content-type': 'application/json' });
    const connection = { id: '00000000-0000-4000-8000-000000000001', name: 'one', status: 'ACTIVE', create_time: 1 };
    response.end(JSON.stringify(first ? { is_success: true, message: '', count: 2, connections: [connection] } : { error_code: 'DLI.0001', error_msg: 'second page refused' }));
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
});
afterAll(() => Promise.all([mock.close(), slow.close(), new Promise((resolve) => failing.close(resolve))]));

/** What a terminal shows of `args` run in it; `redirect` is a shell redirection of stdout. */
const inTerminal = (args: string, redirect = '') =>
  shell(`sleep 1 | script -qec 'stty cols 80 rows 50; "${process.execPath}" "${BIN}" ${args} ${redirect}' /dev/null`, {
    DLI_IAM_TOKEN: 'unused-by-an-open-stand-in',
    HUAWEICLOUD_SDK_PROJECT_ID: 'progress-test',
  });

test.each(['json', 'ndjson', 'csv', 'tsv'])('-o %s streamed to the terminal shows no progress line', async (format) => {
  const run = await inTerminal(`list --endpoint ${mock.url} --page-size 10 -o ${format}`);
  expect(run.stdout).not.toContain('page(s)');
  expect(run.stdout).toContain(mock.connections[39].id); // the output itself arrived
});

test('-o ndjson into a file shows the progress on the terminal, then clears it', async () => {
  const run = await inTerminal(`list --endpoint ${mock.url} --page-size 10 -o ndjson`, '>/dev/null');
  expect(run.stdout).toContain(PROGRESS);
  expect(run.stdout.endsWith(CLEAR)).toBe(true);
});

test('a table on the terminal shows the progress while it collects, and clears it before the first row', async () => {
  const run = await inTerminal(`list --endpoint ${mock.url} --page-size 10`);
  expect(run.stdout).toContain(PROGRESS);
  expect(run.stdout.indexOf(CLEAR)).toBeGreaterThan(run.stdout.indexOf(PROGRESS));
  expect(run.stdout.indexOf(CLEAR)).toBeLessThan(run.stdout.indexOf('ID '));
});

test('an error in the middle of a walk is printed on a clean line, after the progress is cleared', async () => {
  const run = await inTerminal(`list --endpoint ${failingUrl} --page-size 1 -o ndjson`, '>/dev/null');
  expect(run.stdout).toContain(`\r1 page(s), 1 connection(s)…${CLEAR}error: DLI.0001 second page refused`);
});

test('Ctrl-C during a walk clears the progress line and exits 130', async () => {
  // The terminal sends ^C (byte 3) once the stand-in has answered a few slow pages, far from the
  // end: a file the test creates then tells the shell, so a slow start cannot outrun the ^C.
  const flag = path.join(mkdtempSync(path.join(os.tmpdir(), 'dli-progress-')), 'pages-answered');
  const running = shell(
    `{ until [ -e '${flag}' ]; do sleep 0.1; done; printf '\\003'; sleep 1; } | script -qec '"${process.execPath}" "${BIN}" list --endpoint ${slow.url} --page-size 1 -o ndjson >/dev/null' /dev/null; echo "exit $?"`,
    { DLI_IAM_TOKEN: 'unused', HUAWEICLOUD_SDK_PROJECT_ID: 'progress-test' },
  );
  while (slow.requestCount < 8) await new Promise((resolve) => setTimeout(resolve, 50));
  writeFileSync(flag, '');
  const run = await running;
  expect(run.stdout).toMatch(/page\(s\)/);
  expect(run.stdout.endsWith('\r\u001b[Kexit 130\n') || run.stdout.endsWith('\r\u001b[K\r\nexit 130\n')).toBe(true);
});
