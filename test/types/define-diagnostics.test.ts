// Where the compiler puts the error for a misspelt directive inside `defineModule`. The
// `@ts-expect-error` cases in define.test.ts prove an error exists on the typo's line; this
// test compiles small snippets with the TypeScript API and checks each yields exactly one
// error, on the misspelt key, naming it, and never blaming a valid sibling such as `iterate`.
import path from 'node:path';
import ts from 'typescript';
import { readTsconfig } from '../../scripts/tsconfig';

const ROOT = path.resolve(__dirname, '../..');
const snippetPath = (index: number): string =>
  path.join(ROOT, `test/types/__define_snippet_${index}__.ts`);

function compilerOptions(): ts.CompilerOptions {
  return { ...readTsconfig().options, noEmit: true };
}

type Diagnosed = Array<{ line: string; message: string }>;

/**
 * Type-checks every snippet (each may import `lib/define`) in one program, so lib/ and the
 * generated types are checked once, and returns each snippet's own diagnostics.
 */
function diagnoseAll(bodies: readonly string[]): Diagnosed[] {
  const sources = new Map(
    bodies.map((body, index) => [
      snippetPath(index),
      `import { defineModule } from '../../lib/define';\n${body}\n`,
    ]),
  );
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    const source = sources.get(path.resolve(file));
    return source === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, source, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => sources.has(path.resolve(file)) || fileExists(file);
  const program = ts.createProgram([...sources.keys()], options, host);
  return [...sources].map(([name, source]) => {
    const file = program.getSourceFile(name);
    if (!file) throw new Error(`${name} is not in the program`);
    const lines = source.split('\n');
    return ts.getPreEmitDiagnostics(program, file).map((d) => ({
      line:
        d.start === undefined
          ? ''
          : (lines[file.getLineAndCharacterOfPosition(d.start).line] ?? ''),
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  });
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

  const correct = `const m = defineModule({ name: 'm', label: 'L', description: 'D', type: 'search', ${SECTIONS}
  communication: { url: '/x', response: { iterate: '{{body}}' } },
});
export const name: 'm' = m.name;
export const variant: import('../../lib/types').SearchModule = m;
// @ts-expect-error the result is narrowed to a search, not any module
export const notAction: import('../../lib/types').ActionModule = m;`;
  let diagnosed: Diagnosed[] = [];
  beforeAll(() => {
    diagnosed = diagnoseAll([
      ...cases.map(([, type, communication]) => module(type, communication)),
      correct,
    ]);
  }, 60_000);

  test.each(cases.map((entry, index) => [...entry, index] as const))(
    '%s',
    (_title, _type, _communication, typo, index) => {
      const diagnostics = diagnosed[index] ?? [];
      expect(diagnostics).toHaveLength(1);
      const [only] = diagnostics;
      expect(only?.line).toContain(`${typo}:`);
      expect(only?.message).toContain(`'${typo}'`);
      expect(only?.message).not.toContain('iterate');
    },
  );

  test('a correct module compiles and keeps its literal name and variant', () => {
    expect(diagnosed[cases.length]).toEqual([]);
  });
});
