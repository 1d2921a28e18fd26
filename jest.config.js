/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }], '^.+\\.txt$': '<rootDir>/tests/support/rawText.cjs' },
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/support/officeAddinManifestStub.ts' },
  testTimeout: 120000,
};
