import type { Options } from 'tsup';
import { libraryWithBinBuild } from '../../tsup.shared';

// string-width is ESM-only: it is bundled so that the CommonJS entry also loads on Node 20 releases
// without require(esm).
export default (libraryWithBinBuild as Options[]).map((options) => ({ ...options, noExternal: ['string-width'] }));
