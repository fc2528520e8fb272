// Runs the writes of a plan in order. Each write is one SDK call; when one fails the rest are not
// attempted and the error lists what was done and what was not. Because the next deploy plans
// again from what Make then holds, rerunning finishes the job without repeating finished work.
import type { CreateSDKModuleBody, UpdateSDKModuleBody, UpdateSDKRPCBody } from '@makehq/sdk';
import type { DeployPlan, PlanItem, Write } from './plan';
import type { MakeSdk } from './remote';
import { InternalError } from '../shared';

export interface ExecutionContext {
  sdk: MakeSdk;
  /** Local connection name → remote name; filled in as connections are created. */
  connections: Map<string, string>;
  /** Local webhook name → remote name; filled in as webhooks are created. */
  webhooks: Map<string, string>;
  /** Called after a write that creates a remote name, so it can be persisted at once. */
  onRemoteName?: (
    change:
      | { app: string }
      | { connection: string; remote: string }
      | { webhook: string; remote: string },
  ) => void;
}

export class DeployFailedError extends Error {
  constructor(
    readonly done: PlanItem[],
    readonly failed: PlanItem,
    readonly notDone: PlanItem[],
    readonly reason: string,
  ) {
    super(`deploy stopped at ${describe(failed)}: ${reason}`);
    this.name = 'DeployFailedError';
  }
}

export function describe(item: PlanItem): string {
  return `${item.target} ${item.part}`;
}

/** Executes every write of the plan; returns the items written. */
export async function executePlan(plan: DeployPlan, ctx: ExecutionContext): Promise<PlanItem[]> {
  const writes = plan.items.filter((item) => item.write !== undefined);
  const done: PlanItem[] = [];
  let appName = plan.appName;
  for (const [index, item] of writes.entries()) {
    try {
      const created = await run(item.write as Write, appName, plan.version, ctx);
      if (created !== undefined) appName = created;
    } catch (error) {
      throw new DeployFailedError(done, item, writes.slice(index + 1), errorText(error));
    }
    done.push(item);
  }
  return done;
}

/** Performs one write; returns the app's remote name when the write created the app. */
async function run(
  write: Write,
  app: string,
  version: number,
  ctx: ExecutionContext,
): Promise<string | undefined> {
  const { sdk } = ctx;
  switch (write.kind) {
    case 'app.create': {
      // Make may answer with a different name than requested; the rest of the run uses it.
      const created = await sdk.apps.create(write.body);
      ctx.onRemoteName?.({ app: created.name });
      return created.name;
    }
    case 'app.update':
      await sdk.apps.update(app, version, write.body);
      return undefined;
    case 'app.section':
      await sdk.apps.setSection(app, version, write.section, write.text);
      return undefined;
    case 'app.docs':
      await sdk.apps.setDocs(app, version, write.text);
      return undefined;
    case 'app.common':
      await sdk.apps.setCommon(app, version, write.value as Record<string, never>);
      return undefined;
    case 'connection.create': {
      const created = await sdk.connections.create(app, write.body);
      ctx.connections.set(write.local, created.name);
      ctx.onRemoteName?.({ connection: write.local, remote: created.name });
      return undefined;
    }
    case 'connection.update':
      await sdk.connections.update(remoteConnection(ctx, write.local), write.body);
      return undefined;
    case 'connection.section':
      await sdk.connections.setSection(
        remoteConnection(ctx, write.local),
        write.section,
        write.text,
      );
      return undefined;
    case 'connection.common':
      await sdk.connections.setCommon(
        remoteConnection(ctx, write.local),
        write.value as Record<string, never>,
      );
      return undefined;
    case 'rpc.create':
      await sdk.rpcs.create(app, version, write.body);
      return undefined;
    case 'rpc.update':
      // Make accepts null to clear a connection; the SDK's type only lists strings.
      await sdk.rpcs.update(app, version, write.name, {
        label: write.metadata.label,
        connection: optionalRemote(ctx, write.metadata.connection),
        altConnection: optionalRemote(ctx, write.metadata.altConnection),
      } as unknown as UpdateSDKRPCBody);
      return undefined;
    case 'rpc.section':
      await sdk.rpcs.setSection(app, version, write.name, write.section, write.text);
      return undefined;
    case 'webhook.create': {
      // The SDK's type for the answer leaves out `name`, which Make sends and everything after
      // needs.
      const created = (await sdk.webhooks.create(app, write.body)) as { name?: unknown };
      if (typeof created.name !== 'string' || created.name === '') {
        throw new InternalError(`Make created webhook "${write.local}" but did not say its name`);
      }
      ctx.webhooks.set(write.local, created.name);
      ctx.onRemoteName?.({ webhook: write.local, remote: created.name });
      return undefined;
    }
    case 'webhook.update':
      await sdk.webhooks.update(remoteWebhook(ctx, write.local), write.body);
      return undefined;
    case 'webhook.section':
      await sdk.webhooks.setSection(remoteWebhook(ctx, write.local), write.section, write.text);
      return undefined;
    case 'module.create': {
      // `subtype` is not in the SDK's type but is part of Make's create call for universal
      // modules; the object is passed through unchanged.
      const body: CreateSDKModuleBody = { ...write.body, moduleInitMode: 'blank' };
      await sdk.modules.create(app, version, body);
      return undefined;
    }
    case 'module.update': {
      const { metadata } = write;
      // Make's PATCH also takes `crud` and `altConnection` (make-app-format §15.1); the SDK's
      // type is narrower, hence the cast.
      const body: Record<string, unknown> = {
        label: metadata.label,
        description: metadata.description,
        connection: optionalRemote(ctx, metadata.connection),
        altConnection: optionalRemote(ctx, metadata.altConnection),
      };
      if (metadata.crud !== null) body.crud = metadata.crud;
      if (metadata.webhook !== null) body.webhook = remoteWebhook(ctx, metadata.webhook);
      await sdk.modules.update(app, version, write.name, body as unknown as UpdateSDKModuleBody);
      return undefined;
    }
    case 'module.section':
      await sdk.modules.setSection(app, version, write.name, write.section, write.text);
      return undefined;
  }
}

function remoteConnection(ctx: ExecutionContext, local: string): string {
  const remote = ctx.connections.get(local);
  if (remote === undefined) {
    throw new InternalError(`connection "${local}" has no remote name yet (it was not created)`);
  }
  return remote;
}

function remoteWebhook(ctx: ExecutionContext, local: string): string {
  const remote = ctx.webhooks.get(local);
  if (remote === undefined) {
    throw new InternalError(`webhook "${local}" has no remote name yet (it was not created)`);
  }
  return remote;
}

function optionalRemote(ctx: ExecutionContext, local: string | null): string | null {
  return local === null ? null : remoteConnection(ctx, local);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? `[${status}] ${error.message}` : error.message;
  }
  return String(error);
}
