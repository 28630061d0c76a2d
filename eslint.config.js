// ESLint (flat config): typescript-eslint for the language, eslint-plugin-lit for templates,
// eslint-plugin-wc for custom-element habits. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'storybook-static/**',
      'coverage/**',
      '**/node_modules/**',
      'src/i18n/locales/**',
      'custom-elements.json',
      // Build output, and what the build copies into the packages (see .gitignore).
      'packages/*/dist/**',
      'packages/zwgk-kit/bin/**',
      'tests/integration/*/dist/**',
      '.integration/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: [
      'src/**/*.ts',
      'tests/**/*.ts',
      'stories/**/*.ts',
      'demo/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'bin/**/*.{js,mjs}',
      '.storybook/*.ts',
      '*.config.{js,mjs,ts}',
    ],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Stripping control characters from what a client sent is deliberate here, in many places.
      'no-control-regex': 'off',
      // Chinese text (and patterns that read it) uses the ideographic space U+3000 on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('./view.js')` names the type of a module loaded on demand, without loading it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['src/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['ZwgkElement', 'LitElement'] } },
    rules: {
      ...wc.configs['flat/recommended'].rules,
      // Elements are registered through defineElement(), which tolerates a second copy of the kit.
      'wc/no-constructor-attributes': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
