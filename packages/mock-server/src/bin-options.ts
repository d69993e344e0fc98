// dli-mock's flags and environment turned into stand-in options, every value checked: a flag that
// could only make every request fail (an empty key, a project id no path can hold) is refused
// with exit code 2 and a message naming the flag and its rule.
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataFileError, parseDataFile } from './data-file';
import { DEFAULT_DATASET } from './dataset';
import type { Fault } from './faults';
import { GATEWAY_LOCKOUT } from './lockout';
import type { MockDliOptions } from './server';

// Secrets from the environment: a flag's value is visible to every user of the machine in `ps`.
export const SK_VARIABLE = 'DLI_MOCK_SK';
export const TOKEN_VARIABLE = 'DLI_MOCK_TOKEN';

// A dataset this large is generated in about a second; far larger ones look like a hang.
const MAX_CONNECTIONS = 100_000;
const MINUTES = (ms: number) => ms / 60_000;

// The faults --faults can name, as the library's random faults spell them.
const FAULTS: Record<string, Fault> = {
  429: { kind: 'status', status: 429, retryAfterSeconds: 0 },
  500: { kind: 'status', status: 500 },
  502: { kind: 'status', status: 502 },
  503: { kind: 'status', status: 503 },
  504: { kind: 'status', status: 504 },
  reset: { kind: 'reset' },
};

export const USAGE = `Usage: dli-mock [options]
Serves the DLI enhanced-connections API on 127.0.0.1 until interrupted.

Data (the default is the dataset of dli-connections --mock):
  --connections N      seeded connections, 0-${MAX_CONNECTIONS} (default ${DEFAULT_DATASET.connections})
  --seed N             dataset and random-fault seed (default ${DEFAULT_DATASET.seed})
  --data FILE          serve the connections of FILE instead: a JSON array or
                       NDJSON, each a connection as the API sends it, or
                       {"connection": {...}, "tags": {"k": "v"}}; checked
                       against the spec; not with --connections
  --project-id ID      serve only this project (default: any project id);
                       1-64 letters, digits, '-' or '_'
Authentication (without --ak/--sk or --token, every request is accepted):
  --ak AK --sk SK      require requests signed with this AK/SK
  --security-token T   with --ak/--sk: require this session token too
  --token T            accept IAM token T (X-Auth-Token); not with --ak/--sk
  --lockout            lock an AK after ${GATEWAY_LOCKOUT.failures} failed signatures in ${MINUTES(GATEWAY_LOCKOUT.windowMs)} minutes,
                       for ${MINUTES(GATEWAY_LOCKOUT.lockMs)} minutes, as the API gateway does; tune with
                       --lockout-failures N, --lockout-window-s S and
                       --lockout-duration-s S
  --settle STATE:MS    CREATING queues and pools turn STATE (active or
                       failed) MS milliseconds after start
Faults (seeded by --seed, so a run repeats):
  --fault-rate R       share of requests, 0-1, that get a random fault
  --faults LIST        which: any of 429,500,502,503,504,reset (default all)
  --latency-ms N       delay before each answer: N, or MIN-MAX for a random one,
                       0-60000
Server:
  --port N             port, 0 (default) for a free one; up to 65535, but not
                       one that fetch blocks (such as 1, 22 or 6000)
  -V, --version        the version
  -h, --help           this text

Environment (unlike flags, not shown by ps or kept in shell history):
  ${SK_VARIABLE}          the SK, instead of --sk
  ${TOKEN_VARIABLE}       the IAM token, instead of --token`;

/** What bin.ts needs besides the options: what to print. */
export interface BinSettings {
  options: MockDliOptions;
  ak?: string;
  usesToken: boolean;
  securityToken: boolean;
  projectId: string;
  source: string;
}

