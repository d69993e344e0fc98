// 6. Bundle size: esbuild, minified, then gzip, of small apps as a user would write them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './lib.mjs';

export const APPS = {
  'createDliClient + pager': {
    code: "import { createDliClient } from '@dli-sdk/client';\nconst c = createDliClient({ region: 'cn-north-4', projectId: 'p', credentials: { ak: 'a', sk: 's' } });\nfor await (const x of c.paginateEnhancedConnections()) console.log(x.id);\n",
    platform: 'browser',
  },
  'createDliFetchClient only': {
    code: "import { createDliFetchClient } from '@dli-sdk/client';\nconst c = createDliFetchClient({ region: 'cn-north-4', projectId: 'p' });\nconsole.log(await c.GET('/v2.0/{project_id}/datasource/enhanced-connections', { params: { path: { project_id: 'p' } } }));\n",
    platform: 'browser',
  },
  'openapi-fetch alone': {
    code: "import createClient from 'openapi-fetch';\nconst c = createClient({ baseUrl: 'https://x' });\nconsole.log(await c.GET('/v2.0/p/datasource/enhanced-connections'));\n",
    platform: 'browser',
  },
  '@huaweicloud/huaweicloud-sdk-core (node)': {
    code: "import { BasicCredentials, ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core';\nconsole.log(BasicCredentials, ClientBuilder);\n",
    platform: 'node',
  },
};

/** Minified and gzipped size, in bytes, of one app. */
export async function bundleSize(app) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dli-bundle-'));
  try {
    const entry = path.join(dir, 'app.mjs');
    writeFileSync(entry, app.code);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: app.platform,
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      nodePaths: [path.join(repoRoot, 'node_modules')],
    });
    const bytes = result.outputFiles[0].contents;
    return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBundle() {
  const rows = [];
  for (const [name, app] of Object.entries(APPS)) {
    const { minified, gzip } = await bundleSize(app);
    rows.push({ name, unit: 'kB gzip', median: gzip / 1000, min: gzip / 1000, max: gzip / 1000, runs: 1, minifiedKb: minified / 1000 });
  }
  const reference = rows.find((r) => r.name === 'openapi-fetch alone').median;
  for (const row of rows) row.ratio = row.median / reference;
  const ours = rows.filter((row) => row.name.startsWith('createDli'));
  return {
    title: 'Bundle size (esbuild --minify, gzip -9, platform browser)',
    reference: 'openapi-fetch alone',
    target: '≤ 8 kB gzip for each of our two apps',
    rows,
    verdicts: ours.map((row) => ({ target: `${row.name} ≤ 8 kB gzip`, met: row.median <= 8 })),
  };
}
