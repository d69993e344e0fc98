// The version policy, enforced: each spec edit below is applied to a scratch copy of the
// repository's spec in a throwaway git repository (oasdiff runs for real), and the test asserts the
// class the edit gets, the bump it requires, and that check:spec-changeset passes with that bump
// and fails with one level less.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGoToolBeforeAll } from './go-tool';
import { parse, stringify } from 'yaml';

const root = path.resolve(__dirname, '../..');
buildGoToolBeforeAll('oasdiff');
const SPEC = 'spec/dli-enhanced-connections.yaml';
const originalSpec = readFileSync(path.join(root, SPEC), 'utf8');
const scripts = {
  check: path.join(root, 'scripts/check-spec-changeset.mjs'),
  diff: path.join(root, 'scripts/spec-diff.mjs'),
  changeset: path.join(root, 'scripts/spec-changeset.mjs'),
};
const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
type Bump = (typeof BUMPS)[number];

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const run = (script: keyof typeof scripts) => spawnSync(process.execPath, [scripts[script]], { cwd: repo, encoding: 'utf8' });
const manifest = (name: string, version: string) => `${JSON.stringify({ name: `@dli-sdk/${name}`, version }, null, 2)}\n`;
const changeset = (bump: Exclude<Bump, 'none'>, packages = ['@dli-sdk/types', '@dli-sdk/client']) =>
  `---\n${packages.map((p) => `"${p}": ${bump}`).join('\n')}\n---\n\nA change.\n`;
const pendingChangeset = (bump: Bump) => (bump === 'none' ? rmSync(path.join(repo, '.changeset/api.md'), { force: true }) : write('.changeset/api.md', changeset(bump)));

/** A repository released at `version`, holding the real spec, the changesets config and the packages. */
function releasedRepo(version: string) {
  repo = mkdtempSync(path.join(os.tmpdir(), 'dli-spec-changeset-'));
  git('init', '-q');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  write(SPEC, originalSpec);
  write('openapitools.json', readFileSync(path.join(root, 'openapitools.json'), 'utf8'));
  write('.changeset/config.json', readFileSync(path.join(root, '.changeset/config.json'), 'utf8'));
  write('package.json', JSON.stringify({ name: 'scratch', private: true, workspaces: ['packages/*'] }));
  write('packages/types/package.json', manifest('types', version));
  write('packages/client/package.json', manifest('client', version));
  git('add', '-A');
  git('commit', '-qm', `release ${version}`);
}
afterEach(() => rmSync(repo, { recursive: true, force: true }));

type Spec = Record<string, any>;
const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';
const SHOW = '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}';
const fields = (spec: Spec) => spec.components.schemas.EnhancedConnectionFields.properties;
const listParameter = (spec: Spec, name: string) => spec.paths[LIST].get.parameters.find((p: Spec) => p.name === name);
const regions = (spec: Spec) => spec.servers[0].variables.region.enum as string[];

