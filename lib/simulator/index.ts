// Public API of the embedded Hotmart simulator.
export { createSimulator } from './simulator';
export {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  DEFAULT_TOKEN_TTL_SECONDS,
} from './simulator';
export { SIMULATOR_CREDENTIALS, SIMULATOR_HOTTOK, basicTokenFor } from './credentials';
export { deliverEvent, type DeliveryOptions } from './webhook-delivery';
export { WEBHOOK_EVENTS, isWebhookEvent } from './webhook-events';
export { HOTMART_ORIGINS, interceptWithNock } from './nock-adapter';
export type { NockInterception, NockInterceptOptions } from './nock-adapter';
export { startSimulatorServer } from './http-server';
export type { LoopbackHost, SimulatorServer, SimulatorServerOptions } from './http-server';
export type {
  Money,
  PurchaseItem,
  RateLimitStatus,
  RecordedRequest,
  Simulator,
  SimulatorCredentials,
  SimulatorOptions,
  SimulatorRequest,
  SimulatorResponse,
  SubscriptionItem,
  SubscriptionStatus,
  WebhookEnvelope,
} from './types';
