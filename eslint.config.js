import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'zlib', 'util']

const onlyElectronGlue = { name: 'electron', message: 'Only src/main/electron/ and src/preload/ may import electron.' }

/**
 * Layers inside src/main (the way VS Code's code-layering rule works): each folder, and each
 * top-level module, may import only the layers below it. Relative specifiers climb with `../`
 * to a sibling folder, so `^(../)+name(/|$)` is an import of src/main/name from anywhere below.
 * Folders and modules of src/main, lowest first, with what each may import.
 */
const MAIN_LAYERS = {
  platform: [],
  security: [],
  version: [],
  archive: ['platform', 'version'],
  // Import cleans earlier articles of a line it learns is boilerplate: their citations are
  // re-anchored and their proposals refreshed, as any article edit does.
  import: ['archive', 'chronology', 'entities', 'platform', 'version'],
  chronology: ['archive', 'platform'],
  // Named entities: grouping, corrections and extraction jobs over the archive's tables.
  entities: ['archive', 'platform'],
  search: ['archive', 'entities', 'platform'],
  articles: ['archive', 'chronology', 'entities', 'platform'],
  export: ['archive', 'chronology', 'entities', 'platform', 'version'],
  firstrun: ['archive', 'chronology', 'import', 'platform'],
  api: ['archive', 'articles', 'chronology', 'entities', 'export', 'import', 'search', 'platform', 'version'],
  backend: ['api', 'archive', 'platform'],
  // The backend host runs createBackend in threads; the writer also opens the archive, seeds the
  // first-run sample and folds the search vocabulary, which readers cannot write.
  host: ['backend', 'archive', 'search', 'firstrun', 'platform', 'version'],
  // Transports: they reach the backend through api/ and backend.ts. Opening the archive at
  // startup (archive/archive, archive/location) and the first-run sample stay with them.
  electron: ['api', 'backend', 'security', 'platform', 'version', 'firstrun', 'host', 'archive/archive', 'archive/location'],
  server: ['api', 'backend', 'security', 'platform', 'version', 'host'],
  // Restore fills a new, empty archive folder rather than acting on the open one (docs/DESIGN.md).
  cli: ['api', 'backend', 'security', 'platform', 'version', 'host', 'server', 'firstrun', 'archive/archive', 'archive/location', 'archive/recent', 'archive/maintenance/restore']
}
/** Parts of src/main whose SQL has moved into archive/repo (see the rule using it below). */
const SQL_FREE = [
  'chronology/**/*.ts',
  'articles/**/*.ts',
  'entities/**/*.ts',
  'search/saved.ts',
  'search/meta.ts',
  'search/filters.ts',
  'export/**/*.ts',
  'api/**/*.ts',
  'host/**/*.ts',
  'server/**/*.ts',
  'cli/**/*.ts',
  'electron/**/*.ts',
  'backend.ts',
  'firstrun.ts'
]

const TOP_LEVEL_MODULES = new Set(['version', 'firstrun', 'backend'])

/** The no-restricted-imports pattern refusing every src/main layer `layer` may not import. */
function layerPattern(layer) {
  const allowed = MAIN_LAYERS[layer]
  const names = Object.keys(MAIN_LAYERS).filter((name) => name !== layer && !allowed.includes(name))
  // A layer allowed only in part (archive/archive) is refused apart from those modules.
  const partial = [...new Set(allowed.filter((a) => a.includes('/')).map((a) => a.split('/')[0]))]
  const whole = names.filter((n) => !partial.includes(n))
  const parts = [`(?:${whole.join('|')})(?:/|$)`]
  for (const folder of partial) {
    const modules = allowed.filter((a) => a.startsWith(`${folder}/`)).map((a) => a.slice(folder.length + 1))
    parts.push(`${folder}/(?!(?:${modules.join('|')})$)`)
  }
  return {
    regex: `^(?:\\.\\./)+(?:${parts.join('|')})`,
    message: `src/main/${layer} may import only ${allowed.length ? allowed.join(', ') : 'shared code'} from src/main (layers in eslint.config.js).`
  }
}

/**
 * Dependencies the backend loads on first use (platform/lazy-require.ts), never at startup: every
 * backend thread loads the whole backend, and these took 120 of its 200 ms. Types may be imported.
 */
const LOADED_ON_FIRST_USE = ['chrono-node', 'markdown-it', 'jschardet', 'iconv-lite'].map((name) => ({
  name,
  allowTypeImports: true,
  message: `${name} is loaded on first use: take it from the module that wraps it in lazyRequire.`
}))

function mainLayers() {
  return Object.keys(MAIN_LAYERS).map((layer) => ({
    files: TOP_LEVEL_MODULES.has(layer) ? [`src/main/${layer}.ts`] : [`src/main/${layer}/**/*.ts`],
    rules: {
      // The typescript-eslint twin of no-restricted-imports, so the Electron rule above still applies.
      '@typescript-eslint/no-restricted-imports': ['error', { paths: LOADED_ON_FIRST_USE, patterns: [layerPattern(layer)] }]
    }
  }))
}

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
    // Promises nobody awaits lose their errors: every promise in src is awaited, returned, or
    // handed to something that reports its failure. Needs types, so only src is type-checked here.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  {
    // Only the Electron glue may touch Electron.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/electron/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [onlyElectronGlue] }]
    }
  },
  ...mainLayers(),
  {
    // SQL lives in the archive layer (named functions in archive/repo). The files listed have
    // none left; the rest of src/main still holds some and joins the list once it is moved.
    files: SQL_FREE.map((path) => `src/main/${path}`),
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']",
          message: 'SQL belongs in src/main/archive: call a named function of archive/repo instead of preparing a statement here.'
        },
        {
          selector: 'ImportDeclaration[source.value=/archive\\/(sql|statements)$/]',
          message: 'SQL belongs in src/main/archive: call a named function of archive/repo instead of writing a query here.'
        }
      ]
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
