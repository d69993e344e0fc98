// The committed baselines (StrykerJS's incremental files) without what belongs to one machine:
// a failing test's stack trace (`statusReason`, absolute paths of the sandbox) and the project
// root. Neither is used to reuse a result; both would make every run rewrite the file.
import { readFileSync, writeFileSync } from 'node:fs';

/** Rewrites the baseline at `file` in place. */
export function sanitizeBaseline(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  report.projectRoot = '.';
  for (const { mutants } of Object.values(report.files)) for (const mutant of mutants) delete mutant.statusReason;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