export function fail(message: string): never {
  console.error(`dli-mock: ${message} (see dli-mock --help)`);
  process.exit(2);
}

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) fail(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function latency(raw: string): number | [number, number] {
  const range = /^(\d+)-(\d+)$/.exec(raw);
  if (!range) return integer('latency-ms', raw, 0, 60_000);
  const [min, max] = [integer('latency-ms', range[1], 0, 60_000), integer('latency-ms', range[2], 0, 60_000)];
  if (min > max) fail(`--latency-ms MIN-MAX needs MIN <= MAX, got ${JSON.stringify(raw)}`);
  return [min, max];
}

function faultRate(raw: string): number {
  const rate = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || !(rate >= 0 && rate <= 1)) fail(`--fault-rate must be a number from 0 to 1, got ${JSON.stringify(raw)}`);
  return rate;
}

function faultList(raw: string): Fault[] {
  return raw.split(',').map((name) => FAULTS[name.trim()] ?? fail(`--faults takes any of ${Object.keys(FAULTS).join(',')}, got ${JSON.stringify(name)}`));
}

// One key per flag: an AK is sent in `Access=<AK>,` so it can hold no comma, space or control character.
function accessKey(raw: string): string {
  if (!/^[\x21-\x2b\x2d-\x7e]{1,128}$/.test(raw)) fail(`--ak must be one access key: 1-128 printable ASCII characters without spaces or commas, got ${JSON.stringify(raw)}`);
  return raw;
}

function nonEmpty(name: string, raw: string | undefined): string | undefined {
  if (raw === '') fail(`${name} must not be empty`);
  return raw;
}

// Far more than MAX_CONNECTIONS connections take; a file past it (or an endless one such as
// /dev/zero) is refused before it fills memory.
const MAX_DATA_BYTES = 128 * 1024 * 1024;

