#!/usr/bin/env node
// The last step of `npm run test:mutation`: reads both packages' Stryker reports, prints the score
// table (the one README.md shows) and fails when the overall score or a group of files misses its
// target; the files the project leans on most are held higher than the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPORTS = ['client', 'mock-server'].map((name) => path.resolve(`reports/mutation/${name}.json`));
const GROUPS = [
  { name: 'pager (`paginate.ts`, `pager/`)', target: 90, match: /^packages\/client\/src\/(paginate\.ts|pager\/)/ },
  { name: 'transport (`transport/`)', target: 90, match: /^packages\/client\/src\/transport\// },
  { name: 'validation (`validate.ts`)', target: 90, match: /^packages\/client\/src\/validate\.ts$/ },
  { name: 'rest of the client', target: 0, match: /^packages\/client\/src\// },
  { name: 'stand-in (`mock-server/src`)', target: 0, match: /^packages\/mock-server\/src\// },
];
const OVERALL_TARGET = 80;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const files = Object.assign({}, ...REPORTS.map((report) => JSON.parse(readFileSync(report, 'utf8')).files));
const tally = () => ({ detected: 0, undetected: 0, survivors: [] });
const groups = GROUPS.map((group) => ({ ...group, ...tally() }));
const overall = tally();

for (const [file, { mutants }] of Object.entries(files)) {
  const relative = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  // Each file counts once, in the first group that matches it.
  const group = groups.find((g) => g.match.test(relative));
  for (const mutant of mutants) {
    const counts = [overall, group].filter(Boolean);
    for (const c of counts) {
      if (DETECTED.has(mutant.status)) c.detected++;
      if (UNDETECTED.has(mutant.status)) c.undetected++;
    }
    if (UNDETECTED.has(mutant.status) && group?.target) {
      const { line, column } = mutant.location.start;
      group.survivors.push(`${relative}:${line}:${column} ${mutant.mutatorName} (${mutant.status}) → ${JSON.stringify(mutant.replacement ?? '')}`);
    }
  }
}

const score = (c) => (c.detected + c.undetected === 0 ? 100 : (100 * c.detected) / (c.detected + c.undetected));
const row = (name, c, target) =>
  `| ${name} | ${c.detected} | ${c.undetected} | ${score(c).toFixed(1)}% | ${target ? `≥ ${target}%` : '—'} |`;
console.log('| files | detected | survived or uncovered | score | target |');
console.log('|---|---:|---:|---:|---:|');
for (const g of groups) if (g.detected + g.undetected > 0) console.log(row(g.name, g, g.target));
console.log(row('**overall**', overall, OVERALL_TARGET));

let failed = score(overall) < OVERALL_TARGET;
for (const g of groups) {
  if (g.survivors.length > 0) console.log(`\nSurvivors in ${g.name}:\n${g.survivors.map((s) => `  ${s}`).join('\n')}`);
  if (g.target && score(g) < g.target) {
    console.error(`\n${g.name}: ${score(g).toFixed(1)}% is below its target of ${g.target}%`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
