import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { libraryBuild } from '../../tsup.shared';

// The User-Agent's version is the package's own, read here at build time (src/user-agent.ts).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({ ...(libraryBuild as Options), define: { __DLI_SDK_VERSION__: JSON.stringify(version) } });
