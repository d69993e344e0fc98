// The README's first commands on a bare machine: a fresh clone, `npm ci`, the workspace bins run
// through `npx --no-install` (never fetched from the registry), and the build and `npm start` with
// no Java or Maven on PATH: only Node is needed, the generated code being committed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const MISSING = new Set(['java', 'javac', 'mvn', 'chromium', 'chromium-browser']);
let scratch: string;
let clone: string;
let env: NodeJS.ProcessEnv;

/** A folder of links to every command on PATH except Java, Maven and Chromium. */
function pathWithout(bin: string): string {
  mkdirSync(bin);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (MISSING.has(name)) continue;
      try {
        symlinkSync(path.join(dir, name), path.join(bin, name));
      } catch {
        // the first folder on PATH wins, as in a shell
      }
    }
  }
  return bin;
}

const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: clone, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'dli-first-contact-'));
  clone = path.join(scratch, 'repo');
  const head = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  expect(spawnSync('git', ['clone', '-q', '--no-checkout', root, clone]).status).toBe(0);
  expect(spawnSync('git', ['-C', clone, 'checkout', '-q', head]).status).toBe(0);
  const { CHROMIUM_PATH: _chromium, npm_config_prefix: _prefix, ...inherited } = process.env;
  env = { ...inherited, PATH: pathWithout(path.join(scratch, 'bin')), CI: 'true', TURBO_TELEMETRY_DISABLED: '1' };
  expect(run('java', ['-version']).error).toBeDefined(); // really gone
  const install = run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.status).toBe(0);
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('right after npm ci, npx --no-install finds both bins, which ask for a build', () => {
  for (const bin of ['dli-connections', 'dli-mock']) {
    const help = run('npx', ['--no-install', bin, '--help']);
    expect(help.stderr).toContain(`${bin} is not built yet: run \`npm run build\``);
    expect(help.status).toBe(1);
  }
});

test('npm start builds without Java or Maven and lists the stand-in; then both bins answer --help', () => {
  const start = run('npm', ['start']);
  expect(start.status).toBe(0);
  expect(start.stdout.trimEnd().split('\n').filter((line) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(line))).toHaveLength(40);
  const cli = run('npx', ['--no-install', 'dli-connections', '--help']);
  expect(cli.status).toBe(0);
  expect(cli.stdout).toContain('Usage: dli-connections');
  const mock = run('npx', ['--no-install', 'dli-mock', '--help']);
  expect(mock.status).toBe(0);
  expect(mock.stdout).toContain('Usage: dli-mock');
}, 600_000);
