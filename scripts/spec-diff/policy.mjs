// Our version policy, read from policy.json: which bump class each kind of spec change needs.
import { readFileSync } from 'node:fs';

export const policy = JSON.parse(readFileSync(new URL('./policy.json', import.meta.url), 'utf8'));

/** Bump classes, weakest first; `none` marks process checks that need no release. */
export const CLASSES = ['none', 'patch', 'minor', 'major'];
export const strongest = (classes) => classes.reduce((a, b) => (CLASSES.indexOf(b) > CLASSES.indexOf(a) ? b : a), 'none');

const compiled = policy.rules.map((rule) => ({
  ...rule,
  idPattern: rule.id && new RegExp(rule.id),
  effectPattern: rule.effect && new RegExp(`^(${rule.effect})$`),
}));

/** The rule deciding an oasdiff change id, given oasdiff's catalogue entry for it (if any). */
export function ruleFor(id, check) {
  const rule = compiled.find((r) =>
    r.idPattern
      ? r.idPattern.test(id)
      : check && (!r.direction || r.direction === check.direction) && r.effectPattern.test(check.effect),
  );
  return rule ?? policy.unknown;
}

/** The bump the generated packages get: while their version is 0.x, a breaking change is a minor. */
export function effectiveBump(required, version) {
  return required === 'major' && /^0\./.test(version) ? policy.zeroMajor : required;
}
