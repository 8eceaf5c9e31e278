/*
 * ESLint 9 flat config: eslint-plugin-office-addins' recommended + react configs (Office.js
 * batching rules, typescript-eslint parser), applied to the TypeScript files under src/ (.ts and .tsx).
 *   npm run lint        npm run lint:fix
 */
'use strict';

const officeAddins = require('eslint-plugin-office-addins');
// Required directly: the plugin's configs set `parser: require(...).default`, which is undefined for
// @typescript-eslint/parser 8 (no default export), so ESLint would fall back to espree.
const tsParser = require('@typescript-eslint/parser');

// Browser globals: the `globals` package ships with ESLint 9 (via @eslint/eslintrc). A small
// fallback keeps the config loadable should it ever stop being installed alongside ESLint.
let browserGlobals;
try {
  browserGlobals = require('globals').browser;
} catch {
  browserGlobals = Object.fromEntries(
    [
      'window',
      'document',
      'navigator',
      'console',
      'location',
      'localStorage',
      'sessionStorage',
      'fetch',
      'URL',
      'URLSearchParams',
      'Blob',
      'File',
      'FileReader',
      'TextEncoder',
      'TextDecoder',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'performance',
      'crypto',
      'atob',
      'btoa',
      'HTMLElement',
      'HTMLInputElement',
      'Event',
      'CustomEvent',
      'KeyboardEvent',
      'MouseEvent',
      'DOMParser',
      'XMLSerializer',
      'structuredClone',
      'queueMicrotask',
      'AbortController',
      'Intl',
    ].map((name) => [name, 'readonly']),
  );
}

const officeGlobals = { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' };

// The plugin's own block (parser, plugins, Office.js rules) only matches .ts/.js, not .tsx;
// reuse its plugin objects so the same rules run on every .ts and .tsx file in src.
const pluginBlock = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins['office-addins']);
const reactBlock = officeAddins.configs.react.find((c) => c.plugins && c.plugins.react);

/*
 * Boundaries between the folders of src (issue 12): engine → nothing outside the engine (not even a
 * package: it is pure TypeScript); excel → engine; taskpane → engine, excel; cli → engine;
 * workbench → anything but cli; docx (the report as a Word document, shared by the CLI's --report
 * and the pane's download) → engine and the docx package; cli and taskpane may import docx;
 * nothing in src → test/. The engine may read the presets (rules/*.json: data). Checked on the import text with
 * `no-restricted-imports`, one block per folder depth, since "../" means the folder's parent in
 * src/x/*.ts and the folder itself in src/x/y/*.ts.
 */
const NO_TEST = {
  regex: '^(\\.\\./)+test(/|$)',
  message: 'Nothing in src imports test/ (fixtures and helpers live there; the fake host is tools/fake-excel).',
};
// "../engine/../cli" would slip past the folder checks below.
const NO_BACKTRACK = {
  regex: '[^./]/\\.\\.(/|$)',
  message: 'Write the import without going back up after going down.',
};

/** A block restricting the files `files` (at `depth` folders under src) to import only `allowed` folders of src. */
function boundary(files, depth, allowed, extra = [], data = []) {
  const up = '\\.\\./'.repeat(depth);
  const open = [...allowed.map((a) => `${a}(/|$)`), ...data];
  const allow = open.length > 0 ? `(?!(${open.join('|')}))` : '';
  const message = `${files}: may import ${allowed.length > 0 ? allowed.map((a) => `src/${a}`).join(', ') : 'nothing outside its folder'} (issue 12's boundaries).`;
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^${up}${allow}`, message }, NO_TEST, NO_BACKTRACK, ...extra] },
      ],
    },
  };
}

const NO_PACKAGES = { regex: '^[^.]', message: 'The engine is pure TypeScript: no package, no Node module.' };
const NO_CLI = { regex: '^(\\.\\./)+cli(/|$)', message: 'The workbench does not import the CLI.' };

const boundaries = [
  // The rule-set presets are data (rules/*.json at the repository's root), not code.
  boundary('src/engine/*.ts', 1, [], [NO_PACKAGES], ['\\.\\./rules/[\\w.-]+\\.json$']),
  boundary('src/engine/*/*.ts', 2, ['engine'], [NO_PACKAGES]),
  boundary(
    'src/excel/*.ts',
    1,
    ['engine'],
    [{ regex: '^[^.]', message: 'src/excel talks to Excel through the Office.js globals only.' }],
  ),
  boundary('src/taskpane/*.{ts,tsx}', 1, ['engine', 'excel', 'docx']),
  boundary('src/taskpane/*/*.{ts,tsx}', 2, ['engine', 'excel', 'taskpane', 'docx']),
  boundary('src/cli/*.ts', 1, ['engine', 'docx']),
  boundary('src/cli/*/*.ts', 2, ['engine', 'cli']),
  boundary('src/docx/*.ts', 1, ['engine']),
  boundary('src/commands/*.ts', 1, ['engine', 'excel']),
  {
    files: ['src/workbench/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLI, NO_TEST, NO_BACKTRACK] }] },
  },
];

module.exports = [
  { ignores: ['dist/**', 'build/**', 'coverage/**', 'node_modules/**', 'test-artifacts/**'] },
  ...officeAddins.configs.react,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { ...pluginBlock.plugins, react: reactBlock.plugins.react },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...browserGlobals, ...officeGlobals },
    },
    settings: { react: { version: 'detect' } },
    rules: {
      ...pluginBlock.rules,
      // Office.js batching rules, enforced.
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      // The project has no Prettier config of its own (its code uses single quotes and long
      // lines); formatting is not what this lint is for.
      'prettier/prettier': 'off',
      // TypeScript resolves identifiers and types; the core rules misfire on TS-only syntax.
      'no-undef': 'off',
      'no-redeclare': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // New JSX transform (tsconfig "jsx": "react-jsx") and TypeScript props instead of prop-types.
      'react/react-in-jsx-scope': 'off',
      'react/jsx-uses-react': 'off',
      'react/prop-types': 'off',
    },
  },
  ...boundaries,
  // Functions a person can hold in mind (issue 12, item 7).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      complexity: ['error', 15],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
];
