// The debug log switch from outside: a subprocess that imports the built package (dist/), with
// DLI_SDK_LOG set. Mutation runs leave this suite out: no mutant of src/ reaches a built file.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startMockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_AK, TEST_SK, akSk, expectNoTestSecretsIn } from '../helpers';

const expectCleanLog = (log: string) => {
  expectNoTestSecretsIn(log);
  for (const secret of [TEST_AK, 'session-secret-token']) expect(log).not.toContain(secret);
  expect(log).not.toMatch(/Signature|Authorization|X-Auth-Token/i);
};

test('DLI_SDK_LOG=debug logs to standard error, and nothing secret, from the built package', async () => {
  const mock = await startMockDli({ connections: 2, auth: { credentials: [akSk] } });
  try {
    const script = `import { createDliClient } from '@dli-sdk/client';
const client = createDliClient({ endpoint: process.env.DLI_ENDPOINT, projectId: '${PROJECT_ID}', credentials: { ak: '${TEST_AK}', sk: '${TEST_SK}' } });
const page = await client.listEnhancedConnections();
console.log(page.connections.length);`;
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        cwd: path.resolve(__dirname, '../..'),
        env: { PATH: process.env.PATH, DLI_ENDPOINT: mock.url, DLI_SDK_LOG: 'DEBUG' }, // any case
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', () => resolve({ stdout, stderr }));
    });
    expect(run.stdout).toBe('2\n');
    expect(run.stderr).toMatch(/^dli-sdk GET \/v2\.0\/\S+\/datasource\/enhanced-connections 200 \d+ ms attempt=1\n$/);
    expectCleanLog(run.stderr);
  } finally {
    await mock.close();
  }
});
