// What npm would publish, checked as a consumer would meet it: publint (strict), attw for every
// resolution mode, the exact file list of each tarball, and the manifest fields we promise.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

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
    // The spec files are data entry points: nothing for TypeScript to resolve there.
    const data = name === 'types' ? ['--exclude-entrypoints', './openapi.yaml', './openapi.json'] : [];
    const attw = run(path.join(root, 'node_modules/.bin/attw'), ['--pack', '.', '--format', 'json', ...data], dir);
    const report = JSON.parse(attw.stdout);
    expect(report.analysis.problems).toEqual([]);
    for (const entry of Object.values<{ resolutions: Record<string, { resolution?: { fileName: string } } | undefined> }>(report.analysis.entrypoints)) {
      for (const mode of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
        expect({ mode, resolved: Boolean(entry.resolutions[mode]?.resolution) }).toEqual({ mode, resolved: true });
      }
    }
  });

  test('the tarball holds only dist (and the spec, for types), the bin shim, README, LICENSE, CHANGELOG and package.json', () => {
    const pack = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], dir);
    const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
    const allowed = /^(dist\/[^/]+\.(js|cjs|d\.ts|d\.cts)|bin\/[^/]+\.js|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    const contract = name === 'types' ? ['dist/openapi.json', 'dist/openapi.yaml'] : [];
    expect(manifest.files).toEqual(manifest.bin ? ['bin', 'dist', 'CHANGELOG.md'] : ['dist', 'CHANGELOG.md']);
    expect(files.filter((file) => !allowed.test(file)).sort()).toEqual(contract);
    for (const required of ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(files).toContain(required);
    }
  });

  // Provenance is not in publishConfig (which would override every npm setting): npm run release
  // turns it on, and refuses to publish without it unless asked (scripts/release.mjs).
  test('the manifest: no side effects, no install scripts, engines, repository, public', () => {
    expect(manifest.sideEffects).toBe(false);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[hook]).toBeUndefined();
    expect(manifest.engines).toEqual({ node: '>=20' });
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.repository).toMatchObject({ type: 'git', directory: `packages/${name}` });
    expect(manifest.publishConfig).toEqual({ access: 'public' });
  });
});

test('@dli-sdk/types ships the spec: openapi.yaml byte for byte, openapi.json the same document', () => {
  const dist = path.join(root, 'packages/types/dist');
  const spec = readFileSync(path.join(root, 'spec/dli-enhanced-connections.yaml'));
  expect(readFileSync(path.join(dist, 'openapi.yaml')).equals(spec)).toBe(true);
  expect(JSON.parse(readFileSync(path.join(dist, 'openapi.json'), 'utf8'))).toEqual(parse(spec.toString('utf8')));
  const { exports } = JSON.parse(readFileSync(path.join(root, 'packages/types/package.json'), 'utf8'));
  expect(exports['./openapi.yaml']).toBe('./dist/openapi.yaml');
  expect(exports['./openapi.json']).toBe('./dist/openapi.json');
});

test('npm run release without a CI identity provider stops before building and says releases run from CI', () => {
  const identity = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SIGSTORE_ID_TOKEN'];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !identity.includes(name)));
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/release.mjs')], { cwd: root, encoding: 'utf8', env });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('releases run from CI');
  expect(result.stderr).toContain('npm run release -- --no-provenance');
  expect(result.stdout).toBe('');
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
