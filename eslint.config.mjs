// @ts-check
// ESLint over every hand-written file: typescript-eslint's strict, type-checked rules. Generated
// code and build output are left out; `npm run lint:code` runs this with zero warnings allowed.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The rules that police values typed `any`, for files whose values have no other type. */
const ANY_ALLOWED = Object.fromEntries(
  ['no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return'].map((rule) => [
    `@typescript-eslint/${rule}`,
    'off',
  ]),
);

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/*/src/generated/**',
      '.stryker-tmp*/**',
      'reports/**',
      'coverage/**',
      'test-results/**',
      '.venv/**',
      'packages/client/.readme-examples/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers read naturally in messages; objects, undefined and null still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // An `async` function that awaits nothing still says it returns a promise, and turns a throw
      // into a rejection; that beats wrapping results in Promise.resolve().
      '@typescript-eslint/require-await': 'off',
      // `interface EnhancedConnection extends Schemas['…'] {}` gives a schema a name hovers show.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `_name` marks a binding kept on purpose: a rest sibling left out, a tuple slot skipped.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // In tests a wrong non-null assertion throws, and the test fails: that is the assertion.
    files: ['**/test/**', '**/test-d/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // These tests walk documents that have no TypeScript type: the OpenAPI spec they edit or
    // validate against, and the JSON reports of external tools (attw, npm pack, oasdiff).
    files: ['scripts/test/**', 'packages/types/test/**'],
    rules: { ...ANY_ALLOWED, '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Type tests are compiled, never run: their statements exist to be type-checked, and the
    // `Equal<A, B>` idiom needs its single-use type parameters.
    files: ['**/test-d/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Plain JavaScript has no declared types: every parsed JSON or YAML value is `any`, so the
    // rules that police `any` would flag each use without finding a bug. The other type-aware rules
    // (floating promises, unnecessary conditions, ...) still apply.
    files: ['**/*.mjs', '**/*.cjs'],
    rules: {
      ...ANY_ALLOWED,
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
