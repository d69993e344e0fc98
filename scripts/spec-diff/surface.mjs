// What oasdiff cannot see but a TypeScript consumer can: the API Extractor reports of the
// generated packages (packages/{types,client}/review/*.api.md) against those of the baseline.
// An export gone is breaking; any other change of the report is at least additive.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileAt, git } from './baseline.mjs';
import { policy } from './policy.mjs';

const REVIEW_DIRS = ['packages/types/review', 'packages/client/review'];
const EXPORT = /^export (?:declare )?(?:abstract )?(?:function|class|interface|type|const|let|enum|namespace) ([\w$]+)/gm;
const exportsOf = (text) => new Set([...(text ?? '').matchAll(EXPORT)].map((m) => m[1]));

export function surfaceChanges(root, commit) {
  const entries = [];
  for (const dir of REVIEW_DIRS) {
    const before = git(root, 'ls-tree', '-r', '-z', '--name-only', commit, '--', dir).split('\0').filter(Boolean);
    const now = existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((name) => path.posix.join(dir, name)) : [];
    for (const file of new Set([...before, ...now].filter((f) => f.endsWith('.api.md')))) {
      const old = fileAt(root, commit, file);
      const current = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined;
      if (old === current || old === undefined) continue; // a new report is a new package: changesets sees it
      const gone = [...exportsOf(old)].filter((name) => !exportsOf(current).has(name));
      if (gone.length > 0) {
        entries.push({ ...policy.surface['export-removed'], id: 'surface-export-removed', where: file, text: `removed export${gone.length > 1 ? 's' : ''} ${gone.map((n) => `\`${n}\``).join(', ')}` });
      } else {
        entries.push({ ...policy.surface.changed, id: 'surface-changed', where: file, text: 'the API report changed' });
      }
    }
  }
  return entries;
}
