// dli-mock: runs the stand-in until interrupted. The first line of stdout is its URL alone (for
// scripts); then a ready-to-paste environment block for the CLI, the client and Huawei's SDKs.
import { version } from '../package.json';
import { fail, readBinSettings, SK_VARIABLE, TOKEN_VARIABLE } from './bin-options';
import { startMockDli } from './server';

const settings = readBinSettings(process.argv.slice(2), process.env, version);
const mock = await startMockDli(settings.options).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

// Secrets given on the command line are not echoed: the block names where they go instead.
const credentials =
  settings.ak !== undefined
    ? [`export HUAWEICLOUD_SDK_AK=${settings.ak}`, `export HUAWEICLOUD_SDK_SK='<the --sk or ${SK_VARIABLE} you gave>'`]
    : settings.usesToken
      ? [`export DLI_IAM_TOKEN='<the --token or ${TOKEN_VARIABLE} you gave>'`]
      : ['export HUAWEICLOUD_SDK_AK=any-ak HUAWEICLOUD_SDK_SK=any-sk   # any keys pass'];
if (settings.securityToken) credentials.push("export HUAWEICLOUD_SDK_SECURITY_TOKEN='<the --security-token you gave>'");
const { projectId, lockout } = settings.options;
const extras = [
  typeof lockout === 'object' ? `Lock-out after ${lockout.failures} failed signatures` : '',
  settings.options.faults ? `Faults at rate ${settings.options.faults.rate}` : '',
].filter(Boolean);
console.log(`${mock.url}
DLI stand-in: ${mock.connections.length} connections (${settings.source}), ${projectId ? `project ${projectId} only` : 'any project id'}.
${extras.map((e) => `${e}.\n`).join('')}Use it from the CLI, the client or Huawei's SDKs:
  export DLI_ENDPOINT=${mock.url}
  export HUAWEICLOUD_SDK_PROJECT_ID=${settings.projectId}
${credentials.map((line) => `  ${line}`).join('\n')}
  npx -p @dli-sdk/cli dli-connections list   # reads DLI_ENDPOINT
Ctrl-C stops it.`);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
