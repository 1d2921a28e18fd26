// Jest as `npm run mutation` runs it: the main config, limited to the unit tests listed in
// scripts/mutation-targets.cjs, or to those of one module when MUTATE_FILE names it (listed
// files that do not exist are simply not matched).
const base = require('./jest.config');
const { selectedTargets } = require('./scripts/mutation-targets.cjs');

const tests = [...new Set(selectedTargets().flatMap((t) => t.tests))];

/** @type {import('jest').Config} */
module.exports = { ...base, testMatch: tests.map((t) => `<rootDir>/${t}`) };
