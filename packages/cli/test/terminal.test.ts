// What reaches a person's terminal or spreadsheet: server strings are sanitised, CSV cells cannot
// become formulas, and a table fits an 80-column terminal (run through `script`, a real pty).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnhancedConnection } from '@dli-sdk/client';
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import { BIN, cli, shell } from './run-cli';

const TOKEN = 'terminal-test-token';
const PROJECT = '0123456789abcdef0123456789abcdef';
const env = { DLI_IAM_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

const HOSTILE = [
  'clip\x1b]52;c;ZWNobyBwd25lZA==\x07board', // OSC 52: writes the clipboard
  '\x1b]0;pwned title\x07title', // OSC 0: sets the window title
  '\x1b[2K\x1b[1Aerase', // erases and moves up a line
  'c1\u009b31mred', // a C1 control sequence introducer
  'bidi\u202eevil', // right-to-left override
  'tab\there\nnew\rline',
  'evil\x1b]0;PWNED\x07\x1b[2J\x1b[31mred\u202e', // what an outside tester saw raw in CSV
  'nul\u0000byte',
];
// Blanks before the sign count: some spreadsheets trim them and run the rest.
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', ' =1+1', '\u00a0+2', '\u3000@SUM(A2)'];
const WIDE = '数据湖连接数据湖連接データ接続データ接続'; // 20 wide characters: 40 cells

function connection(i: number, name: string): EnhancedConnection {
  const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return { id, name, status: 'ACTIVE', create_time: 1_566_888_011_125 + i, available_queue_info: [{ name: `queue-${name}`, status: 'ACTIVE' }] };
}

// Any C0 or C1 control except the line feed and the tab that TSV puts between cells.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let mock: MockDli;
let hostileErrors: Server;
let hostileUrl: string;

beforeAll(async () => {
  const names = [...HOSTILE, ...FORMULAS, WIDE, ...Array.from({ length: 30 }, (_, i) => `plain-name-${i}-${'x'.repeat(i)}`)];
  mock = await startMockDli({ connections: names.map((name, i) => connection(i, name)), auth: { tokens: [TOKEN] } });
  // A server whose error code and message try to drive the terminal.
  hostileErrors = createServer((_request, response) => {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error_code: 'DLI.\x1b[31m0001', error_msg: 'bad \x1b]52;c;ZXZpbA==\x07 input\x1b[2K\u009b1A' }));
  });
  await new Promise<void>((resolve) => hostileErrors.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostileErrors.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => hostileErrors.close(resolve));
});

test.each(['table', 'tsv', 'csv'])('-o %s shows hostile names and queues with visible escapes, never raw controls', async (format) => {
  const run = await cli(['list', '--endpoint', mock.url, '-o', format], env);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(CONTROL);
  expect(run.stderr).not.toMatch(CONTROL);
  expect(run.stdout).toContain('clip\\x1b]52;c;ZWNobyBwd25lZA==\\x07board');
  expect(run.stdout).toContain('c1\\x9b31mred');
  expect(run.stdout).toContain('bidi\\u202eevil');
  expect(run.stdout).toContain('tab\\x09here\\x0anew\\x0dline');
  expect(run.stdout).toContain('evil\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mred\\u202e');
  expect(run.stdout).toContain('nul\\x00byte');
});

test.each(['ndjson', 'json'])('-o %s keeps the exact server data, every control a JSON escape (C1 and bidi too)', async (format) => {
  const run = await cli(['list', '--endpoint', mock.url, '-o', format, '--max-items', String(HOSTILE.length)], env);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(CONTROL);
  const rows = format === 'json' ? (JSON.parse(run.stdout) as Array<{ name: string }>) : run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { name: string });
  expect(rows.map((row) => row.name)).toEqual(HOSTILE);
});

test('error codes and messages from the server are sanitised on stderr', async () => {
  const run = await cli(['list', '--endpoint', hostileUrl], env);
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(CONTROL);
  // The code is escaped by the CLI; the message already by the client (DliApiError escapes a server's controls).
  expect(run.stderr).toContain('DLI.\\x1b[31m0001 bad \\u001b]52;c;ZXZpbA==\\u0007 input\\u001b[2K\\u009b1A');
});

test('CSV cells that a spreadsheet would run as formulas start with a quote', async () => {
  const run = await cli(['list', '--endpoint', mock.url, '-o', 'csv', '--columns', 'name'], env);
  expect(run.code).toBe(0);
  for (const formula of ['=HYPERLINK(""http://x"",""y"")', '+1+1', '-2+3', '@SUM(A1)']) {
    expect(run.stdout).toMatch(new RegExp(`^"?'${formula.replace(/[()+]/g, '\\$&')}"?$`, 'm'));
  }
  for (const formula of [' =1+1', '\u00a0+2', '\u3000@SUM(A2)']) expect(run.stdout).toMatch(new RegExp(`^'${formula.replace(/[()+]/g, '\\$&')}$`, 'm'));
  // Tab and CR are shown as escapes, as everywhere a person reads: the cell starts with a backslash.
  expect(run.stdout).toMatch(/^\\x09=1$/m);
  expect(run.stdout).toMatch(/^\\x0d=1$/m);
  for (const line of run.stdout.split('\n')) expect(line).not.toMatch(/^"?\s*[=+\-@]/);
});

/** Display width, counting East Asian wide characters as two cells (what the test data uses). */
function cells(line: string): number {
  let width = 0;
  for (const character of line) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(character) ? 2 : 1;
  return width;
}

test.each([
  ['a terminal of 80 columns', 'stty cols 80 rows 50;'],
  // Some pseudo-terminals report a width of 0; COLUMNS is then the user's say.
  ['COLUMNS=80 on a terminal that reports 0 columns', 'stty cols 0 rows 50; COLUMNS=80'],
  ['a terminal that reports 0 columns, without COLUMNS', 'stty cols 0 rows 50; COLUMNS='],
])('on %s the table fits: no line over 80 cells, no box drawing, one line per connection', async (_terminal, setup) => {
  // `script` gives the CLI a pseudo-terminal, as a person's terminal would.
  const command = `${setup} "${process.execPath}" "${BIN}" list --endpoint "${mock.url}" 2>/dev/null`;
  const run = await shell(`script -qec '${command}' /dev/null`, env);
  expect(run.code).toBe(0);
  const lines = run.stdout.replace(/\r\n/g, '\n').trimEnd().split('\n');
  expect(lines[0]).toMatch(/^ID {2,}NAME {2,}STATUS {2,}CREATE_TIME/);
  expect(lines).toHaveLength(1 + HOSTILE.length + FORMULAS.length + 1 + 30);
  for (const line of lines) expect(cells(line)).toBeLessThanOrEqual(80);
  expect(run.stdout).not.toMatch(/[│─┌┐└┘├┤]/);
  const wide = lines.find((line) => line.includes('数据湖'))!;
  expect(wide).toContain('…'); // cut to fit, at a character boundary
  expect(lines.find((line) => line.includes('00000000-0000-4000-8000-000000000000'))).toBeDefined(); // ids are never cut
});
