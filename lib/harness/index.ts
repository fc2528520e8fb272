// Public API of the harness: running a module of a loaded app against a target (the embedded
// simulator, a URL, Hotmart), with parameters picked from the simulator's data.
export {
  exampleParameters,
  rpcExampleParameters,
  sourceExamples,
  type SourceExamples,
} from './examples';
export {
  connectionFor,
  executeEpoch,
  executeModule,
  executeRpc,
  executeTrigger,
  type ExecuteResult,
  type ExecuteRpcResult,
  type Progress,
} from './execute';
export { checkAgainstInterface, runMismatches } from './interface-check';
export { simulatorFetch } from './sim-fetch';
export type { ResolvedTarget, TargetSpec } from './target';
export { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
export { executeWebhookEvent, type WebhookEventResult } from './webhook-event';
