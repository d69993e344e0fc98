// The CI workflows: actionlint finds nothing in them (and does find a broken one), and every
// `npm run` they call is a script of the root package that the maintainer guide names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGoToolBeforeAll } from './go-tool';

const root = path.resolve(__dirname, '../..');
buildGoToolBeforeAll('actionlint');
const workflows = path.join(root, '.github/workflows');
const lint = (...files: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/lint-workflows.mjs'), ...files], { cwd: root, encoding: 'utf8' });

test('actionlint passes on every workflow', () => {
  const result = lint();
  expect(result.stderr + result.stdout).toContain('no problem');
  expect(result.status).toBe(0);
});

test('actionlint fails on a deliberately broken workflow, naming the problem', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dli-workflows-'));
  try {
    const broken = readFileSync(path.join(workflows, 'release.yml'), 'utf8').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    needs: no-such-job');
    const file = path.join(dir, 'release.yml');
    writeFileSync(file, broken);
    const result = lint(file);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('no-such-job');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the workflows run the scripts the maintainer guide names', () => {
  const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
  const guide = readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
  const text = readdirSync(workflows).map((file) => readFileSync(path.join(workflows, file), 'utf8')).join('\n');
  const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
  expect(used).toEqual(expect.arrayContaining(['release', 'version-packages', 'check:spec-changeset']));
  for (const name of used) {
    expect({ name, defined: name in scripts, inGuide: guide.includes(`npm run ${name}`) }).toEqual({ name, defined: true, inGuide: true });
  }
  expect(text).toContain('run: .ci/run');
  expect(guide).toContain('.ci/run');
});
