// Both surfaces work from both module formats of the build, and an error made by one build is
// an instanceof the other's classes (dual-package hazard). Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_TOKEN, withMock } from '../helpers';

const CHILD = join(__dirname, 'module-formats', 'child.mjs');

test('import (ESM) and require (CJS): both surfaces list, walk and throw typed errors', async () => {
  expect(existsSync(join(__dirname, '../..', 'dist', 'index.cjs'))).toBe(true); // run `npm run build` first
  await withMock({ connections: 10 }, async (mock) => {
    const { stdout } = await promisify(execFile)(process.execPath, [CHILD], {
      env: { ...process.env, DLI_ENDPOINT: mock.url, DLI_TOKEN: TEST_TOKEN },
    });
    const expected = { firstPage: 3, walked: 10, errorName: 'DliApiError', instanceOfOwn: true, instanceOfOtherBuild: true, notInstanceOfOtherSubclass: true };
    expect(JSON.parse(stdout)).toEqual({
      'esm createDliClient': expected,
      'esm createDliFetchClient': expected,
      'cjs createDliClient': expected,
      'cjs createDliFetchClient': expected,
    });
  });
});
