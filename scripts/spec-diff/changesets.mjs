// The pending changesets' bump for the generated packages, and the changeset spec:changeset writes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_PACKAGES } from './baseline.mjs';
import { strongest } from './policy.mjs';

export const SPEC_CHANGESET = 'spec-changes.md';

/**
 * The strongest bump any pending changeset gives @dli-sdk/types or @dli-sdk/client (they are one
 * changesets `fixed` group, so naming either bumps both), and the changesets that give it.
 */
export function pendingBump(root) {
  const dir = path.join(root, '.changeset');
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md').sort() : [];
  const found = [];
  for (const file of files) {
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? '';
    for (const line of frontMatter.split(/\r?\n/)) {
      const match = /^\s*["']?(@[^"':\s]+)["']?\s*:\s*["']?(major|minor|patch)["']?\s*$/.exec(line);
      if (match && GENERATED_PACKAGES.includes(match[1])) found.push({ file: `.changeset/${file}`, bump: match[2] });
    }
  }
  const bump = strongest(found.map((f) => f.bump));
  return { bump, files: [...new Set(found.filter((f) => f.bump === bump).map((f) => f.file))] };
}

/** Writes .changeset/spec-changes.md: the bump for both generated packages and a line per change. */
export function writeSpecChangeset(root, { bump, entries, base }) {
  const lines = [...new Set(entries.filter((e) => e.class !== 'none').map((e) => `- ${e.class === 'major' ? '**Breaking:** ' : ''}${e.where}: ${e.text}`))];
  const text = [
    '---',
    ...GENERATED_PACKAGES.map((name) => `"${name}": ${bump}`),
    '---',
    '',
    `API changes in \`spec/\` since ${base.version ? `${base.version} (${base.short})` : base.short}:`,
    '',
    ...lines,
    '',
  ].join('\n');
  const file = path.join(root, '.changeset', SPEC_CHANGESET);
  const existed = existsSync(file);
  writeFileSync(file, text);
  return { file: `.changeset/${SPEC_CHANGESET}`, existed, lines };
}
