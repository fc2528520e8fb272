import { didYouMean, editDistance } from '../../lib/shared/did-you-mean';

describe('editDistance', () => {
  test.each([
    ['iterate', 'iterate', 0],
    ['iterat', 'iterate', 1],
    ['itreate', 'iterate', 1], // transposition counts once
    ['paginaton', 'pagination', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('didYouMean', () => {
  const directives = ['iterate', 'output', 'limit', 'temp', 'trigger', 'wrapper', 'valid', 'error'];
  test.each([
    ['iterat', 'iterate'],
    ['Iterate', 'iterate'],
    ['outptu', 'output'],
    ['tmp', 'temp'],
    ['limt', 'limit'],
  ])('%s → %s', (word, expected) => {
    expect(didYouMean(word, directives)).toBe(expected);
  });

  test.each(['banana', 'x', 'response'])('nothing close for %s', (word) => {
    expect(didYouMean(word, directives)).toBeUndefined();
  });

  test('the exact word itself is not a suggestion', () => {
    expect(didYouMean('limit', ['limit'])).toBeUndefined();
  });

  test('ties go to the candidate listed first', () => {
    expect(didYouMean('bat', ['cat', 'hat'])).toBe('cat');
    expect(didYouMean('bat', ['hat', 'cat'])).toBe('hat');
  });
});