// Reads at most MAX_DATA_BYTES + 1 bytes, a chunk at a time, whatever the file claims its size is.
function readBounded(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > MAX_DATA_BYTES) fail(`--data ${file}: larger than ${MAX_DATA_BYTES / 1024 / 1024} MiB`);
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function loadData(file: string): BinSettings['options']['connections'] {
  let text: string;
  try {
    text = readBounded(file);
  } catch (error) {
    fail(`--data ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseDataFile(text);
  } catch (error) {
    if (error instanceof DataFileError) fail(`--data ${file}, ${error.message}`);
    throw error;
  }
}

// parseArgs takes `-1` after a flag for an option of its own ("ambiguous"); joined as `--flag=-1`
// it stays a value, which the range check then refuses with a message that names the range.
const NUMERIC = new Set(['--port', '--connections', '--seed', '--latency-ms', '--fault-rate', '--lockout-failures', '--lockout-window-s', '--lockout-duration-s']);
const joinNegatives = (argv: string[]) =>
  argv.reduce<string[]>((joined, arg) => {
    const flag = joined.at(-1);
    if (flag !== undefined && NUMERIC.has(flag) && /^-\d/.test(arg)) joined[joined.length - 1] = `${flag}=${arg}`;
    else joined.push(arg);
    return joined;
  }, []);

const string = { type: 'string' } as const;

/** Reads the flags and environment; prints help or the version and exits when asked. */
export function readBinSettings(argv: string[], env: NodeJS.ProcessEnv, version: string): BinSettings {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegatives(argv),
      options: {
        port: { type: 'string', default: '0' },
        connections: string, seed: string, data: string, 'latency-ms': string, 'project-id': string,
        ak: string, sk: string, 'security-token': string, token: string,
        lockout: { type: 'boolean' }, 'lockout-failures': string, 'lockout-window-s': string, 'lockout-duration-s': string,
        'fault-rate': string, faults: string, settle: string,
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
  const ak = values.ak === undefined ? undefined : accessKey(values.ak);
  const sk = nonEmpty('--sk', values.sk) ?? (env[SK_VARIABLE] || undefined);
  const token = nonEmpty('--token', values.token) ?? (env[TOKEN_VARIABLE] || undefined);
  const securityToken = nonEmpty('--security-token', values['security-token']);
  if (ak === undefined && values.sk !== undefined) fail('--sk needs --ak');
  if (ak !== undefined && sk === undefined) fail(`--ak needs an SK: --sk or ${SK_VARIABLE}`);
  if (securityToken !== undefined && ak === undefined) fail('--security-token needs --ak and --sk');
  // Both at once would leave a reader guessing which one a request must use.
  if (ak !== undefined && token !== undefined) fail(`--ak/--sk cannot be used with --token (or ${TOKEN_VARIABLE})`);
  const projectId = values['project-id'];
  // A project id is one path segment; an empty one or one with `/` could only ever get 403.
  if (projectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) {
    fail(`--project-id must be 1-64 letters, digits, '-' or '_' (one path segment), got ${JSON.stringify(projectId)}`);
  }
  if (values.data !== undefined && (values.connections !== undefined)) fail('--data cannot be used with --connections');
  const lockoutTuned = values['lockout-failures'] ?? values['lockout-window-s'] ?? values['lockout-duration-s'];
  if (lockoutTuned !== undefined && !values.lockout) fail('--lockout-failures, --lockout-window-s and --lockout-duration-s need --lockout');
  if (values.lockout && ak === undefined) fail('--lockout needs --ak and --sk (it locks access keys)');
  if (values.faults !== undefined && values['fault-rate'] === undefined) fail('--faults needs --fault-rate');

  // `--settle active:5000`: every binding the dataset has in CREATING settles 5 s after start.
  const settle = values.settle === undefined ? undefined : /^(active|failed):(\d{1,9})$/i.exec(values.settle);
  if (values.settle !== undefined && !settle) fail(`--settle must be active:MS or failed:MS, got ${JSON.stringify(values.settle)}`);

  const seed = values.seed === undefined ? DEFAULT_DATASET.seed : integer('seed', values.seed, 0, 0xffff_ffff);
  const connections = values.data !== undefined
    ? loadData(values.data)
    : values.connections === undefined ? DEFAULT_DATASET.connections : integer('connections', values.connections, 0, MAX_CONNECTIONS);
  const seconds = (name: 'lockout-window-s' | 'lockout-duration-s', fallback: number) =>
    values[name] === undefined ? fallback : integer(name, values[name], 1, 86_400) * 1000;
  const keys = ak === undefined ? [] : [{ ak, sk: sk ?? '', securityToken }];
  const tokens = token === undefined ? [] : [token];
  return {
    options: {
      port: integer('port', values.port, 0, 65_535),
      connections,
      seed,
      latencyMs: values['latency-ms'] === undefined ? undefined : latency(values['latency-ms']),
      projectId,
      auth: keys.length === 0 && tokens.length === 0 ? 'none' : { credentials: keys, tokens },
      faults: values['fault-rate'] === undefined ? undefined : {
        rate: faultRate(values['fault-rate']),
        randomFaults: values.faults === undefined ? undefined : faultList(values.faults),
      },
      lockout: values.lockout
        ? {
            failures: values['lockout-failures'] === undefined ? GATEWAY_LOCKOUT.failures : integer('lockout-failures', values['lockout-failures'], 1, 1000),
            windowMs: seconds('lockout-window-s', GATEWAY_LOCKOUT.windowMs),
            lockMs: seconds('lockout-duration-s', GATEWAY_LOCKOUT.lockMs),
          }
        : undefined,
      transitions: settle ? { changes: [{ afterMs: Number(settle[2]), to: settle[1].toUpperCase() as 'ACTIVE' | 'FAILED' }] } : undefined,
    },
    ak,
    usesToken: tokens.length > 0,
    securityToken: securityToken !== undefined,
    projectId: projectId ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    source: values.data !== undefined ? `from ${values.data}` : `seed ${seed}`,
  };
}
