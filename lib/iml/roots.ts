// The root variables Make gives templates somewhere in an app (make-app-format §10): which exist
// where differs (`body` in responses, `item` with iterate, `oauth` in OAuth connections, `payload`
// in instant triggers, `webhook` in attach and detach, `method` in webhooks, …), but
// no template can read any other root. Make reads an unknown root as empty; the runtime has every
// one of these in its scope, and the validator's `iml-root-known` rule reports any other name in
// the project's own app, where it can only be a typo.
export const MAKE_ROOTS = [
  'parameters',
  'connection',
  'common',
  'temp',
  'data',
  'body',
  'headers',
  'statusCode',
  'item',
  'output',
  'iterate',
  'pagination',
  'now',
  'environment',
  'scenario',
  'metadata',
  'oauth',
  'query',
  'payload',
  'webhook',
  'method',
] as const;

export type MakeRoot = (typeof MAKE_ROOTS)[number];
