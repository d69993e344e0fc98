#!/usr/bin/env node
// npm run test:release: releases this repository exactly as a release manager would, into a
// real npm registry (verdaccio on 127.0.0.1, no uplinks), then installs what was published into
// fresh consumer projects of every module system we claim and runs them against the stand-in.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdaccioBin } from './tools/verdaccio.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'dli-release-e2e-'));
const copy = path.join(work, 'repo');
const results = [];
let verdaccio;
let mock;

function sh(command, args, options = {}) {
  const { cwd = copy, env = {}, quiet = false } = options;
  const output = execFileSync(command, args, {
    cwd,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!quiet) process.stdout.write(output.split('\n').map((line) => `    ${line}`).join('\n').trimEnd() + '\n');
  return output;
}

/** Like sh, but leaves the event loop free: the stand-in answering the consumers lives here. */
function shAsync(command, args, { cwd, env = {} }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

function step(title) {
  console.log(`\n▶ ${title}`);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startVerdaccio() {
  const port = await freePort();
  const dir = path.join(work, 'verdaccio');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'config.yaml'),
    [
      `storage: ${path.join(dir, 'storage')}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'web:',
      '  enable: false',
      'middlewares:',
      '  audit:',
      '    enabled: false',
      'publish:',
      '  allow_offline: true',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  verdaccio = spawn(verdaccioBin(), ['--config', path.join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}-/ping`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('verdaccio did not start');
}

function registryEnv(registry) {
  const userconfig = path.join(work, 'publisher.npmrc');
  const host = registry.replace(/^http:/, '');
  writeFileSync(userconfig, `registry=${registry}\n${host}:_authToken=release-e2e\n`);
  return { npm_config_userconfig: userconfig, npm_config_registry: registry };
}

function publishedVersions(registry, name) {
  const out = sh('npm', ['view', name, 'dist-tags', 'versions', '--json', '--registry', registry], { quiet: true, cwd: work });
  return JSON.parse(out);
}

function writeChangeset(name, bump, summary) {
  writeFileSync(
    path.join(copy, '.changeset', `${name}.md`),
    `---\n"@dli-sdk/types": ${bump}\n"@dli-sdk/client": ${bump}\n---\n\n${summary}\n`,
  );
}

const CONSUMER_CODE = {
  walk: `
const client = createDliClient({ endpoint: process.env.DLI_ENDPOINT, projectId: 'e2e-project', retry: false });
let count = 0;
for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 40 })) {
  if (connection.id) count += 1;
}
console.log(count);
`,
};

// Reads the contract from the installed package (both exports) and validates a list page and a
// shown connection of the stand-in with ajv; OpenAPI 3.0 schemas are JSON Schema plus annotations.
const CONTRACT_CODE = `
import { createRequire } from 'node:module';
import Ajv from 'ajv';
const require = createRequire(import.meta.url);
const specPath = require.resolve('@dli-sdk/types/openapi.yaml');
const spec = require('@dli-sdk/types/openapi.json');
const ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
ajv.addSchema(spec, 'openapi.json');
const validate = (name) => ajv.getSchema('openapi.json#/components/schemas/' + name) ?? ajv.compile({ $ref: 'openapi.json#/components/schemas/' + name });
const base = process.env.DLI_ENDPOINT + '/v2.0/e2e-project/datasource/enhanced-connections';
const list = await (await fetch(base + '?limit=5')).json();
const shown = await (await fetch(base + '/' + encodeURIComponent(list.connections[0].id))).json();
const checks = [[validate('ListEnhancedConnectionsResponse'), list], [validate('ShowEnhancedConnectionResponse'), shown]];
const errors = checks.flatMap(([check, body]) => (check(body) ? [] : check.errors));
// The schemas must have teeth: a body of the wrong shape fails.
const rejectsWrongShape = !validate('ListEnhancedConnectionsResponse')({ connections: 'not an array' });
console.log(JSON.stringify({ specPath, valid: errors.length === 0 && rejectsWrongShape, checked: checks.length, rejectsWrongShape, errors }));
`;

const CONSUMERS = [
  {
    name: 'typescript-node16-esm',
    typescript: true,
    packageJson: { type: 'module' },
    tsconfig: { module: 'node16', moduleResolution: 'node16', strict: true, target: 'es2022', outDir: 'out', types: [] },
    file: 'index.ts',
    code: `import { createDliClient, type EnhancedConnection } from '@dli-sdk/client';\nconst typed: EnhancedConnection | undefined = undefined;\nvoid typed;\ndeclare const process: { env: Record<string, string | undefined> };\n${CONSUMER_CODE.walk}`,
    run: 'out/index.js',
  },
  {
    name: 'typescript-bundler',
    typescript: true,
    packageJson: { type: 'module' },
    tsconfig: { module: 'esnext', moduleResolution: 'bundler', strict: true, target: 'es2022', outDir: 'out', types: [] },
    file: 'index.ts',
    code: `import { createDliClient } from '@dli-sdk/client';\nimport type { ListEnhancedConnectionsQuery } from '@dli-sdk/types';\nconst query: ListEnhancedConnectionsQuery = { limit: 1 };\nvoid query;\ndeclare const process: { env: Record<string, string | undefined> };\n${CONSUMER_CODE.walk}`,
    run: 'out/index.js',
  },
  {
    name: 'commonjs-require',
    packageJson: { type: 'commonjs' },
    file: 'index.js',
    // Both surfaces: createDliFetchClient once failed from require() alone.
    code: `const { createDliClient, createDliFetchClient } = require('@dli-sdk/client');\n(async () => {${CONSUMER_CODE.walk}\nconst viaFetch = await createDliFetchClient({ endpoint: process.env.DLI_ENDPOINT, projectId: 'e2e-project', retry: false }).paginateEnhancedConnections({}, { pageSize: 40 }).toArray({ limit: Infinity });\nif (viaFetch.length !== count) throw new Error(\`createDliFetchClient walked \${viaFetch.length}, createDliClient \${count}\`);\n})().catch((e) => { console.error(e); process.exit(1); });\n`,
    run: 'index.js',
  },
  {
    name: 'esm-import',
    packageJson: { type: 'module' },
    file: 'index.mjs',
    code: `import { createDliClient } from '@dli-sdk/client';\n${CONSUMER_CODE.walk}`,
    run: 'index.mjs',
  },
];

async function consumer(spec, registry, version, endpoint) {
  const dir = path.join(work, 'consumers', spec.name);
  mkdirSync(dir, { recursive: true });
  const host = registry.replace(/^http:/, '');
  // Only our scope comes from the local registry; everything else from the normal one.
  writeFileSync(path.join(dir, '.npmrc'), `@dli-sdk:registry=${registry}\n${host}:_authToken=release-e2e\n`);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: spec.name, private: true, ...spec.packageJson }, null, 2));
  const deps = [`@dli-sdk/client@${version}`, `@dli-sdk/types@${version}`];
  if (spec.typescript) deps.push('typescript@5');
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...deps], { cwd: dir, quiet: true, env: { npm_config_userconfig: path.join(dir, '.npmrc') } });
  writeFileSync(path.join(dir, spec.file), spec.code);
  if (spec.typescript) {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: spec.tsconfig, files: [spec.file] }, null, 2));
    sh(path.join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir, quiet: true });
  }
  const installed = JSON.parse(readFileSync(path.join(dir, 'node_modules', '@dli-sdk', 'client', 'package.json'), 'utf8')).version;
  const count = (await shAsync(process.execPath, [spec.run], { cwd: dir, env: { DLI_ENDPOINT: endpoint } })).trim();
  return { installed, count };
}

