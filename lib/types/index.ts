// The source model's types. Everything is generated from `schemas/` (see
// `schemas.generated.ts`, `npm run gen:types`); this file re-exports them and adds the few names
// that are derived from the generated ones rather than declared by a schema.
import type { ModuleSpec, Parameter } from './schemas.generated';

export * from './schemas.generated';

/** The module types: `action`, `search`, `universal`, `trigger`, `instant_trigger`, `responder`. */
export type ModuleType = ModuleSpec['type'];

/** The module variant of a given type, e.g. `ModuleOfType<'search'>` is `SearchModule`. */
export type ModuleOfType<T extends ModuleType> = Extract<ModuleSpec, { type: T }>;

/** The parameter variant of a given type, e.g. `ParameterOfType<'select'>` is `SelectParameter`. */
export type ParameterOfType<T extends Parameter['type']> = Extract<Parameter, { type: T }>;

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueOfUnion<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T[K]
    : never
  : never;

/**
 * A read-only view of a discriminated union with every key of every member, all optional.
 * The generated unions (`Parameter`, `ModuleSpec`, `ConnectionSpec`) only expose the keys of the
 * variant narrowed by `type`; code that walks them generically (compiler, validator, runtime)
 * can read e.g. `spec` or `epoch` through `const p: Loose<Parameter> = parameter`.
 */
export type Loose<T> = { readonly [K in KeysOfUnion<T>]?: ValueOfUnion<T, K> };
