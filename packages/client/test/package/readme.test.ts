// Every JavaScript example of the READMEs (the repository's and the packages') and of docs/
// type-checks under `strict` (as JavaScript with checkJs) and runs as written, against the stand-in
// with AK/SK auth, importing the built package the way a user would. Every TypeScript example
// type-checks under `strict`.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_AK, TEST_SK } from '../helpers';
import { strictProblems } from '../strict-compile';

const blocks = (file: string, language: 'js' | 'ts') =>
  [...readFileSync(path.resolve(__dirname, file), 'utf8').matchAll(new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]);
const jsBlocks = (file: string) => blocks(file, 'js');
const examples = jsBlocks('../../../../README.md');
const DOCS = path.resolve(__dirname, '../../../../docs');
const docs = readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort();
/** Each package README's and doc page's examples, with the last line each one prints. */
const PACKAGE_EXAMPLES: Array<[string, RegExp]> = [
  ...jsBlocks('../../README.md').map((code): [string, RegExp] => [code, /^.+ is ACTIVE\n$/]),
  ...jsBlocks('../../../mock-server/README.md').map((code): [string, RegExp] => [code, /^http:\/\/127\.0\.0\.1:\d+\n$/]),
  ...jsBlocks('../../../../docs/signing.md').map((code): [string, RegExp] => [code, /^20260101T000000Z content-type;host;x-sdk-date\n$/]),
];
// TypeScript examples (the README's waiter, the package READMEs') only type-check: they need a
// region or a connection that changes state.
const TS_EXAMPLES = ['../../../../README.md', '../../README.md', ...docs.map((name) => path.join(DOCS, name))].flatMap((file) => blocks(file, 'ts'));
const scratch = path.resolve(__dirname, '../../.readme-examples');

const EXPECTED: RegExp[] = [
  /^\d+ connections on the first page\n$/,
  /^walked \d+ active connections\n$/,
  /^DLI\.0002 \(HTTP 400, request id [0-9a-f]{32}\), not found: true\n$/,
  /^has a request id 1\n$/,
];

beforeAll(() => mkdirSync(scratch, { recursive: true }));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the READMEs and docs/ have the examples this test knows', () => {
  expect(examples).toHaveLength(EXPECTED.length);
  expect(PACKAGE_EXAMPLES).toHaveLength(3);
  // A new JavaScript example in docs/ needs its expected output here.
  const docExamples = docs.flatMap((name) => jsBlocks(path.join(DOCS, name)));
  expect(docExamples).toHaveLength(1);
  expect(TS_EXAMPLES.length).toBeGreaterThan(0);
});

test('the TypeScript examples compile under strict, against the published types', () => {
  const dir = path.join(scratch, 'typed-ts');
  mkdirSync(dir, { recursive: true });
  const files = TS_EXAMPLES.map((code, i) => {
    const file = path.join(dir, `example-${i + 1}.mts`);
    writeFileSync(file, code);
    return file;
  });
  expect(strictProblems(files)).toEqual([]);
});

test('the README examples compile under strict, against the published types', () => {
  const dir = path.join(scratch, 'typed');
  mkdirSync(dir, { recursive: true });
  const files = [...examples, ...PACKAGE_EXAMPLES.map(([code]) => code)].map((code, i) => {
    const file = path.join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    return file;
  });
  const problems = strictProblems(files, { checkJs: true });
  expect(problems).toEqual([]);
});

const ALL = [...examples.map((code, i) => [i + 1, code, EXPECTED[i]] as const), ...PACKAGE_EXAMPLES.map(([code, expected], i) => [`package ${i + 1}`, code, expected] as const)];
test.each(ALL)('README example %s runs as written', async (n, code, expected) => {
  const mock = await startMockDli({ connections: 120, seed: 4, auth: { credentials: [{ ak: TEST_AK, sk: TEST_SK }] } });
  try {
    const file = path.join(scratch, `example-${n}.mjs`);
    writeFileSync(file, code);
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      // Asynchronous: the stand-in runs in this process and must keep answering.
      const child = spawn(process.execPath, [file], {
        env: { PATH: process.env.PATH, DLI_ENDPOINT: mock.url, HUAWEICLOUD_SDK_AK: TEST_AK, HUAWEICLOUD_SDK_SK: TEST_SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(`${lines.at(-1)}\n`).toMatch(expected);
    if (n === 2) expect(lines.slice(0, -1)).toHaveLength(3); // the first three connections
  } finally {
    await mock.close();
  }
});
