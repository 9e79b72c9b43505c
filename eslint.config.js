import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'zlib', 'util']

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'docs/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parsers of untrusted bytes match control characters on purpose.
      'no-control-regex': 'off',
      quotes: ['error', 'single', { avoidEscape: true, allowTemplateLiterals: true }]
    }
  },
  {
    // Only the Electron glue may touch Electron.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/electron/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/electron/ and src/preload/ may import electron.' }] }]
    }
  },
  {
    // The contract is runtime-neutral: no Node, no Electron, no DOM, no backend, no UI.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared must not import electron.' }],
          patterns: [
            { group: nodeBuiltins, message: 'src/shared must not import Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom', 'better-sqlite3'], message: 'src/shared imports nothing runtime-specific.' }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require']
    }
  },
  {
    // The UI talks to the backend only through the contract.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to window.annalist only.' }],
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer never imports main or preload.' },
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' }
          ]
        }
      ]
    }
  },
  {
    // Hooks called in order, effects with their real dependencies, render kept pure.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx', 'test/renderer/**/*.ts', 'test/renderer/**/*.tsx'],
    ...reactHooks.configs.flat.recommended
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload depends on the contract only.' }] }]
    }
  }
)
