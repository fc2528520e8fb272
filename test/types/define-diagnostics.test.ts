// Where the compiler puts the error for a misspelt directive inside `defineModule`. The
// `@ts-expect-error` cases in define.test.ts prove an error exists on the typo's line; this
// test compiles small snippets with the TypeScript API and checks each yields exactly one
// error, on the misspelt key, naming it, and never blaming a valid sibling such as `iterate`.
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SNIPPET = path.join(ROOT, 'test/types/__define_snippet__.ts');

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true };
}

const options = compilerOptions();

let previous: ts.Program | undefined;

/** Type-checks one snippet (it may import `lib/define`) and returns its own diagnostics. */
function diagnose(body: string): Array<{ line: string; message: string }> {
  const source = `import { defineModule } from '../../lib/define';\n${body}\n`;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === SNIPPET
      ? ts.createSourceFile(file, source, language)
      : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === SNIPPET || fileExists(file);
  // Reusing the previous program spares re-parsing lib/ for every snippet.
  const program = ts.createProgram([SNIPPET], options, host, previous);
  previous = program;
  const file = program.getSourceFile(SNIPPET);
  if (!file) throw new Error('snippet not in program');
  const lines = source.split('\n');
  return ts.getPreEmitDiagnostics(program, file).map((d) => ({
    line:
      d.start === undefined ? '' : (lines[file.getLineAndCharacterOfPosition(d.start).line] ?? ''),
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

const SECTIONS =
  'connection: null, staticParameters: [], mappableParameters: [], interface: [], samples: {}, scope: [],';

function module(type: string, communication: string): string {
  return `export default defineModule({ name: 'm', label: 'L', description: 'D', type: '${type}', ${SECTIONS}
  communication: ${communication},
});`;
}

describe('defineModule reports a misspelt directive at the typo', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'search: paginaton next to response.iterate',
      'search',
      `{ url: '/x',
    response: { iterate: '{{body.items}}', limit: 10 },
    paginaton: { qs: {} } }`,
      'paginaton',
    ],
    [
      'search: outptu next to iterate',
      'search',
      `{ url: '/x',
    response: { iterate: '{{body.items}}',
      outptu: '{{item}}' },
    pagination: { qs: {} } }`,
      'outptu',
    ],
    [
      'trigger: paginaton',
      'trigger',
      `{ url: '/x',
    response: { iterate: '{{body}}', trigger: { type: 'id', order: 'desc', id: '{{item.id}}' } },
    paginaton: {} }`,
      'paginaton',
    ],
    [
      'action: qss',
      'action',
      `{ url: '/x',
    response: { output: '{{body}}' },
    qss: {} }`,
      'qss',
    ],
    [
      'universal: qss',
      'universal',
      `{ url: '/x',
    response: { output: '{{body}}' },
    qss: {} }`,
      'qss',
    ],
    [
      'instant_trigger: outptu',
      'instant_trigger',
      `{ response: {
    outptu: '{{body}}' } }`,
      'outptu',
    ],
    [
      'responder: bdy',
      'responder',
      `{ response: { status: 200,
    bdy: 'ok' } }`,
      'bdy',
    ],
  ];

  test.each(cases)('%s', (_title, type, communication, typo) => {
    const diagnostics = diagnose(module(type, communication));
    expect(diagnostics).toHaveLength(1);
    const [only] = diagnostics;
    expect(only?.line).toContain(`${typo}:`);
    expect(only?.message).toContain(`'${typo}'`);
    expect(only?.message).not.toContain('iterate');
  });

  test('a correct module compiles and keeps its literal name and variant', () => {
    const body = `const m = defineModule({ name: 'm', label: 'L', description: 'D', type: 'search', ${SECTIONS}
  communication: { url: '/x', response: { iterate: '{{body}}' } },
});
export const name: 'm' = m.name;
export const variant: import('../../lib/types').SearchModule = m;
// @ts-expect-error the result is narrowed to a search, not any module
export const notAction: import('../../lib/types').ActionModule = m;`;
    expect(diagnose(body)).toEqual([]);
  });
});
