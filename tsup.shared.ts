// The one build of every package: the public entry as ESM + CJS with declarations, and, for
// packages with a command, its bin as an ESM script.
import { defineConfig, type Options } from 'tsup';

export const library: Options = { entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true, target: 'es2022' };
const bin: Options = { entry: ['src/bin.ts'], format: ['esm'], target: 'es2022', banner: { js: '#!/usr/bin/env node' } };

export const libraryBuild = defineConfig(library);
export const libraryWithBinBuild = defineConfig([library, bin]);
