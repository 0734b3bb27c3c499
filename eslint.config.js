import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import formatjs from 'eslint-plugin-formatjs';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder in src/features is a feature, so a new one is kept apart without a list to
// update; src/app/sections.test.tsx checks each is a section (decision 0013).
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.vite',
      'node_modules',
      'test-results',
      'playwright-report',
      '.cert',
      '.vite',
      // Deliberately broken: emulator/test/import-cycles.test.ts lints it on its own.
      'emulator/test/fixtures/import-cycle',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    // Without a resolver import-x cannot follow extensionless .ts(x) imports, and the path zones
    // below would never match anything.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // A circle of imports makes load order matter and hides which module owns what.
    files: ['{src,emulator,deploy,bench,tests}/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    // no-cycle parses every module it follows: the plugin's TypeScript preset says how.
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-console': 'error',
      // Dialogs focus their safe choice (Cancel) on purpose; that is a component prop, not DOM.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
      // Layering runs one way: app -> features -> shared (graph, auth, components, config, lib).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/!(app|testing)/**',
              from: './src/app',
              message: 'Nothing imports app/ (but the test harness, which renders through it).',
            },
            {
              target: ['./src/!(testing)/**/!(*.test).{ts,tsx}', './src/!(*.test).{ts,tsx}'],
              from: './src/testing',
              message: 'src/testing is for tests: production code never imports it.',
            },
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another feature.',
            })),
            {
              target: './src/{graph,auth,components,config,lib,i18n}/**',
              from: './src/features',
              message: 'Shared code never imports a feature.',
            },
            { target: './src', from: './emulator', message: 'The emulator is never bundled.' },
          ],
        },
      ],
    },
  },
  {
    // Every word a person reads comes from a message catalog (docs/decisions/0019), so a
    // sentence typed straight into JSX, or into a label-like prop, fails here.
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/testing/**'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        {
          props: {
            include: [['*', '{label,*Label,helperText,title,description,placeholder,alt,tooltip}']],
          },
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The test double of MSAL stands in for it, so it speaks its types.
    ignores: ['src/auth/**', 'src/main.tsx', 'src/redirect.ts', 'src/testing/fake-msal.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@azure/msal-*'], message: 'Only src/auth talks to MSAL.' }] },
      ],
    },
  },
  {
    files: ['src/graph/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@mui/*', '@azure/*'],
              message: 'graph/ and lib/ stay free of React and MSAL.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**', 'tests/**', 'bench/**', '*.config.{ts,js}'],
    ignores: ['bench/reference/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // The bare reference app the bench builds: browser code, like src/.
    files: ['bench/reference/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