/** A JavaScript project that installs @dli-sdk/types and ajv, and checks the stand-in's answers against the shipped spec. */
async function contractConsumer(registry, version, endpoint) {
  const dir = path.join(work, 'consumers', 'contract-ajv');
  mkdirSync(dir, { recursive: true });
  const host = registry.replace(/^http:/, '');
  writeFileSync(path.join(dir, '.npmrc'), `@dli-sdk:registry=${registry}\n${host}:_authToken=release-e2e\n`);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'contract-ajv', private: true, type: 'module' }, null, 2));
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `@dli-sdk/types@${version}`, 'ajv@8'], { cwd: dir, quiet: true, env: { npm_config_userconfig: path.join(dir, '.npmrc') } });
  writeFileSync(path.join(dir, 'index.mjs'), CONTRACT_CODE);
  return JSON.parse(await shAsync(process.execPath, ['index.mjs'], { cwd: dir, env: { DLI_ENDPOINT: endpoint } }));
}

try {
  step('copy the repository as committed, and install it');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) cpSync(path.join(repoRoot, file), path.join(copy, file), { recursive: true });
  sh('git', ['init', '-q']);
  sh('git', ['-c', 'user.email=release@example.com', '-c', 'user.name=release', 'add', '-A'], { quiet: true });
  sh('git', ['-c', 'user.email=release@example.com', '-c', 'user.name=release', 'commit', '-qm', 'release e2e base'], { quiet: true });
  sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { quiet: true });

  step('start verdaccio on 127.0.0.1 (no uplinks)');
  const registry = await startVerdaccio();
  const env = registryEnv(registry);
  console.log(`    ${registry}`);

  step('add a changeset, version-packages, release');
  writeChangeset('e2e-release', 'minor', 'An end-to-end release.');
  sh('npm', ['run', 'version-packages', '--silent'], { quiet: true });
  const version = JSON.parse(readFileSync(path.join(copy, 'packages/client/package.json'), 'utf8')).version;
  const typesVersion = JSON.parse(readFileSync(path.join(copy, 'packages/types/package.json'), 'utf8')).version;
  if (version !== typesVersion) throw new Error(`types ${typesVersion} and client ${version} must share a version`);
  const changelog = readFileSync(path.join(copy, 'packages/client/CHANGELOG.md'), 'utf8');
  if (!changelog.includes('An end-to-end release.')) throw new Error('the client CHANGELOG lacks the changeset');
  // Provenance is signed by a CI identity provider (GitHub Actions OIDC), which a local run has
  // not: `npm run release` refuses to publish without it unless asked, as here.
  sh('npm', ['run', 'release', '--silent', '--', '--no-provenance'], { env, quiet: true });
  const published = {};
  for (const name of ['@dli-sdk/types', '@dli-sdk/client', '@dli-sdk/mock-server', '@dli-sdk/cli']) {
    published[name] = publishedVersions(registry, name)['dist-tags'].latest;
    console.log(`    published ${name}@${published[name]}`);
  }
  if (published['@dli-sdk/client'] !== version) throw new Error(`expected client ${version} as latest`);
  const mockManifest = JSON.parse(readFileSync(path.join(copy, 'packages/mock-server/package.json'), 'utf8'));
  if (mockManifest.dependencies['@dli-sdk/client'] !== version) throw new Error('mock-server still depends on the old client');

  step('consumers install from the registry and walk the stand-in');
  // The stand-in as the release just built it in the copy: no earlier build of this checkout needed.
  const { startMockDli } = await import(path.join(copy, 'packages/mock-server/dist/index.js'));
  mock = await startMockDli({ connections: 250, seed: 3 });
  for (const spec of CONSUMERS) {
    const { installed, count } = await consumer(spec, registry, version, mock.url);
    const ok = installed === version && count === '250';
    results.push({ consumer: spec.name, installed, count, ok });
    console.log(`    ${ok ? 'ok  ' : 'FAIL'} ${spec.name}: @dli-sdk/client@${installed} listed ${count} connections`);
  }

  step('every tarball holds CHANGELOG.md');
  for (const name of Object.keys(published)) {
    const [packed] = JSON.parse(sh('npm', ['pack', `${name}@${published[name]}`, '--dry-run', '--json', '--registry', registry], { cwd: work, quiet: true, env }));
    const ok = packed.files.some((file) => file.path === 'CHANGELOG.md');
    results.push({ consumer: `${name} CHANGELOG.md`, ok });
    console.log(`    ${ok ? 'ok  ' : 'FAIL'} ${name}@${published[name]}: ${packed.files.length} files`);
  }

  step('the contract ships with the types: a consumer validates the stand-in with the installed spec');
  const contract = await contractConsumer(registry, version, mock.url);
  const sameSpec = readFileSync(contract.specPath).equals(readFileSync(path.join(copy, 'spec/dli-enhanced-connections.yaml')));
  results.push({ consumer: 'contract-ajv', ok: sameSpec && contract.valid });
  console.log(`    ${sameSpec ? 'ok  ' : 'FAIL'} @dli-sdk/types/openapi.yaml is spec/ byte for byte`);
  console.log(`    ${contract.valid ? 'ok  ' : 'FAIL'} ajv: ${contract.checked} stand-in answers valid against @dli-sdk/types/openapi.json, a wrong shape rejected: ${contract.rejectsWrongShape}${contract.errors.length ? `: ${JSON.stringify(contract.errors)}` : ''}`);

  step('publishing the same versions again publishes nothing and fails nothing');
  const republish = spawnSync('npx', ['changeset', 'publish'], { cwd: copy, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (republish.status !== 0) throw new Error(`republishing failed: ${republish.stderr}`);
  const again = republish.stdout + republish.stderr; // changesets reports on stderr
  const versionsAfter = publishedVersions(registry, '@dli-sdk/client').versions;
  const nothingNew = JSON.stringify(versionsAfter) === JSON.stringify([version]);
  const saidNothing = /No unpublished projects to publish|is not being published because version/.test(again);
  if (!saidNothing) console.log(again);
  results.push({ consumer: 'republish', ok: nothingNew && saidNothing });
  console.log(`    ${nothingNew ? 'ok  ' : 'FAIL'} versions on the registry: ${versionsAfter.join(', ')}`);

  step('a snapshot release lands under its tag and leaves latest alone');
  sh('git', ['-c', 'user.email=release@example.com', '-c', 'user.name=release', 'commit', '-qam', `release ${version}`], { quiet: true });
  writeChangeset('e2e-snapshot', 'patch', 'A snapshot.');
  sh('git', ['-c', 'user.email=release@example.com', '-c', 'user.name=release', 'add', '-A'], { quiet: true });
  sh('git', ['-c', 'user.email=release@example.com', '-c', 'user.name=release', 'commit', '-qm', 'snapshot changeset'], { quiet: true });
  sh('npm', ['run', 'release:snapshot', '--silent', '--', 'e2e'], { env, quiet: true });
  const tags = publishedVersions(registry, '@dli-sdk/client')['dist-tags'];
  const snapshotOk = tags.latest === version && /^\d+\.\d+\.\d+-e2e-/.test(tags.e2e ?? '');
  const treeClean = sh('git', ['status', '--porcelain'], { quiet: true }).trim() === '';
  results.push({ consumer: 'snapshot', ok: snapshotOk && treeClean });
  console.log(`    ${snapshotOk ? 'ok  ' : 'FAIL'} dist-tags: latest ${tags.latest}, e2e ${tags.e2e}; working tree restored: ${treeClean}`);
} catch (error) {
  results.push({ consumer: 'release flow', ok: false });
  console.error(`\n✖ ${error.stderr ?? ''}${error.stdout ?? ''}${error.message}`);
} finally {
  await mock?.close();
  verdaccio?.kill();
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
console.log(`\nrelease e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
