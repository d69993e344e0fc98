// The size budget: a bundle that grows past it fails CI. Sizes are esbuild --minify + gzip -9 of
// small apps importing the built package, exactly as `npm run bench` measures them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BUDGET_KB: Record<string, number> = {
  // 10.3 kB before redirect, origin, body-cap, deadline and input checks (issue 9): 12.8 kB; with
  // $metadata, User-Agent, the debug log and per-operation rules from the spec (issue 12): 13.97 kB
  'createDliClient + pager': 14.1,
  'createDliFetchClient only': 15.5, // 14.1 kB after issue 9; 15.38 kB after issue 12, as above
};

test.each(Object.entries(BUDGET_KB))('%s stays within %d kB gzip', (app, budget) => {
  const script = `import('${path.resolve(__dirname, '../bench/bundle.mjs')}').then(async ({ APPS, bundleSize }) => console.log(JSON.stringify(await bundleSize(APPS[${JSON.stringify(app)}]))))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const { gzip } = JSON.parse(run.stdout);
  expect(gzip / 1000).toBeLessThanOrEqual(budget);
  expect(gzip).toBeGreaterThan(1000); // a real bundle, not an empty one
});
