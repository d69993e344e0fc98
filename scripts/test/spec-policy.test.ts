// The policy file decides every change id oasdiff can report, and docs/spec-changes.md shows it as it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGoToolBeforeAll } from './go-tool';

const root = path.resolve(__dirname, '../..');
buildGoToolBeforeAll('oasdiff');
const node = (code: string) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });

test("every check in oasdiff's catalogue gets a class from a rule of policy.json", () => {
  const out = node(`
    import { checkCatalogue } from './scripts/spec-diff/oasdiff.mjs';
    import { policy, ruleFor } from './scripts/spec-diff/policy.mjs';
    const rows = [...checkCatalogue()].map(([id, check]) => ({ id, rule: ruleFor(id, check) }));
    console.log(JSON.stringify({ count: rows.length, unruled: rows.filter((r) => r.rule === policy.unknown).map((r) => r.id) }));
  `);
  const { count, unruled } = JSON.parse(out);
  expect(count).toBeGreaterThan(700);
  expect(unruled).toEqual([]);
});

test('where oasdiff (wire compatibility) and TypeScript consumers disagree, the policy sides with the consumer', () => {
  const out = node(`
    import { checkCatalogue } from './scripts/spec-diff/oasdiff.mjs';
    import { ruleFor } from './scripts/spec-diff/policy.mjs';
    const ids = ['response-optional-property-removed', 'response-property-enum-value-removed', 'response-property-enum-value-added', 'request-parameter-removed-with-deprecation', 'api-version-not-bumped'];
    console.log(JSON.stringify(Object.fromEntries(ids.map((id) => [id, [checkCatalogue().get(id).level, ruleFor(id, checkCatalogue().get(id)).class]]))));
  `);
  expect(JSON.parse(out)).toEqual({
    'response-optional-property-removed': ['info', 'major'], // code reading the field stops compiling
    'response-property-enum-value-removed': ['info', 'major'], // comparisons with the literal stop compiling
    'response-property-enum-value-added': ['error', 'minor'], // additive, by our policy
    'request-parameter-removed-with-deprecation': ['info', 'major'], // calls passing it stop compiling
    'api-version-not-bumped': ['info', 'none'], // info.version is the API's, not ours
  });
});

test("docs/spec-changes.md's version-policy table is the rendering of scripts/spec-diff/policy.json", () => {
  const rendered = spawnSync(process.execPath, [path.join(root, 'scripts/spec-policy.mjs')], { encoding: 'utf8' }).stdout;
  const readme = readFileSync(path.join(root, 'docs/spec-changes.md'), 'utf8');
  const section = /<!-- spec:policy[^>]*-->\n([\s\S]*?)<!-- \/spec:policy -->/.exec(readme)?.[1];
  expect(section).toBe(rendered);
});
