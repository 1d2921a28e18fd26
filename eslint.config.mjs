// Flat config, run as plain `eslint .` (no wrappers that report usage).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

const officePlugin = officeAddins.default ?? officeAddins;

/** The domain and the plan are pure: no host, UI, file-format library or clock (STYLE §1). */
const PURE_IMPORTS = {
  patterns: [
    { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'office-addin-*', '@microsoft/office-js', 'mammoth', 'node:*', 'fs', 'path'], message: 'src/domain and src/workbook are pure: pass data in, do I/O in an adapter.' },
    { group: ['**/adapters/**', '**/taskpane/**', '**/cli/**'], message: 'the core must not depend on its adapters.' },
  ],
};
const NO_CLOCK = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the core: take asOf as a parameter.' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in the core: take asOf as a parameter.' },
  { selector: "MemberExpression[object.name='Excel']", message: 'Only src/adapters/officejs touches Excel.' },
  { selector: "MemberExpression[object.name='Office']", message: 'Only src/adapters/officejs touches Office.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'out/**', 'coverage/**', '.tmp/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/workbook/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_IMPORTS], 'no-restricted-syntax': ['error', ...NO_CLOCK] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'office-addins': officePlugin },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    files: ['**/*.cjs', 'webpack.config.js', 'jest.config.js', 'jest.mutation.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
