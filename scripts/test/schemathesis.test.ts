// Schemathesis, a tool nobody here wrote, checks the stand-in against spec/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

test('Schemathesis finds no server error and no answer that breaks the spec', () => {
  const run = spawnSync('bash', [path.resolve(__dirname, '../schemathesis.sh')], { encoding: 'utf8', timeout: 300_000 });
  const output = run.stdout + run.stderr;
  expect({ status: run.status, tail: output.slice(-3000) }).toMatchObject({ status: 0 });
  expect(output).toMatch(/No issues found/);
  const cases = /(\d+) generated, (\d+) passed/.exec(output);
  expect(cases).not.toBeNull();
  expect(Number(cases![1])).toBeGreaterThan(100);
  process.stdout.write(`schemathesis: ${cases![0]}\n`);
}, 320_000);
