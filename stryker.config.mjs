// `npm run mutation`: how many deliberate small bugs in the rule modules the unit tests catch.
// Not part of `npm test` or CI (tens of minutes on two cores). While working on one module:
//   MUTATE_FILE=src/domain/summary/rules.ts npm run mutation -- --concurrency 1
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { selectedTargets } = require('./scripts/mutation-targets.cjs');

// One module's run reports beside the full run's, never over it: reports/mutation/rules.html.
const only = process.env.MUTATE_FILE;
const reportName = only ? only.replace(/^.*\//, '').replace(/\.tsx?$/, '') : 'mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  // Each mutant runs only the tests that reached its code.
  coverageAnalysis: 'perTest',
  mutate: selectedTargets().map((t) => t.file),
  // The machine is shared: two workers at most unless told otherwise on the command line.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The bar (#26): 85 % on every rule module; below it the run fails.
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 10000,
};
