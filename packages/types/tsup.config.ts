// The types' build, plus the contract they were generated from: dist/openapi.yaml is spec/ byte
// for byte, dist/openapi.json the same document as JSON, both exported for consumers' own tools.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { defineConfig } from 'tsup';
import { library } from '../../tsup.shared';

const spec = path.resolve(__dirname, '../../spec/dli-enhanced-connections.yaml');

export default defineConfig({
  ...library,
  onSuccess() {
    copyFileSync(spec, path.join(__dirname, 'dist/openapi.yaml'));
    writeFileSync(path.join(__dirname, 'dist/openapi.json'), `${JSON.stringify(parse(readFileSync(spec, 'utf8')), null, 2)}\n`);
    return Promise.resolve();
  },
});
