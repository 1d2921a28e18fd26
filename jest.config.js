/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }], '^.+\\.txt$': '<rootDir>/tests/support/rawText.cjs' },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/support/officeAddinManifestStub.ts' },
  // LibreOffice, Chromium and webpack run in child processes: on a loaded shared machine a hook that
  // converts a few workbooks has taken over two minutes (a hang still fails, five minutes later).
  testTimeout: 300000,
  // Most slow files wait on LibreOffice, Chromium or webpack in a child process: two workers keep both
  // cores busy (jest's default on two cores is one).
  maxWorkers: 2,
};
