import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', 'notebooks/**/*.html'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Pure simulation code runs the same in a browser worker and a Node worker thread:
    // no Node API, no DOM, no global randomness.
    files: ['src/sim/**/*.ts', 'src/strategies/**/*.ts', 'src/fit/**/*.ts', 'src/scenario/**/*.ts', 'src/stats/**/*.ts', 'src/format/**/*.ts', 'src/schema/**/*.ts', 'src/diagnose/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass an Rng in; randomness is never global.' }],
    },
  },
  {
    // The schema layer knows nothing of the domain: it imports only its own files.
    files: ['src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*', 'node:*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', '**/strategies/**', '**/scenario/**'] }],
    },
  },
);
