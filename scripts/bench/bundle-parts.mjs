#!/usr/bin/env node
// What each source file costs in the browser bundle of an app using createDliClient and the pager:
// `node scripts/bench/bundle-parts.mjs` bundles the client's sources (not dist/, so esbuild can
// attribute bytes) as bundle.mjs does and prints minified bytes per file, largest first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './lib.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dli-bundle-parts-'));
try {
  const entry = path.join(dir, 'app.mjs');
  const source = JSON.stringify(path.join(repoRoot, 'packages/client/src/index.ts'));
  writeFileSync(entry, `import { createDliClient } from ${source};\nconst c = createDliClient({ region: 'cn-north-4', projectId: 'p', credentials: { ak: 'a', sk: 's' } });\nfor await (const x of c.paginateEnhancedConnections()) console.log(x.id);\n`);
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent',
    define: { __DLI_SDK_VERSION__: '"0.0.0"' }, nodePaths: [path.join(repoRoot, 'node_modules')],
  });
  const bytes = result.outputFiles[0].contents;
  console.log(`whole app: ${bytes.length} bytes minified, ${gzipSync(bytes, { level: 9 }).length} gzip`);
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const rows = Object.entries(inputs).map(([file, { bytesInOutput }]) => [bytesInOutput, path.relative(repoRoot, file)]).sort((a, b) => b[0] - a[0]);
  for (const [size, file] of rows) if (size > 0 && !file.startsWith('..')) console.log(`${String(size).padStart(7)}  ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
