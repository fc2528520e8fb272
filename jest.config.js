// jest only transpiles (swc, isolatedModules in tsconfig): `npm run typecheck` is the type gate, so
// jest does not pay for a second type-check of every test file. swc also hoists `jest.mock` calls
// above the imports, as the one test that mocks a module needs. Every core runs a worker (jest's
// default leaves one idle, which on CI's two cores halves the speed).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // `npm test` runs jest with --coverage to hold the IML engine to its bar (issue: ≥ 95 % lines);
  // the rest of lib/ is measured on demand with `npx jest --coverage --collectCoverageFrom=…`.
  collectCoverageFrom: ['lib/iml/**/*.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './lib/iml/': { lines: 95 },
  },
};
