// Makes sure the pinned openapi-generator jar is where @openapitools/openapi-generator-cli
// looks for it (`<storageDir>/<version>.jar`). The wrapper's own download goes to a host that
// is not always reachable; Maven, which every Java developer has, fetches the same artifact
// from Maven Central, so we try it first and let the wrapper try its own way after.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { generatorCli, generatorVersion, repoRoot } from './generator-config.mjs';

export function assertJava() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'npm run generate needs Java 11 or newer on the PATH to run openapi-generator ' +
        `(jar ${generatorVersion}); "java -version" failed: ${java.error?.message ?? java.stderr}`,
    );
  }
}

export function ensureGeneratorJar() {
  const storageDir = path.resolve(repoRoot, generatorCli.storageDir);
  const jar = path.join(storageDir, `${generatorVersion}.jar`);
  if (existsSync(jar)) return jar;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) return jar; // the wrapper will download it itself
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'openapi-generator-jar-'));
  const artifact = `org.openapitools:openapi-generator-cli:${generatorVersion}:jar`;
  const copy = spawnSync(
    'mvn',
    ['-q', '-B', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (copy.status !== 0) throw new Error(`mvn could not fetch ${artifact}`);
  mkdirSync(storageDir, { recursive: true });
  renameSync(path.join(tmp, `openapi-generator-cli-${generatorVersion}.jar`), jar);
  rmSync(tmp, { recursive: true, force: true });
  return jar;
}
