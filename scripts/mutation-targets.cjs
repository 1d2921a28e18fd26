// The rule modules `npm run mutation` mutates, each with the fast unit tests that exercise it.
// One table, read by stryker.config.mjs (what to mutate) and jest.mutation.config.js (what to run):
// to put another rule module under mutation, add a row here. Only unit-level tests belong here:
// Stryker reruns them for every mutant, so a LibreOffice or browser test would take hours.
const TARGETS = [
  {
    file: 'src/domain/summary/rules.ts',
    tests: ['tests/summary/rules.test.ts', 'tests/summary/rulesEdges.test.ts', 'tests/summary/unknownStatus.test.ts'],
  },
  {
    file: 'src/domain/validation/validate.ts',
    tests: ['tests/validation/validate.test.ts', 'tests/validation/validateEdges.test.ts', 'tests/validation/dateSystem.test.ts', 'tests/validation/messages.test.ts', 'tests/validation/ledgerVariants.test.ts'],
  },
  {
    file: 'src/domain/notice/deadline.ts',
    tests: ['tests/parser/grammar.test.ts', 'tests/parser/deadlineEdges.test.ts'],
  },
  { file: 'src/domain/loop/rowState.ts', tests: ['tests/loop/loopRules.test.ts'] },
  { file: 'src/domain/loop/pace.ts', tests: ['tests/loop/loopRules.test.ts'] },
  { file: 'src/domain/distribute/updatedDay.ts', tests: ['tests/distribute/updatedDay.test.ts'] },
  { file: 'src/domain/ledger/formatsLost.ts', tests: ['tests/ledger/formatsLost.test.ts'] },
  { file: 'src/domain/formula/values.ts', tests: ['tests/workbook/formulaValues.test.ts', 'tests/workbook/formulaEngine.test.ts'] },
  // The 通报: its figures and fractions, and the sentences that carry them.
  { file: 'src/domain/report/buildCircular.ts', tests: ['tests/report/buildCircular.test.ts', 'tests/report/circularEdges.test.ts'] },
  { file: 'src/domain/report/fractions.ts', tests: ['tests/report/buildCircular.test.ts', 'tests/report/circularEdges.test.ts'] },
  // Which column of a 分工表 is 任务, 牵头单位, 完成时限…: by header words, then by content.
  {
    file: 'src/domain/table/headers.ts',
    tests: ['tests/table/readTaskTables.test.ts', 'tests/table/columnsByContent.test.ts', 'tests/table/columnDetection.test.ts'],
  },
  // Which 事项来源 an input updates or adds, proposed and checked (DESIGN §13).
  { file: 'src/domain/sources/choice.ts', tests: ['tests/sources/choice.test.ts'] },
  {
    file: 'src/domain/table/columnContent.ts',
    tests: ['tests/table/readTaskTables.test.ts', 'tests/table/columnsByContent.test.ts', 'tests/table/columnDetection.test.ts'],
  },
];

/**
 * `MUTATE_FILE=src/domain/summary/rules.ts npm run mutation` mutates that module alone and runs
 * only its tests: constants ("static" mutants) rerun every listed test, so fewer is much faster.
 */
function selectedTargets() {
  const only = process.env.MUTATE_FILE;
  const picked = only ? TARGETS.filter((t) => t.file === only) : TARGETS;
  if (picked.length === 0) throw new Error(`MUTATE_FILE=${only} is not in scripts/mutation-targets.cjs`);
  // MUTATE_TESTS=a.test.ts,b.test.ts runs only those of the listed tests: quicker, and the score
  // it gives is a lower bound (more tests can only catch more mutants).
  const tests = process.env.MUTATE_TESTS?.split(',').map((t) => t.trim());
  return tests ? picked.map((t) => ({ ...t, tests: t.tests.filter((x) => tests.includes(x)) })) : picked;
}

module.exports = { TARGETS, selectedTargets };
