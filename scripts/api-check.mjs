#!/usr/bin/env node
// A package's `api:check`: API Extractor compares the built declarations with the committed report
// (review/*.api.md). When they differ it would tell you to "copy the file ... or perform a local
// build"; in this repository the command for that is `npm run api:update`, so that is what we say.
import path from 'node:path';
import apiExtractor from '@microsoft/api-extractor';

const { Extractor, ExtractorConfig } = apiExtractor;
const config = ExtractorConfig.loadFileAndPrepare(path.resolve('api-extractor.json'));
const result = Extractor.invoke(config, {
  localBuild: false,
  messageCallback(message) {
    if (message.messageId === 'console-api-report-not-copied') message.handled = true;
  },
});
if (result.apiReportChanged) {
  const report = config.reportConfigs.map((r) => path.relative(process.cwd(), path.join(config.reportFolder, r.fileName))).join(', ');
  console.error(
    `The public API of ${config.packageJson?.name ?? 'this package'} changed, and ${report} does not show it yet.\n` +
      'Run `npm run api:update` (from the repository root), review the diff of the report and commit it.',
  );
}
process.exit(result.succeeded ? 0 : 1);
