// The three interop clients, each built or installed once from its pinned Huawei SDK and cached
// outside git: the Python SDK in .venv (the venv scripts/schemathesis.sh makes), the Go program in
// node_modules/.cache/go-tools (beside the other Go tools), the Java program in
// node_modules/.cache/interop-java with its dependencies in ~/.m2. A client's cache key is a hash
// of its sources, so an edit rebuilds it and nothing else does.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cache = path.join(root, 'node_modules', '.cache');

/** The pins, as the client programs declare them (go.mod, requirements.txt, pom.xml). */
export const PINS = {
  python: /huaweicloudsdkdli==([\d.]+)/.exec(readFileSync(path.join(here, 'python/requirements.txt'), 'utf8'))[1],
  go: /huaweicloud-sdk-go-v3 (v[\d.]+)/.exec(readFileSync(path.join(here, 'go/go.mod'), 'utf8'))[1],
  java: /<huaweicloud.sdk.version>([\d.]+)</.exec(readFileSync(path.join(here, 'java/pom.xml'), 'utf8'))[1],
};

const hashOf = (...files) => createHash('sha256').update(files.map((f) => readFileSync(path.join(here, f))).join('\0')).digest('hex').slice(0, 12);

function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    const reason = error.code === 'ENOENT' ? `${command} is not installed` : String(error.stderr || error.stdout || error.message).trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')}: ${reason}`, { cause: error });
  }
}

function python() {
  const bin = path.join(root, '.venv', 'bin', 'python');
  const stamp = path.join(root, '.venv', `.interop-${hashOf('python/requirements.txt')}`);
  if (!existsSync(stamp)) {
    process.stderr.write(`Installing huaweicloudsdkdli ${PINS.python} into .venv (once)...\n`);
    if (!existsSync(bin)) run('python3', ['-m', 'venv', path.join(root, '.venv')]);
    run(bin, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', path.join(here, 'python/requirements.txt')]);
    writeFileSync(stamp, '');
  }
  return [bin, path.join(here, 'python/client.py')];
}

function go() {
  const dir = path.join(cache, 'go-tools', `interop-${PINS.go}-${hashOf('go/go.mod', 'go/go.sum', 'go/main.go')}`);
  const binary = path.join(dir, 'dli-interop');
  if (!existsSync(binary)) {
    process.stderr.write(`Building the Go interop client with huaweicloud-sdk-go-v3 ${PINS.go} (once; a few minutes on a cold cache)...\n`);
    // Built into a scratch folder and moved in place, so a killed build leaves nothing to trust.
    const scratch = `${dir}.${process.pid}.tmp`;
    mkdirSync(scratch, { recursive: true });
    try {
      run('go', ['build', '-o', path.join(scratch, 'dli-interop'), '.'], { cwd: path.join(here, 'go') });
      renameSync(scratch, dir);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return [binary];
}

function java() {
  const dir = path.join(cache, 'interop-java');
  const key = hashOf('java/pom.xml', 'java/src/main/java/interop/Main.java');
  const classpathFile = path.join(dir, `classpath-${key}.txt`);
  const jar = path.join(dir, 'interop-java-0.0.0.jar');
  if (!existsSync(classpathFile) || !existsSync(jar)) {
    process.stderr.write(`Building the Java interop client with huaweicloud-sdk-dli ${PINS.java} through Maven (once)...\n`);
    const pom = path.join(here, 'java/pom.xml');
    run('mvn', ['-q', '-B', '-f', pom, 'package', `-Dmdep.outputFile=${classpathFile}.tmp`, 'dependency:build-classpath']);
    renameSync(`${classpathFile}.tmp`, classpathFile);
  }
  return ['java', '-cp', `${jar}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`, 'interop.Main'];
}

/** Builds (or finds) each interop client; an SDK that cannot be prepared is an error of its own. */
export function prepare(name) {
  return { python, go, java }[name]();
}

/**
 * Runs a client with `env`, sends it `ops` and resolves to its answers, one per operation:
 * `{ body }` in wire names, or `{ error: { status, code, message, requestId } }`. Asynchronous:
 * the stand-in it talks to runs in this process.
 */
export function runClient(command, ops, env) {
  const child = spawn(command[0], command.slice(1), {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  child.stdin.end(JSON.stringify(ops));
  const timer = setTimeout(() => child.kill(), 120_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(stdout));
      else reject(new Error(`${path.basename(command[0])} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}
