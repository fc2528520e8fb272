// Generated module documentation: `docs/modules/<id>.md` for every module plus an index, all
// derived from the built app (the compiled files read back, exactly what `dist/` holds) and from
// a deterministic simulator run. Committed and drift-checked.
import { appFromFiles, compileApp } from '../compile';
import { loadAppModule } from '../compile';
import type { App } from '../types';
import { formatIssue, validateApp } from '../validate';
import { runExample } from './example';
import { checkBuiltExamples, type ExampleCheck } from './example-check';
import { sourceExamples } from '../harness';
import { formatMarkdown, narrowWidth } from '../shared';
import { renderIndex, renderModulePage } from './render';
import { ToolError } from '../shared';

/** The docs cannot be generated from this app (it does not validate, a module is missing). */
export class DocsInputError extends ToolError<'DOCS_INPUT_INVALID'> {}

/** An example run failed: a page would publish the failure instead of an example. */
export class DocsExampleError extends ToolError<'DOCS_EXAMPLE_FAILED'> {}

export { BANNER } from './render';

/** Repository-relative folder of the generated pages. */
export const DOCS_DIR = 'docs/modules';

const DEFAULT_HOST = 'https://developers.hotmart.com';

/** The app exactly as the build writes it (compile, then read the files back). */
export function builtApp(source: unknown): App {
  const issues = validateApp(source);
  if (issues.length > 0) {
    throw new DocsInputError(
      'DOCS_INPUT_INVALID',
      `the app definition has ${issues.length} problem(s); fix them before generating docs:\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
    );
  }
  return appFromFiles(compileApp(source as App)) as App;
}

/**
 * The example run of every module whose source declares one, compared with its interface. The
 * source has passed validation (the build checks it first), so it is only compiled here, and not
 * at all when no module declares an example.
 */
export async function checkExamples(source: App): Promise<ExampleCheck[]> {
  if (sourceExamples(source).modules.size === 0) return [];
  return checkBuiltExamples(appFromFiles(compileApp(source)) as App, source);
}

/**
 * Every generated page: repository-relative path → file content. `only` limits the module pages
 * (and their example runs) to these modules; the index is always generated.
 */
export async function generateDocs(
  source: unknown,
  options: { only?: readonly string[] } = {},
): Promise<Map<string, string>> {
  const app = builtApp(source);
  // The build drops the examples (they are not Make's), so they are read from the source.
  const examples = sourceExamples(source as App);
  const files = new Map<string, string>();
  files.set(`${DOCS_DIR}/README.md`, await prettierForm(renderIndex(app.modules)));
  const failed: string[] = [];
  for (const module of app.modules) {
    if (options.only !== undefined && !options.only.includes(module.name)) continue;
    const example = await runExample(app, module, examples.modules.get(module.name));
    if (example.error !== undefined) failed.push(`${module.name}: ${example.error}`);
    const host = example.request ? new URL(example.request.url).origin : DEFAULT_HOST;
    files.set(
      `${DOCS_DIR}/${module.name}.md`,
      await prettierForm(
        renderModulePage(
          module,
          example,
          host,
          app.webhooks?.find((w) => w.name === (module as { webhook?: unknown }).webhook),
        ),
      ),
    );
  }
  if (failed.length > 0) {
    throw new DocsExampleError(
      'DOCS_EXAMPLE_FAILED',
      `${failed.length} example run(s) failed against the simulator, so no page was written:\n${failed.map((line) => `  ${line}`).join('\n')}\nGive the module an example that works (the \`example\` field of its source) or fix the module.`,
    );
  }
  return files;
}

/**
 * A rendered page in prettier's form. The renderer writes that form itself (markdown.ts), which
 * saves loading prettier and about 0.6 s of CPU per generation; a page with a character prettier
 * does not count as one column wide still goes through prettier, which measures it its own way.
 * Text from the app (labels, descriptions, help) is written as it is: docs.test.ts checks that
 * prettier leaves every page of this app unchanged.
 */
function prettierForm(page: string): Promise<string> {
  const narrow = page.split('\n').every((line) => narrowWidth(line) !== undefined);
  return narrow ? Promise.resolve(page) : formatMarkdown(page);
}

/** Same, loading the app module from a path (`app/index.ts`). */
export async function generateDocsFromModule(
  appPath: string,
  options: { only?: readonly string[] } = {},
): Promise<Map<string, string>> {
  return generateDocs(await loadAppModule(appPath), options);
}

/**
 * Entries for `scripts/generated-files.ts`: one per page, all served by one generation run.
 * `moduleNames` lists the app's modules (the registry is static; the names come from the app).
 */
export function docsGeneratedFiles(
  loadSource: () => Promise<unknown>,
  moduleNames: readonly string[],
): Array<{ path: string; command: string; generate(): Promise<string> }> {
  let all: Promise<Map<string, string>> | undefined;
  const pages = (): Promise<Map<string, string>> => {
    all ??= loadSource().then((source) => generateDocs(source));
    return all;
  };
  return [`${DOCS_DIR}/README.md`, ...moduleNames.map((name) => `${DOCS_DIR}/${name}.md`)].map(
    (path) => ({
      path,
      command: 'npm run docs',
      async generate() {
        const text = (await pages()).get(path);
        if (text === undefined)
          throw new DocsInputError('DOCS_INPUT_INVALID', `${path}: no such module in the app`);
        return text;
      },
    }),
  );
}
