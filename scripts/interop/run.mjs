// npm run test:interop: Huawei's Python, Go and Java SDKs, used as shipped (no header added, no
// signer replaced), against dli-mock, each compared with raw HTTP. Prints one line per check and
// a last line `interop: N passed, N failed`; exits 1 when anything failed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { PINS, prepare, runClient } from './sdks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (!existsSync(path.join(root, 'packages/mock-server/dist/index.js'))) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const { startMockDli, generateConnections, DEFAULT_DATASET } = await import(pathToFileURL(path.join(root, 'packages/mock-server/dist/index.js')).href);
const { signRequest } = await import(pathToFileURL(path.join(root, 'packages/client/dist/index.js')).href);

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const KEY = { ak: 'INTEROPAK0000000001', sk: 'interop-secret-key' };
const TEMPORARY = { ak: 'INTEROPTEMP00000001', sk: 'interop-temporary-secret', securityToken: 'interop-session-token' };
const ODD_NAME = 'conexión ñ/ü %&=?#+';
// Ids no connection has, in every encoding question a signer can get wrong.
const ODD_IDS = ['a/b', 'a%b', 'a%2Fb', '数据接续', 'x y+z', '%41'];

// The default dataset, plus connections with an odd name and tags with `=` in values.
const stored = [
  ...generateConnections(DEFAULT_DATASET.connections, DEFAULT_DATASET.seed),
  { connection: { id: '0f0e0d0c-0b0a-4909-8807-060504030201', name: ODD_NAME, status: 'ACTIVE', create_time: 1_700_000_000_000 }, tags: { expr: 'a=b', env: 'prod' } },
  { connection: { id: '1f0e0d0c-0b0a-4909-8807-060504030201', name: 'tagged', status: 'DELETED', create_time: 1_700_000_000_001 }, tags: { expr: 'a=b=c' } },
];
const mock = await startMockDli({ connections: stored, projectId: PROJECT, auth: { credentials: [KEY, TEMPORARY] } });
const locking = await startMockDli({ connections: 3, projectId: PROJECT, auth: { credentials: [KEY] }, lockout: { failures: 3 } });

/** A GET signed by our own client's public signer, sent with fetch: the raw answer to compare with. */
async function raw(query, id) {
  const url = new URL(`${mock.url}/v2.0/${PROJECT}/datasource/enhanced-connections${id === undefined ? '' : `/${encodeURIComponent(id)}`}`);
  // Percent-encoded by hand: URLSearchParams writes a space as `+`, which the gateway reads as a plus.
  url.search = Object.entries(query ?? {}).map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
  const signed = signRequest({ method: 'GET', url, headers: {} }, KEY);
  const response = await fetch(signed.url, { headers: signed.headers });
  return response.json();
}

// Java's 3.1.130 models predate `ipv6_enable`: it drops the field, as an SDK must drop unknown ones.
const KNOWN_GAPS = { java: ['ipv6_enable'] };

function withoutGaps(value, gaps) {
  if (Array.isArray(value)) return value.map((item) => withoutGaps(item, gaps));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !gaps.includes(k)).map(([k, v]) => [k, withoutGaps(v, gaps)]));
  return value;
}

let passed = 0;
let failed = 0;
function check(sdk, name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${sdk}: ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
}
// Field order is no part of JSON's meaning (Go and Java write fields in their models' order).
const sorted = (value) =>
  Array.isArray(value) ? value.map(sorted)
  : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]))
  : value;
const same = (a, b) => a !== undefined && JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const show = (value) => JSON.stringify(value).slice(0, 400);

/** The keys seen at each level of the stand-in's answers, for the field-by-field comparison. */
function sentFields(listBody, showBodies) {
  const connections = listBody.connections;
  const keys = (items) => [...new Set(items.flatMap((item) => Object.keys(item)))].sort();
  return {
    list: keys([listBody]),
    connection: keys(connections),
    resource: keys(connections.flatMap((c) => [...(c.available_queue_info ?? []), ...(c.elastic_resource_pools ?? [])])),
    host: keys(connections.flatMap((c) => c.hosts ?? [])),
    show: keys(showBodies),
  };
}

const filters = [
  { name: 'a page (limit 5, offset 3)', query: { limit: 5, offset: 3 } },
  { name: 'status in lower case', query: { status: 'active', limit: 0 } },
  { name: 'status DELETED', query: { status: 'DELETED', limit: 0 } },
  { name: 'a name with odd characters', query: { name: ODD_NAME } },
  { name: 'tags with = in a value', query: { tags: 'expr=a=b' } },
  { name: 'two tags', query: { tags: 'env=prod,expr=a=b' } },
];

