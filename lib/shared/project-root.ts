// The one place under lib/ that reads `__dirname`: the CLI's bundle (bin/cli-bundle.js) defines
// `__dirname` as this folder's path, which is only right for this file
// (test/structure/project-root.test.ts keeps every other file from reading it).
import path from 'node:path';

/** This package's root: the folder that holds package.json, schemas/ and the source folders. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
