// What npm would publish, checked as a consumer would meet it: publint (strict), attw for every
// resolution mode, the exact file list of each tarball, and the manifest fields we promise.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const PACKAGES = ['types', 'client', 'mock-server', 'cli'];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

describe.each(PACKAGES)('@dli-sdk/%s as published', (name) => {
  const dir = path.join(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));

  test('publint --strict finds nothing', () => {
    const lint = run(path.join(root, 'node_modules/.bin/publint'), ['--strict'], dir);
    expect(lint.output).toContain('All good!');
    expect(lint.status).toBe(0);
  });

  test('attw --pack: types resolve for node10, node16 (CJS and ESM) and bundler', () => {
    const attw = run(path.join(root, 'node_modules/.bin/attw'), ['--pack', '.', '--format', 'json'], dir);
    const report = JSON.parse(attw.stdout);
    expect(report.analysis.problems).toEqual([]);
    for (const [, entry] of Object.entries(report.analysis.entrypoints) as Array<[string, { resolutions: Record<string, { resolution?: { fileName: string } }> }]>) {
      for (const mode of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
        expect({ mode, resolved: Boolean(entry.resolutions[mode]?.resolution) }).toEqual({ mode, resolved: true });
      }
    }
  });

  test('the tarball holds only dist, the bin shim, README, LICENSE, CHANGELOG and package.json', () => {
    const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], dir);
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    const allowed = /^(dist\/[^/]+\.(js|cjs|d\.ts|d\.cts)|bin\/[^/]+\.js|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    for (const required of ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(files).toContain(required);
    }
  });

  test('the manifest: no side effects, no install scripts, engines, repository, public with provenance', () => {
    expect(manifest.sideEffects).toBe(false);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[hook]).toBeUndefined();
    expect(manifest.engines).toEqual({ node: '>=20' });
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.repository).toMatchObject({ type: 'git', directory: `packages/${name}` });
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
  });
});

test('internal dependencies pin the versions the workspace holds', () => {
  const versions = Object.fromEntries(
    PACKAGES.map((name) => {
      const manifest = JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
      return [manifest.name, manifest.version];
    }),
  );
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
    for (const [dependency, range] of Object.entries<string>(manifest.dependencies ?? {})) {
      if (dependency in versions) expect({ dependency, range }).toEqual({ dependency, range: versions[dependency] });
    }
  }
  expect(versions['@dli-sdk/types']).toBe(versions['@dli-sdk/client']);
});
