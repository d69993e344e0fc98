#!/usr/bin/env node
// npm run release: build, then publish every package whose version is not on the registry yet
// (changeset publish), with npm provenance. Provenance is signed with the identity of a CI
// provider (GitHub Actions OIDC, see .github/workflows/release.yml), which a laptop has not:
// without one this stops and says so, unless --no-provenance asks to publish without it.
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--no-provenance');
if (unknown.length > 0) {
  console.error(`release: unknown argument ${unknown.join(' ')}. Usage: npm run release [-- --no-provenance]`);
  process.exit(2);
}
const withoutProvenance = args.includes('--no-provenance');
// npm signs provenance with GitHub Actions' OIDC token (id-token: write) or GitLab's SIGSTORE_ID_TOKEN.
const oidc = Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) || Boolean(process.env.SIGSTORE_ID_TOKEN);
if (!oidc && !withoutProvenance) {
  console.error(
    [
      'release: releases run from CI. npm provenance needs the OIDC identity of a CI provider, and this',
      'environment has none (no ACTIONS_ID_TOKEN_REQUEST_URL). Merge the "Version Packages" pull request',
      'and .github/workflows/release.yml publishes with provenance.',
      'To publish from here without provenance anyway: npm run release -- --no-provenance',
    ].join('\n'),
  );
  process.exit(2);
}
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', npm_config_provenance: String(!withoutProvenance) };
const run = (command, commandArgs) => execFileSync(command, commandArgs, { stdio: 'inherit', env });
try {
  run('npx', ['--no-install', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  run('npx', ['--no-install', 'changeset', 'publish']);
} catch (error) {
  process.exit(error.status ?? 1);
}
