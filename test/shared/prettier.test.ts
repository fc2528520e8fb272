// The one prettier wrapper formats generated files exactly as the repository's prettier check
// expects them, embedded JSON code blocks of Markdown pages included.
import { formatJson, formatMarkdown } from '../../lib/shared';

test('a JSON code block in Markdown is formatted as the prettier CLI formats it', async () => {
  const page = ['# Page', '', '```json', JSON.stringify({ list: [1], a: 'b' }, null, 2), '```', ''];
  const formatted = await formatMarkdown(page.join('\n'));
  expect(formatted).toBe(
    ['# Page', '', '```json', '{', '  "list": [1],', '  "a": "b"', '}', '```', ''].join('\n'),
  );
});

test('JSON files use the repository settings', async () => {
  expect(await formatJson('{"a":[1,2],"b":{"c":true}}')).toBe(
    '{ "a": [1, 2], "b": { "c": true } }\n',
  );
});
