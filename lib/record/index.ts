// Record and replay: capture a module run's HTTP exchanges, write them as a scrubbed nock
// fixture plus a small metadata file that says how to replay it.
import fs from 'node:fs';
import path from 'node:path';
import { formatJson } from '../shared';
import type { Exchange } from './exchange';
import { buildFixture, renderFixture } from './fixture';
import type { KnownSecrets } from './scrub';

export { createCapture, RecordError, type Capture } from './capture';
export type { Exchange } from './exchange';
export { RECORDED_CREDENTIALS } from './fakes';
export { buildFixture, FixtureLeakError, renderFixture, type FixtureDefinition } from './fixture';
export { sensitiveKind, type KnownSecrets } from './scrub';
export { scanForLeaks, type LeakFinding } from './scan';
export { detect, type Finding } from './detect';

/** What `<fixture>.meta.json` holds: everything a replay needs besides the fixture. */
export interface RecordingMeta {
  module: string;
  /** The run's parameters, scrubbed with the same fakes as the fixture. */
  parameters: Record<string, unknown>;
  /** The run's clock, ISO: replay with the same `now` so date defaults match. */
  now: string;
  /** Where it was recorded (simulator, sandbox, production, url). */
  target: string;
  /** The connection to replay with: RECORDED_CREDENTIALS and this environment. */
  environment: string;
}

export function metaPathFor(fixturePath: string): string {
  return fixturePath.replace(/(\.json)?$/, '.meta.json');
}

export interface WriteRecordingOptions {
  out: string;
  exchanges: Exchange[];
  /** The connection parameters used (credentials to scrub, environment to replay with). */
  secrets: Record<string, unknown>;
  meta: { module: string; parameters: Record<string, unknown>; now: Date; target: string };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export async function writeRecording(options: WriteRecordingOptions): Promise<{
  definitions: number;
  metaFile: string;
}> {
  const secrets: KnownSecrets = {};
  const clientId = text(options.secrets.clientId);
  const clientSecret = text(options.secrets.clientSecret);
  const basicToken = text(options.secrets.basicToken);
  if (clientId) secrets.clientId = clientId;
  if (clientSecret) secrets.clientSecret = clientSecret;
  if (basicToken) secrets.basicToken = basicToken;
  const recording = buildFixture(options.exchanges, secrets, [options.meta.parameters]);
  const meta: RecordingMeta = {
    module: options.meta.module,
    parameters: recording.scrub(options.meta.parameters) as Record<string, unknown>,
    now: options.meta.now.toISOString(),
    target: options.meta.target,
    environment: text(options.secrets.environment) ?? 'production',
  };
  // Formatted like the repository's other JSON, so a recorded fixture passes format:check.
  const fixtureText = await formatJson(renderFixture(recording.definitions));
  const metaText = await formatJson(JSON.stringify(meta));
  recording.assertClean('meta.json', JSON.parse(metaText));
  const metaFile = metaPathFor(options.out);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, fixtureText);
  fs.writeFileSync(metaFile, metaText);
  return { definitions: recording.definitions.length, metaFile };
}
