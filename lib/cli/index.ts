// Public API of the CLI, for bin/hotmart-make.js and the npm scripts.
export { buildCommand, validateCommand } from './build-commands';
export { processIo } from './io';
export { runCli } from './main';
export { runTour } from './tour';
