// jest only transpiles (swc, isolatedModules in tsconfig): `npm run typecheck` is the type gate, so
// jest does not pay for a second type-check of every test file. swc also hoists `jest.mock` calls
// above the imports, as the one test that mocks a module needs. One worker per core plus one:
// jest's default leaves a core idle (on CI's two cores that halves the speed), and the tests wait
// on child processes, servers and timers for about a tenth of their time, which the extra worker
// fills (with two workers the cores were 77–99 % busy once the lint had finished, with three
// 96–100 %).
//
// `npm test` runs jest with --coverage to hold the IML engine to its bar (≥ 95 % of lib/iml's
// lines, by the IML suite itself). Only the `iml` project instruments code: the other tests run
// lib/iml too, and instrumenting it there cost about 7 s of every run for a figure the IML suite
// reaches alone. The rest of lib/ is measured on demand with
// `npx jest --coverage --collectCoverageFrom=…`.
const os = require('node:os');

const shared = {
  testEnvironment: 'node',
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
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: os.availableParallelism() + 1,
  // A hang guard, not a speed bar: jest's 5 s default failed a heavy test (every odd value through
  // every interface field) when a busy shared machine slowed a run by a fifth.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  collectCoverageFrom: ['lib/iml/**/*.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './lib/iml/': { lines: 95 },
  },
  projects: [
    { ...shared, displayName: 'iml', testMatch: ['<rootDir>/test/iml/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'rest',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/iml/'],
      coveragePathIgnorePatterns: ['.*'],
    },
  ],
};
