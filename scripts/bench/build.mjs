// 7. Build: a cold `turbo run build` (cache bypassed) vs a fully cached one.
import { execFileSync } from 'node:child_process';
import { repeat, repoRoot } from './lib.mjs';

const turbo = (args) => {
  const started = performance.now();
  execFileSync('npx', ['turbo', 'run', 'build', '--output-logs=none', ...args], { cwd: repoRoot, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' });
  return performance.now() - started;
};

export async function benchBuild() {
  const cold = await repeat(() => turbo(['--force']), 3);
  const cached = await repeat(() => turbo([]), 3);
  const rows = [
    { name: 'cold (turbo --force: 4 packages from the committed generated code)', unit: 'ms', ...cold, ratio: 1 },
    { name: 'cached (nothing changed)', unit: 'ms', ...cached, ratio: cached.median / cold.median },
  ];
  return { title: 'Build (turbo run build)', reference: rows[0].name, target: 'a second build with nothing changed is fully cached', rows };
}
