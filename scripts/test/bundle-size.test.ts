// The size budget: a bundle that grows past it fails CI. Sizes are esbuild --minify + gzip -9 of
// small apps importing the built package, exactly as `npm run bench` measures them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The budgets sit just above the sizes measured last; how each figure came about, and what the
// 8 kB target still lacks, is in docs/performance.md ("Bundle size").
const BUDGET_KB: Record<string, number> = {
  'createDliClient + pager': 15.2,
  'createDliFetchClient only': 18.3,
};

test.each(Object.entries(BUDGET_KB))('%s stays within %d kB gzip', (app, budget) => {
  const script = `import('${path.resolve(__dirname, '../bench/bundle.mjs')}').then(async ({ APPS, bundleSize }) => console.log(JSON.stringify(await bundleSize(APPS[${JSON.stringify(app)}]))))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const { gzip } = JSON.parse(run.stdout);
  expect(gzip / 1000).toBeLessThanOrEqual(budget);
  expect(gzip).toBeGreaterThan(1000); // a real bundle, not an empty one
});
