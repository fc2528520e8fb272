// The component sections of an app whose ids the id rules check, with the kind each names.
export const ID_KINDS = [
  ['connections', 'connection'],
  ['modules', 'module'],
  ['rpcs', 'rpc'],
] as const;
