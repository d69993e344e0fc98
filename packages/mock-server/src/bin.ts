// dli-mock: runs the stand-in until interrupted. The first line of stdout is its URL alone (for
// scripts); then a ready-to-paste environment block for the CLI and the client.
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { startMockDli } from './server';

// Secrets from the environment: a flag's value is visible to every user of the machine in `ps`.
const SK_VARIABLE = 'DLI_MOCK_SK';
const TOKEN_VARIABLE = 'DLI_MOCK_TOKEN';

// A dataset this large is generated in about a second; far larger ones look like a hang.
const MAX_CONNECTIONS = 100_000;
const USAGE = `Usage: dli-mock [options]
Serves the DLI enhanced-connections API on 127.0.0.1 until interrupted.

  --port N             port, 0 (default) for a free one; up to 65535, but not
                       one that fetch blocks (such as 1, 22 or 6000)
  --connections N      seeded connections, 0-${MAX_CONNECTIONS} (default 25)
  --seed N             dataset seed (default 1)
  --latency-ms N       delay before each answer, 0-60000
  --project-id ID      serve only this project (default: any project id)
  --ak AK --sk SK      require requests signed with this AK/SK
  --security-token T   with --ak/--sk: require this session token too
  --token T            accept IAM token T (X-Auth-Token); not with --ak/--sk
  --settle STATE:MS    CREATING queues and pools turn STATE (active or
                       failed) MS milliseconds after start
  -V, --version        the version
  -h, --help           this text

Environment (unlike flags, not shown by ps or kept in shell history):
  ${SK_VARIABLE}          the SK, instead of --sk
  ${TOKEN_VARIABLE}       the IAM token, instead of --token
Without --ak/--sk or --token, every request is accepted.`;

function fail(message: string): never {
  console.error(`dli-mock: ${message} (see dli-mock --help)`);
  process.exit(2);
}

function integer(name: string, raw: string, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) > max) fail(`--${name} must be an integer from 0 to ${max}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

// parseArgs takes `-1` after a flag for an option of its own ("ambiguous"); joined as `--flag=-1`
// it stays a value, which the range check then refuses with a message that names the range.
const NUMERIC = new Set(['--port', '--connections', '--seed', '--latency-ms']);
const args = process.argv.slice(2).reduce<string[]>((joined, arg) => {
  const flag = joined.at(-1);
  if (flag !== undefined && NUMERIC.has(flag) && /^-\d/.test(arg)) joined[joined.length - 1] = `${flag}=${arg}`;
  else joined.push(arg);
  return joined;
}, []);

let values;
try {
  ({ values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      connections: { type: 'string', default: '25' },
      seed: { type: 'string', default: '1' },
      'latency-ms': { type: 'string' },
      'project-id': { type: 'string' },
      ak: { type: 'string' },
      sk: { type: 'string' },
      'security-token': { type: 'string' },
      token: { type: 'string' },
      settle: { type: 'string' },
      version: { type: 'boolean', short: 'V' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message.split('\n')[0]);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.version) {
  console.log(version);
  process.exit(0);
}
// A flag wins over its variable, as the CLI's --token does over DLI_IAM_TOKEN.
const sk = values.sk ?? (process.env[SK_VARIABLE] || undefined);
const token = values.token ?? (process.env[TOKEN_VARIABLE] || undefined);
if (values.ak === undefined && values.sk !== undefined) fail('--sk needs --ak');
if (values.ak !== undefined && sk === undefined) fail(`--ak needs an SK: --sk or ${SK_VARIABLE}`);
if (values['security-token'] !== undefined && values.ak === undefined) fail('--security-token needs --ak and --sk');
// Both at once would leave a reader guessing which one a request must use.
if (values.ak !== undefined && token !== undefined) fail(`--ak/--sk cannot be used with --token (or ${TOKEN_VARIABLE})`);
const keys = values.ak === undefined ? [] : [{ ak: values.ak, sk: sk ?? '', securityToken: values['security-token'] }];
const tokens = token === undefined ? [] : [token];
const projectId = values['project-id'] ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

// `--settle active:5000`: every binding the dataset has in CREATING settles 5 s after start.
const settle = values.settle === undefined ? undefined : /^(active|failed):(\d{1,9})$/i.exec(values.settle);
if (values.settle !== undefined && !settle) fail(`--settle must be active:MS or failed:MS, got ${JSON.stringify(values.settle)}`);

const mock = await startMockDli({
  port: integer('port', values.port, 65_535),
  connections: integer('connections', values.connections, MAX_CONNECTIONS),
  seed: integer('seed', values.seed, 0xffff_ffff),
  latencyMs: values['latency-ms'] === undefined ? undefined : integer('latency-ms', values['latency-ms'], 60_000),
  projectId: values['project-id'],
  auth: keys.length === 0 && tokens.length === 0 ? 'none' : { credentials: keys, tokens },
  transitions: settle ? { changes: [{ afterMs: Number(settle[2]), to: settle[1].toUpperCase() as 'ACTIVE' | 'FAILED' }] } : undefined,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

// Secrets given on the command line are not echoed: the block names where they go instead.
const credentials =
  keys.length > 0
    ? [`export HUAWEICLOUD_SDK_AK=${values.ak}`, `export HUAWEICLOUD_SDK_SK='<the --sk or ${SK_VARIABLE} you gave>'`]
    : tokens.length > 0
      ? [`export DLI_IAM_TOKEN='<the --token or ${TOKEN_VARIABLE} you gave>'`]
      : ['export HUAWEICLOUD_SDK_AK=any-ak HUAWEICLOUD_SDK_SK=any-sk   # any keys pass'];
if (values['security-token'] !== undefined) credentials.push("export HUAWEICLOUD_SDK_SECURITY_TOKEN='<the --security-token you gave>'");
console.log(`${mock.url}
DLI stand-in: ${mock.connections.length} connections, ${values['project-id'] ? `project ${projectId} only` : 'any project id'}. Use it from the CLI or the client:
  export DLI_ENDPOINT=${mock.url}
  export HUAWEICLOUD_SDK_PROJECT_ID=${projectId}
${credentials.map((line) => `  ${line}`).join('\n')}
  npx -p @dli-sdk/cli dli-connections list   # reads DLI_ENDPOINT
Ctrl-C stops it.`);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
