export { libraryWithBinBuild as default } from '../../tsup.shared';
