import type { SheetValue } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { AS_OF, at, base, sheetOf } from './filledBook';

// A scale test, kept apart from the rule tests: `npm run mutation` reruns those for every mutant,
// and 100 000 rows would multiply its time by ten.

describe('bad input', () => {
  it('a ledger of 100 000 rows is validated row by row', () => {
    const F = '台账-市财政局';
    const header = sheetOf(base, F).rows[0] as SheetValue[];
    const rows: SheetValue[][] = [header];
    for (let i = 0; i < 100_000; i++) {
      const row: SheetValue[] = header.map(() => null);
      row[at('taskId')] = `${1000 + i}.1`;
      rows.push(row);
    }
    const book = { sheets: [...base.sheets.filter((s) => s.name !== F), { name: F, rows }] };
    const r = validateWorkbook(book, AS_OF);
    expect(r.findings.filter((f) => f.sheet === F && f.code === 'UNKNOWN_TASK')).toHaveLength(100_000);
    // Empty rows of unknown tasks owe no report: one finding per row, nothing else.
    expect(r.findings.filter((f) => f.sheet === F)).toHaveLength(100_000);
  });
});
