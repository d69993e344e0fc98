// The spec diff of the working tree against the last release, classified: what spec:diff prints,
// check:spec-changeset enforces and spec:changeset writes down.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseline, fileAt, git, materializeSpec, SPEC_FILE } from './baseline.mjs';
import { classifySpecChange } from './classify.mjs';
import { effectiveBump, policy, strongest } from './policy.mjs';
import { surfaceChanges } from './surface.mjs';

export { GENERATED_PACKAGES } from './baseline.mjs';
export { CLASSES } from './policy.mjs';

const GENERATOR_PIN = 'openapitools.json';

/**
 * @param {{ cwd?: string, ref?: string }} options ref: compare with this commit instead of the last release
 * @returns the baseline, every classified change, the class the changes need and the bump that
 *   gives the generated packages at their current version (major → minor while 0.x)
 */
export function specDiff({ cwd = process.cwd(), ref } = {}) {
  const root = git(cwd, 'rev-parse', '--show-toplevel').trim();
  const base = baseline(root, ref);
  const version = JSON.parse(readFileSync(path.join(root, 'packages/client/package.json'), 'utf8')).version;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'dli-spec-diff-'));
  try {
    const baseSpec = materializeSpec(root, base.commit, scratch);
    const headSpec = path.join(root, SPEC_FILE);
    const entries = [];
    if (!baseSpec) {
      entries.push({ class: 'minor', id: 'spec-added', where: 'spec', text: `added ${SPEC_FILE}`, what: 'the spec added' });
    } else if (!existsSync(headSpec)) {
      throw new Error(`${SPEC_FILE} is missing from the working tree.`);
    } else {
      const textChanged = specFilesDiffer(root, base.commit);
      if (textChanged) entries.push(...classifySpecChange(baseSpec, headSpec, { textChanged }));
    }
    const pinNow = existsSync(path.join(root, GENERATOR_PIN)) ? readFileSync(path.join(root, GENERATOR_PIN), 'utf8') : undefined;
    if (fileAt(root, base.commit, GENERATOR_PIN) !== pinNow) {
      entries.push({ ...policy.generator, id: 'generator', where: GENERATOR_PIN, text: 'changed the generator configuration' });
    }
    entries.push(...surfaceChanges(root, base.commit));
    const required = strongest(entries.map((entry) => entry.class));
    return { root, base, version, entries, required, bump: effectiveBump(required, version) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Whether any file under spec/ differs from the commit, committed or not, tracked or new. */
function specFilesDiffer(root, commit) {
  const changed = git(root, 'diff', '--name-only', commit, '--', 'spec').trim();
  const untracked = git(root, 'ls-files', '--others', '--exclude-standard', '--', 'spec').trim();
  return changed !== '' || untracked !== '';
}

/** One line per change: its class, where, what, and oasdiff's id. */
export const formatChange = (entry) => `  ${entry.class.padEnd(5)}  ${entry.where}: ${entry.text}  [${entry.id}]`;
