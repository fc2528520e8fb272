// The explicit table of built-in functions: adding a file never adds a function by accident.
// Names are case-sensitive, as in Make.

import { arrayFunctions } from './array';
import { dateFunctions } from './date';
import { encodingFunctions } from './encoding';
import { generalFunctions } from './general';
import { jsonFunctions } from './json';
import { mathFunctions } from './math';
import { textFunctions } from './text';
import type { ImlFunction } from './types';
import { InternalError } from '../../shared';

const GROUPS = [
  generalFunctions,
  textFunctions,
  encodingFunctions,
  arrayFunctions,
  dateFunctions,
  mathFunctions,
  jsonFunctions,
];

const registry = new Map<string, ImlFunction>();
for (const group of GROUPS) {
  for (const [name, fn] of Object.entries(group)) {
    if (registry.has(name)) throw new InternalError(`IML built-in '${name}' is defined twice`);
    registry.set(name, fn);
  }
}

export function findFunction(name: string): ImlFunction | undefined {
  return registry.get(name);
}

/** Names of every built-in, sorted. */
export const FUNCTION_NAMES: readonly string[] = [...registry.keys()].sort();