async function checkSdk(sdk) {
  let command;
  try {
    command = prepare(sdk);
  } catch (error) {
    check(sdk, 'SDK installed and built', false, error.message);
    return;
  }
  const env = (key) => ({
    DLI_ENDPOINT: mock.url,
    HUAWEICLOUD_SDK_AK: key.ak,
    HUAWEICLOUD_SDK_SK: key.sk,
    HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    ...(key.securityToken ? { HUAWEICLOUD_SDK_SECURITY_TOKEN: key.securityToken } : {}),
  });
  const gaps = KNOWN_GAPS[sdk] ?? [];
  const known = mock.connections[5].id;
  const ops = [
    { op: 'list' },
    ...filters.map((f) => ({ op: 'list', ...f.query })),
    { op: 'walk', limit: 7 },
    { op: 'show', id: known },
    { op: 'show', id: 'no-such-connection' },
    ...ODD_IDS.map((id) => ({ op: 'show', id })),
    { op: 'fields' },
  ];
  let answers;
  try {
    answers = await runClient(command, ops, env(KEY));
  } catch (error) {
    check(sdk, 'client runs', false, error.message);
    return;
  }
  const [first, ...rest] = answers;
  const all = await raw({ limit: 0 });
  check(sdk, 'list (no parameters) as raw HTTP', same(first.body, withoutGaps(await raw({}), gaps)), show(first));
  for (const [index, filter] of filters.entries()) {
    const answer = rest[index];
    check(sdk, `list, ${filter.name}, as raw HTTP`, same(answer.body, withoutGaps(await raw(filter.query), gaps)) && answer.body.connections.length > 0, show(answer));
  }
  const [walk, shown, notFound, ...odd] = rest.slice(filters.length);
  const pages = Math.ceil(all.connections.length / 7) + 1;
  check(sdk, `walk to the end (limit 7, ${pages} pages) as raw HTTP`, walk.body?.pages === pages && same(walk.body.connections, withoutGaps(all.connections, gaps)), show(walk));
  check(sdk, 'show as raw HTTP', same(shown.body, withoutGaps(await raw({}, known), gaps)), show(shown));
  check(sdk, 'not-found: 400 DLI.0002 with the request id', notFound.error?.status === 400 && notFound.error.code === 'DLI.0002' && /^[0-9a-f]{32}$/.test(notFound.error.requestId ?? ''), show(notFound));
  for (const [index, id] of ODD_IDS.entries()) {
    const answer = odd[index];
    check(sdk, `id ${JSON.stringify(id)} is not found, not a signature failure`, answer.error?.status === 400 && answer.error.code === 'DLI.0002', show(answer));
  }
  const fields = odd[ODD_IDS.length].body;
  const sent = sentFields(all, await Promise.all(all.connections.map((c) => raw({}, c.id))));
  for (const [level, names] of Object.entries(sent)) {
    const model = fields[level];
    const unknown = names.filter((name) => !model.includes(name) && !gaps.includes(name));
    const unsent = model.filter((name) => !names.includes(name));
    check(sdk, `fields of ${level}: every one sent is in the model, every model field is sent`, unknown.length === 0 && unsent.length === 0, `unknown to the SDK: ${unknown.join(', ') || '-'}; never sent: ${unsent.join(', ') || '-'}`);
  }

  const [wrong] = await runClient(command, [{ op: 'list' }], env({ ...KEY, sk: 'not-the-secret' }));
  check(sdk, 'a wrong SK gets 401 APIGW.0301', wrong.error?.status === 401 && wrong.error.code === 'APIGW.0301', show(wrong));
  const [temporary, walkTemporary] = await runClient(command, [{ op: 'list', limit: 3 }, { op: 'walk', limit: 10 }], env(TEMPORARY));
  check(sdk, 'a temporary key with its security token lists and walks', same(temporary.body, withoutGaps(await raw({ limit: 3 }), gaps)) && walkTemporary.body?.connections.length === all.connections.length, show(temporary));
  const [noToken] = await runClient(command, [{ op: 'list' }], env({ ...TEMPORARY, securityToken: undefined }));
  check(sdk, 'a temporary key without its token gets 401', noToken.error?.status === 401, show(noToken));
}

/** The lock-out, with one official SDK: three failures lock the key, even for the right SK. */
async function checkLockout(sdk) {
  const command = prepare(sdk);
  const env = (sk) => ({ DLI_ENDPOINT: locking.url, HUAWEICLOUD_SDK_AK: KEY.ak, HUAWEICLOUD_SDK_SK: sk, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
  const wrong = await runClient(command, [{ op: 'list' }, { op: 'list' }, { op: 'list' }, { op: 'list' }], env('not-the-secret'));
  const [right] = await runClient(command, [{ op: 'list' }], env(KEY.sk));
  const messages = [...wrong, right].map((answer) => answer.error?.message ?? 'ok');
  const locked = 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.';
  check(sdk, '--lockout: 3 failed signatures, then the key is locked, even with the right SK',
    messages.slice(0, 3).every((m) => m.includes('verify aksk signature fail')) && messages.slice(3).every((m) => m === locked), messages.join(' | '));
}

const only = process.argv.slice(2);
const sdks = ['python', 'go', 'java'].filter((sdk) => only.length === 0 || only.includes(sdk));
console.log(`interop: Huawei's SDKs against dli-mock (Python huaweicloudsdkdli ${PINS.python}, Go huaweicloud-sdk-go-v3 ${PINS.go}, Java huaweicloud-sdk-dli ${PINS.java})`);
try {
  for (const sdk of sdks) await checkSdk(sdk);
  try {
    await checkLockout(sdks.includes('go') ? 'go' : sdks[0]);
  } catch (error) {
    check('lockout', 'runs', false, error.message);
  }
} finally {
  await Promise.all([mock.close(), locking.close()]);
}
console.log(`interop: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
