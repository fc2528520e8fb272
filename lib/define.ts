// Identity helpers: the source model is plain typed data, checked by the editor at no run-time
// cost (style practice 8).
//
// Why the parameter is `Spec & { name: N }` and not `<const T extends Spec>(spec: T)`: with a
// bare generic, TypeScript infers T from the literal itself, so a misspelt key (`paginaton`,
// `epoc`) simply becomes part of T and is accepted. Typing the parameter with the concrete spec
// keeps TypeScript's excess-property check on the whole literal (so a misspelt directive is an
// editor error at any depth), while the `const N` generic still captures the literal `name` for
// callers that reference components by name (groups, `connection: hotmart.name`).
//
// Why `defineModule` also infers the module `type` (`T`) and checks against `ModuleOfType<T>`:
// checked against the whole `ModuleSpec` union, TypeScript's excess-property check does not
// narrow the union by `type` once a nested literal fails, so a misspelt `paginaton` in a search
// module was blamed on `response.iterate` "not existing in ActionResponseSpec". Narrowing first
// leaves one variant, so the error names the misspelt key itself.
import type {
  App,
  ConnectionSpec,
  FunctionSpec,
  ModuleOfType,
  ModuleType,
  RpcSpec,
  WebhookSpec,
} from './types';

/** Types an app definition (`app/index.ts`). Returns its argument unchanged. */
export function defineApp(app: App): App {
  return app;
}

/** Types a connection definition. Returns its argument unchanged; `name` keeps its literal type. */
export function defineConnection<const N extends string>(
  connection: ConnectionSpec & { name: N },
): ConnectionSpec & { name: N } {
  return connection;
}

/**
 * Types a module definition. Returns its argument unchanged; `name` keeps its literal type and
 * the result is the module variant of its `type` (e.g. `SearchModule`).
 */
export function defineModule<const T extends ModuleType, const N extends string>(
  module: ModuleOfType<T> & { type: T; name: N },
): ModuleOfType<T> & { name: N } {
  return module;
}

/** Types an RPC definition. Returns its argument unchanged; `name` keeps its literal type. */
export function defineRpc<const N extends string>(
  rpc: RpcSpec & { name: N },
): RpcSpec & { name: N } {
  return rpc;
}

/** Types a custom IML function. Returns its argument unchanged; `name` keeps its literal type. */
export function defineFunction<const N extends string>(
  fn: FunctionSpec & { name: N },
): FunctionSpec & { name: N } {
  return fn;
}

/** Types a webhook definition. Returns its argument unchanged; `name` keeps its literal type. */
export function defineWebhook<const N extends string>(
  webhook: WebhookSpec & { name: N },
): WebhookSpec & { name: N } {
  return webhook;
}
