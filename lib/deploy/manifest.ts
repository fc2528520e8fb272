// The app's name, version and metadata come from the manifest the build writes beside Make's
// layout (`general/manifest.json`; makecomapp.json itself has no place for them).
import fs from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../compile';
import type { DeployManifest } from './plan';
import { DeployInputError } from './input-error';

export const MANIFEST_FILE = 'general/manifest.json';

const STRING_KEYS = ['name', 'label', 'description', 'theme', 'language', 'audience'] as const;

export function readDeployManifest(distDir: string): DeployManifest {
  const file = path.join(distDir, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new DeployInputError(
      'DIST_INVALID',
      `${file} not found: build the app first (hotmart-make build)`,
    );
  }
  const value = parseJsonc(fs.readFileSync(file, 'utf8'), file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DeployInputError('DIST_INVALID', `${file}: expected a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const manifest: Record<string, unknown> = {};
  for (const key of STRING_KEYS) {
    const field = record[key];
    if (typeof field !== 'string')
      throw new DeployInputError('DIST_INVALID', `${file}: "${key}" must be a string`);
    manifest[key] = field;
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DeployInputError('DIST_INVALID', `${file}: "version" must be a positive integer`);
  }
  return { ...(manifest as Omit<DeployManifest, 'version'>), version };
}
