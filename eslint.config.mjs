// typescript-eslint, type-aware: the recommended rules (`npm run lint`, part of `npm test`). Import
// structure is checked by scripts/check-imports.ts (layers and cycles), not here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'lib/types/*.generated.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // It judges an assertion by the receiving variable's declared type, not by the narrowing
      // the next lines rely on; with noUncheckedIndexedAccess its fixes break `tsc`.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `_name` marks a value left out on purpose (rest destructuring, unused tuple slots).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read JSON.parse results and jest's asymmetric matchers, which are `any` by design.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Test helpers stringify whatever a run produced to search it for leaks.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
