// The committed baselines (StrykerJS's incremental files) without what belongs to one machine:
// a failing test's stack trace (`statusReason`, absolute paths of the sandbox), the project root
// and the options of the run (`config`, with the config file's absolute path). None is used to
// reuse a result; each would make every run rewrite the file.
import { readFileSync, writeFileSync } from 'node:fs';

/** Rewrites the baseline at `file` in place. */
export function sanitizeBaseline(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  report.projectRoot = '.';
  delete report.config;
  for (const { mutants } of Object.values(report.files)) for (const mutant of mutants) delete mutant.statusReason;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
