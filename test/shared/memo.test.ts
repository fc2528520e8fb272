import { memoize } from '../../lib/shared';

test('memoize computes each key once, and starts over past its bound', () => {
  const calls: string[] = [];
  const upper = memoize((key: string) => {
    calls.push(key);
    return key.toUpperCase();
  }, 2);
  expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
  expect(calls).toEqual(['a', 'b']);
  // A third key clears the two remembered ones: 'a' is computed again.
  expect([upper('c'), upper('a'), upper('c')]).toEqual(['C', 'A', 'C']);
  expect(calls).toEqual(['a', 'b', 'c', 'a']);
});
