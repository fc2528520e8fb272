// Public API of the compiler: the pure parts and the one reader of a built layout. `buildApp`
// (validate + write) and the build and validate commands belong to the CLI (lib/cli/build-app.ts,
// build-commands.ts): the compiler never imports the validator.
export { compileApp } from './compile-app';
export { appFromFiles } from './from-files';
export {
  layoutLocator,
  locateSourcePath,
  type LayoutPlacement,
  type SourceLocation,
} from './locate';
export { renderFiles } from './render';
export { kebabCase } from './kebab';
export { CompileError } from './errors';
export { GENERAL_FILES, MAKECOMAPP_FILE } from './layout';
export {
  LayoutReadError,
  LayoutReader,
  readLayout,
  readLayoutFiles,
  type LayoutSource,
} from './read-layout';
export { writeBackLayout } from './write-back';
export type { Json } from './json';
export { AppModuleError } from './app-module';
export { JsoncError } from './jsonc';
export { loadAppModule } from './app-module';
export { parseJsonc } from './jsonc';
export { BUILD_MARKER, OutputDirRefusedError, type OutputDirContext } from './output-dir';
export { checkOutputDir, writeDirAtomically } from './write-dir';
