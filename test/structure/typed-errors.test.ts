// The tooling throws typed errors only (issue 10): every error class carries a `code`, and no
// file under lib/ throws a plain Error, which a caller could not tell apart.
import fs from 'node:fs';
import path from 'node:path';
import { AppModuleError, JsoncError } from '../../lib/compile';
import { parseJsonc } from '../../lib/compile/jsonc';
import { loadAppModule } from '../../lib/compile/app-module';
import { createSimulator } from '../../lib/simulator';
import { SimulatorOptionError } from '../../lib/simulator/errors';
import { typeScriptFiles } from '../support/source-files';

const LIB = path.resolve(__dirname, '..', '..', 'lib');

// The JavaScript a custom-function sandbox runs is kept as text in this file: it throws in the
// sandbox's own realm, where the tooling's typed errors do not exist.
const SANDBOX_REALM = path.join(LIB, 'iml', 'sandbox-realm.ts');

test('no file under lib/ throws a plain Error', () => {
  const plain = typeScriptFiles(LIB)
    .filter((file) => file !== SANDBOX_REALM)
    .filter((file) => fs.readFileSync(file, 'utf8').includes('throw new Error('))
    .map((file) => path.relative(LIB, file));
  expect(plain).toEqual([]);
});

test('tooling errors are typed and keep their message and cause', async () => {
  const jsonc = (() => {
    try {
      parseJsonc('{ "a": ', 'modules/x.iml.json');
    } catch (error) {
      return error;
    }
    return undefined;
  })();
  expect(jsonc).toBeInstanceOf(JsoncError);
  expect(jsonc).toMatchObject({ code: 'JSONC_INVALID', name: 'JsoncError' });
  expect((jsonc as Error).message).toMatch(/^modules\/x\.iml\.json: not valid JSON\(C\)/);
  expect((jsonc as Error).cause).toBeInstanceOf(Error);

  await expect(loadAppModule('/nonexistent/app.ts')).rejects.toBeInstanceOf(AppModuleError);
  expect(() => createSimulator({ size: -1 })).toThrow(SimulatorOptionError);
});
