import { compileApp, renderFiles } from '../../lib/compile';
import { renderFile } from '../../lib/compile/render';
import { FIXTURE_APPS } from './support/fixtures';

describe('renderFiles', () => {
  test('JSON is formatted with the repository prettier config', async () => {
    const text = await renderFile('x.json', { a: "it's", list: [1, 2], nested: { b: true } });
    expect(text).toBe(
      '{\n  "a": "it\'s",\n  "list": [1, 2],\n  "nested": {\n    "b": true\n  }\n}\n',
    );
  });

  test('long arrays wrap at the configured print width (100)', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `item-${i}`);
    const lines = (await renderFile('x.json', items)).split('\n');
    expect(lines.every((line) => line.length <= 100)).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
  });

  test('the README keeps its text and gets exactly one trailing newline', async () => {
    expect(await renderFile('README.md', '# Title\n\nBody')).toBe('# Title\n\nBody\n');
    expect(await renderFile('README.md', '# Title\n')).toBe('# Title\n');
  });

  test('a non-JSON file must be text', async () => {
    await expect(renderFile('README.md', { a: 1 })).rejects.toThrow(
      'README.md: expected text for a non-JSON file',
    );
  });

  test.each(FIXTURE_APPS)('%s: two renders are byte-identical', async (_name, app) => {
    const files = compileApp(app);
    const first = await renderFiles(files);
    const second = await renderFiles(files);
    expect([...second]).toEqual([...first]);
  });

  test.each(FIXTURE_APPS)(
    '%s: every JSON file parses back to the compiled value',
    async (_name, app) => {
      const files = compileApp(app);
      for (const [path, text] of await renderFiles(files)) {
        if (path.endsWith('.json')) expect(JSON.parse(text)).toEqual(files.get(path));
      }
    },
  );
});
