// The helpers every layer shares, one home each (ARCHITECTURE.md). Other folders import them from
// here, never from the files.
export { didYouMean } from './did-you-mean';
export { InternalError, ToolError } from './errors';
export { isPlainObject, isRootPrototype, setOwn, type PlainObject } from './objects';
export { paramViews, type ParamView } from './param-view';
export { parameterNames, walkParameters } from './parameters';
export { firstSentence } from './help-text';
export { formatJson, formatMarkdown } from './prettier';
export { printJson } from './json-print';
export { narrowWidth } from './text-width';
export { memoize } from './memo';
export { PROJECT_ROOT } from './project-root';