const EDITS: Array<{ edit: string; change: (spec: Spec) => void; id: string; bump: Exclude<Bump, 'none'> }> = [
  { edit: 'remove a response field', change: (s) => delete fields(s).dest_network_id, id: 'response-optional-property-removed', bump: 'major' },
  {
    edit: 'rename a response field',
    change: (s) => {
      fields(s).vpc_id = fields(s).dest_vpc_id;
      delete fields(s).dest_vpc_id;
    },
    id: 'response-optional-property-removed',
    bump: 'major',
  },
  { edit: 'add an optional response field', change: (s) => (fields(s).ipv4_only = { type: 'boolean' }), id: 'response-optional-property-added', bump: 'minor' },
  { edit: 'add an enum value', change: (s) => s.components.schemas.EnhancedConnectionStatus.enum.push('FAILED'), id: 'response-property-enum-value-added', bump: 'minor' },
  { edit: 'remove an enum value', change: (s) => (s.components.schemas.EnhancedConnectionStatus.enum = ['ACTIVE']), id: 'response-property-enum-value-removed', bump: 'major' },
  {
    edit: 'add an optional query parameter',
    change: (s) => s.paths[LIST].get.parameters.push({ name: 'vpc_id', in: 'query', required: false, schema: { type: 'string' } }),
    id: 'new-optional-request-parameter',
    bump: 'minor',
  },
  {
    edit: 'add a required query parameter',
    change: (s) => s.paths[LIST].get.parameters.push({ name: 'vpc_id', in: 'query', required: true, schema: { type: 'string' } }),
    id: 'new-required-request-parameter',
    bump: 'major',
  },
  { edit: 'make a query parameter required', change: (s) => (listParameter(s, 'name').required = true), id: 'request-parameter-became-required', bump: 'major' },
  { edit: 'narrow a query parameter (maxLength)', change: (s) => (listParameter(s, 'name').schema.maxLength = 64), id: 'request-parameter-max-length-set', bump: 'major' },
  { edit: 'change a response field type', change: (s) => (fields(s).create_time = { type: 'string' }), id: 'response-property-type-changed', bump: 'major' },
  { edit: 'make a response field nullable', change: (s) => (fields(s).dest_vpc_id.nullable = true), id: 'response-property-became-nullable', bump: 'major' },
  { edit: 'add a region', change: (s) => regions(s).push('eu-north-1'), id: 'servers-region-added', bump: 'minor' },
  { edit: 'remove a region', change: (s) => (s.servers[0].variables.region.enum = regions(s).filter((r) => r !== 'tr-west-1')), id: 'servers-region-removed', bump: 'major' },
  { edit: 'change a description', change: (s) => (fields(s).name.description = 'The name the user gave the connection.'), id: 'documentation', bump: 'patch' },
  {
    edit: 'add an operation',
    change: (s) => (s.paths[`${SHOW}/tags`] = { parameters: s.paths[SHOW].parameters, get: { operationId: 'listConnectionTags', responses: { '200': { description: 'Tags.' } } } }),
    id: 'endpoint-added',
    bump: 'minor',
  },
  { edit: 'remove an operation', change: (s) => Reflect.deleteProperty(s.paths, SHOW), id: 'api-path-removed-without-deprecation', bump: 'major' },
  { edit: 'deprecate an operation', change: (s) => (s.paths[SHOW].get.deprecated = true), id: 'endpoint-deprecated', bump: 'patch' },
  { edit: 'change a default', change: (s) => (listParameter(s, 'limit').schema.default = 50), id: 'request-parameter-default-value-changed', bump: 'major' },
  { edit: 'change a pattern', change: (s) => (listParameter(s, 'tags').schema.pattern = '^[^=,]+=[^=,]+(,[^=,]+=[^=,]+)*$'), id: 'request-parameter-pattern-changed', bump: 'major' },
  { edit: 'drop a pattern', change: (s) => delete listParameter(s, 'tags').schema.pattern, id: 'request-parameter-pattern-removed', bump: 'minor' },
  { edit: 'rename an operationId', change: (s) => (s.paths[SHOW].get.operationId = 'getEnhancedConnection'), id: 'api-operation-id-removed', bump: 'major' },
];

describe.each(EDITS)('$edit', ({ change, id, bump }) => {
  test(`is ${id}, needs ${bump}; the check passes with ${bump} and fails with one less`, () => {
    releasedRepo('1.0.0'); // past 0.x, so major stays major
    const spec = parse(originalSpec);
    change(spec);
    write(SPEC, stringify(spec));

    const diff = run('diff');
    expect(diff.status).toBe(0);
    const line = diff.stdout.split('\n').find((l) => l.includes(`[${id}]`));
    expect(line?.trim().split(/\s+/)[0]).toBe(bump);
    expect(diff.stdout).toContain(`required bump of @dli-sdk/types and @dli-sdk/client: ${bump}\n`);

    pendingChangeset(bump);
    expect(run('check').status).toBe(0);
    pendingChangeset(BUMPS[BUMPS.indexOf(bump) - 1]);
    const failing = run('check');
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain(`[${id}]`);
    expect(failing.stderr).toContain('npm run spec:changeset');
  });
});

