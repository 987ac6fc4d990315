// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/*
 * Dependencies flow one way: common ← knowledge ← conversation ← bot, api. Nothing imports bot/ or api/
 * except their entry points (scripts/*) and tests. process.env is read only in common/config.ts.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'test-artifacts/**',
      '.tmp/**',
      'miniapp/www/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['miniapp/src/**', 'console/src/**'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './common',
              from: ['./knowledge', './conversation', './bot', './api', './scripts'],
              message: 'common/ depends on nothing.',
            },
            {
              target: './knowledge',
              from: ['./conversation', './bot', './api', './scripts'],
              message: 'knowledge/ must not import channels or the API.',
            },
            {
              target: './conversation',
              from: ['./bot', './api', './scripts'],
              message:
                'The conversation core is platform-free: it must not import channels or the API.',
            },
            {
              target: './conversation',
              from: './knowledge',
              except: ['./index.ts'],
              message: 'Use knowledge/ through knowledge/index.ts.',
            },
            {
              target: './bot',
              from: ['./api', './scripts'],
              message: 'bot/ must not import api/.',
            },
            {
              target: './api',
              from: ['./bot', './scripts'],
              message: 'api/ must not import bot/.',
            },
            {
              target: './bot',
              from: './knowledge',
              except: ['./index.ts', './forms'],
              message:
                'Use knowledge/ through knowledge/index.ts (forms are shared with the mini-app).',
            },
            {
              target: './api',
              from: './knowledge',
              except: ['./index.ts', './forms'],
              message:
                'Use knowledge/ through knowledge/index.ts (forms are shared with the mini-app).',
            },
            {
              target: ['./common', './knowledge', './conversation', './bot', './api'],
              from: './tests',
              message: 'Production code never imports test support (only scripts/ demos may).',
            },
            {
              target: './knowledge/catalogue',
              from: ['./knowledge/retrieval', './knowledge/answer'],
              message: 'The catalogue is the bottom layer of knowledge/.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through common/config.ts.',
        },
      ],
    },
  },
  {
    // The browser apps talk to the API over HTTP only; they may share common/ contracts (no I/O there).
    files: ['miniapp/src/**/*.{ts,tsx}', 'console/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: './tsconfig.web.json' }),
      ],
    },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./miniapp/src', './console/src'],
              from: ['./api', './bot', './knowledge', './conversation', './scripts'],
              message: 'Browser apps use the API over HTTP; only common/ contracts are shared.',
            },
            {
              target: './miniapp/src',
              from: './console/src',
              message: 'The mini-app and the console share only the toolchain.',
            },
            {
              target: './console/src',
              from: './miniapp/src',
              message: 'The mini-app and the console share only the toolchain.',
            },
            {
              target: ['./miniapp/src', './console/src'],
              from: './common/config.ts',
              message: 'Configuration is server-side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['common/config.ts', 'tests/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['api/web/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        localStorage: 'readonly',
        crypto: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
