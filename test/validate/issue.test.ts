import { formatIssue } from '../../lib/validate';
import { compareIssues } from '../../lib/validate/issue';

describe('formatIssue', () => {
  test('component: file#pointer: message [rule]', () => {
    expect(
      formatIssue({
        component: 'module a',
        file: 'm/a.json',
        pointer: '/x/0',
        rule: 'r',
        message: 'bad',
      }),
    ).toBe('module a: m/a.json#/x/0: bad [r]');
  });
  test('the whole file: no pointer', () => {
    expect(
      formatIssue({ component: 'app', file: 'README.md', pointer: '', rule: 'r', message: 'bad' }),
    ).toBe('app: README.md: bad [r]');
  });
  test('issues sort by file, then pointer', () => {
    const a = { component: 'x', file: 'a', pointer: '/2', rule: 'r', message: 'm' };
    const b = { component: 'x', file: 'a', pointer: '/10', rule: 'r', message: 'm' };
    const c = { component: 'x', file: 'b', pointer: '', rule: 'r', message: 'm' };
    expect([c, a, b].sort(compareIssues)).toEqual([b, a, c]);
  });
});