test('formatting alone needs a patch: the YAML ships byte for byte in @dli-sdk/types', () => {
  releasedRepo('1.0.0');
  write(SPEC, `${originalSpec}# a comment\n`);
  expect(run('diff').stdout).toMatch(/patch\s+spec: changed the spec text without changing the API/);
  expect(run('check').status).toBe(1);
  pendingChangeset('patch');
  expect(run('check').status).toBe(0);
});

test('no change since the release passes without a changeset; after a release the slate is clean again', () => {
  releasedRepo('1.0.0');
  expect(run('check').status).toBe(0);
  const spec = parse(originalSpec);
  delete fields(spec).dest_network_id;
  write(SPEC, stringify(spec));
  git('commit', '-qam', 'change the spec');
  expect(run('check').status).toBe(1);
  write('packages/client/package.json', manifest('client', '2.0.0'));
  git('commit', '-qam', 'release 2.0.0');
  expect(run('check').status).toBe(0);
});

test('a changeset naming only other packages does not cover a spec change; naming either generated package does', () => {
  releasedRepo('1.0.0');
  write(SPEC, `${originalSpec}# a comment\n`);
  write('.changeset/cli-only.md', changeset('major', ['@dli-sdk/cli']));
  expect(run('check').stderr).toContain('no pending changeset names @dli-sdk/types or @dli-sdk/client');
  write('.changeset/types-only.md', changeset('patch', ['@dli-sdk/types']));
  expect(run('check').status).toBe(0);
});

test('a change of the generator pin needs a release too', () => {
  releasedRepo('1.0.0');
  write('openapitools.json', '{"generator-cli":{"version":"9.9.9"}}\n');
  const result = run('check');
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('openapitools.json: changed the generator configuration');
});

test('an export gone from a generated package\'s API report is major', () => {
  releasedRepo('1.0.0');
  write('packages/types/review/types.api.md', '```ts\nexport type paths = {};\nexport type EnhancedConnection = {};\n```\n');
  git('add', '-A');
  git('commit', '-qm', 'report');
  write('packages/client/package.json', manifest('client', '1.0.1'));
  git('commit', '-qam', 'release 1.0.1');
  write('packages/types/review/types.api.md', '```ts\nexport type paths = {};\n```\n');
  expect(run('diff').stdout).toMatch(/major\s+packages\/types\/review\/types\.api\.md: removed export `EnhancedConnection`/);
});

test('0.x: DELETED and dest_network_id removed with a patch changeset fails naming both; spec:changeset writes one that passes and reaches the CHANGELOG', () => {
  releasedRepo('0.3.0');
  const spec = parse(originalSpec);
  spec.components.schemas.EnhancedConnectionStatus.enum = ['ACTIVE'];
  delete fields(spec).dest_network_id;
  write(SPEC, stringify(spec));
  pendingChangeset('patch');

  const failing = run('check');
  expect(failing.status).toBe(1);
  expect(failing.stderr).toContain('needs a minor release of @dli-sdk/types and @dli-sdk/client (a major change, which is a minor while the version is 0.3.0)');
  expect(failing.stderr).toMatch(/major\s+listEnhancedConnections: removed the optional property `connections\[\]\.dest_network_id`/);
  expect(failing.stderr).toMatch(/major\s+showEnhancedConnection: removed the `DELETED` enum value from the `status` response property/);

  const written = run('changeset');
  expect(written.status).toBe(0);
  const text = read('.changeset/spec-changes.md');
  expect(text).toMatch(/^---\n"@dli-sdk\/types": minor\n"@dli-sdk\/client": minor\n---\n/);
  expect(run('check').status).toBe(0);

  // changesets resolves its changelog generator from the repository's node_modules.
  symlinkSync(path.join(root, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: repo, stdio: 'pipe' });
  expect(JSON.parse(read('packages/types/package.json')).version).toBe('0.4.0');
  const changelog = read('packages/types/CHANGELOG.md');
  expect(changelog).toContain('removed the optional property `dest_network_id` from the response with the `200` status');
  expect(changelog).toContain('removed the `DELETED` enum value from the `connections[].status` response property');
});
