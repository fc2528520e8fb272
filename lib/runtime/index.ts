// Public API of the module runtime. See README.md for the conformance table.
export { loadApp, type LoadOptions } from './load-app';
export { createConnection, Connection, type ConnectionOptions } from './connection';
export {
  runModule,
  streamModule,
  type Bundle,
  type ModuleStream,
  type RunResult,
} from './run-module';
export type { RunOptions } from './start-run';
export { runRpc, RPC_CAPS, RPC_TIME_LIMIT_MS, type RpcResult } from './run-rpc';
export { runEpoch, type EpochResult } from './run-epoch';
export { runSearchButton, type SearchButtonOptions } from './search-button';
export {
  runTrigger,
  type TriggerOptions,
  type TriggerResult,
  type TriggerStart,
  type TriggerState,
} from './run-trigger';
export {
  receiveWebhook,
  type WebhookOptions,
  type WebhookRequest,
  type WebhookResult,
} from './receive-webhook';
export type { WebhookResponse } from './respond-to-caller';
export { runResponder, type ResponderResult } from './run-responder';
export {
  attachWebhook,
  detachWebhook,
  updateWebhook,
  type WebhookLifecycleOptions,
  type WebhookLifecycleResult,
  type WebhookRegistration,
} from './webhook-lifecycle';
export { createRuntimeApp, type RuntimeApp } from './runtime-app';
export { MAKE_CAPS, NO_CAPS, type Caps } from './caps';
export {
  RunLog,
  type HttpLogEntry,
  type LogEntry,
  type LoggedResponse,
  type NoticeLogEntry,
  type RunLogOptions,
} from './run-log';
export { REDACTED } from './redact';
export {
  AppLoadError,
  ConnectionError,
  DataError,
  DuplicateDataError,
  IncompleteDataError,
  InvalidAccessTokenError,
  InvalidConfigurationError,
  MAKE_ERROR_TYPES,
  MakeError,
  OutOfSpaceError,
  RateLimitError,
  RuntimeError,
  type MakeErrorCode,
  type MakeErrorType,
  type SanitizedRequest,
} from './errors';
