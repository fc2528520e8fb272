// Make's own editor schemas (../shared/make-editor-schemas, beside the checkout), loaded the way
// their README says, and the file-name → schema mapping of Make's VS Code extension. Tests only:
// the project never needs this folder at run time.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MAKE_SCHEMAS_DIR = path.resolve(__dirname, '../../../../shared/make-editor-schemas');

/**
 * Fails with one line that says what is missing and where it comes from, instead of a raw
 * ENOENT from deep inside the loader.
 */
export function assertSchemasPresent(dir = MAKE_SCHEMAS_DIR): void {
  if (!existsSync(path.join(dir, 'imljson'))) {
    throw new Error(
      `Make's editor schemas are missing: expected ${dir} (the make-editor-schemas folder of ../shared, beside the checkout, as CI has it; README "Quick start").`,
    );
  }
}

function loadAjv(): Ajv {
  assertSchemasPresent();
  // strict off and no `u` flag: Make's schemas use non-standard keywords and one pattern escape
  // the unicode flag rejects (see the folder's README).
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const dir = path.join(MAKE_SCHEMAS_DIR, 'imljson');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<
      string,
      unknown
    >;
    ajv.addSchema(schema, file);
  }
  const makecomapp = JSON.parse(
    readFileSync(path.join(MAKE_SCHEMAS_DIR, 'local-development/makecomapp.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  ajv.addSchema(makecomapp, 'makecomapp.schema.json');
  return ajv;
}

/** Make's mapping (README table); static params use parameters.json, scope files scope.json. */
const MAPPING: ReadonlyArray<[RegExp, string]> = [
  [/(^|\/)makecomapp\.json$/, 'makecomapp.schema.json'],
  [/\.(params|mappable-params|static-params|interface)\.iml\.json$/, 'parameters.json'],
  [/\.(communication|attach|detach)\.iml\.json$/, 'api.json'],
  [/\.oauth-communication\.iml\.json$/, 'api-oauth.json'],
  [/(^|\/)base\.iml\.json$/, 'base.json'],
  [/\.samples\.iml\.json$/, 'samples.json'],
  [/\.scope-list\.iml\.json$/, 'scopes.json'],
  [/\.(default-scope|required-scope|scope)\.iml\.json$/, 'scope.json'],
  [/\.epoch\.iml\.json$/, 'epoch.json'],
  [/(^|\/)groups\.json$/, 'groups.json'],
  [/(^|\/)common\.json$|\.common\.json$/, 'common.json'],
];

/** Files that are not Make's: the project's manifest addition and the Markdown readme. */
export const NOT_MAKE_FILES = new Set(['general/manifest.json', 'README.md']);

let ajv: Ajv | undefined;

export function makeSchemaFor(file: string): string | undefined {
  // oauth-communication also ends with "communication.iml.json": test it first.
  if (/\.oauth-communication\.iml\.json$/.test(file)) return 'api-oauth.json';
  return MAPPING.find(([pattern]) => pattern.test(file))?.[1];
}

export function makeValidator(schema: string): ValidateFunction {
  ajv ??= loadAjv();
  const validate = ajv.getSchema(schema);
  if (validate === undefined) throw new Error(`Make schema ${schema} is not loaded`);
  return validate;
}
