import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlanToWorkbook } from '../../src/adapters/xlsx/writePlan';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { FakeContext, FakeWorkbook } from '../support/fakeExcel';
import { snapFake, snapXlsx, type BookSnap } from '../support/snapshots';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const ALL = { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true };

async function bothWays(noticeText: string): Promise<{ office: BookSnap; xlsx: BookSnap }> {
  const { plan } = prepareWorkbook({ noticeText, previous: null, asOf: '2020-10-01' });
  // Excel starts with a blank Sheet1, which the pane removes once ours are there (as here).
  const fake = new FakeWorkbook();
  await applyPlan(new FakeContext(fake) as unknown as Excel.RequestContext, { ...plan, removeSheets: ['Sheet1'] }, ALL);
  const wb = new ExcelJS.Workbook();
  applyPlanToWorkbook(wb, plan);
  const buffer = await wb.xlsx.writeBuffer();
  return { office: snapFake(fake), xlsx: await snapXlsx(buffer as ExcelJS.Buffer) };
}

/** Header-row styling differs by design (fills are not compared); everything users rely on is. */
describe('one plan, two adapters (contract)', () => {
  let office: BookSnap;
  let xlsx: BookSnap;
  beforeAll(async () => {
    ({ office, xlsx } = await bothWays(SEED));
  });

  it('makes the same sheets in the same order', () => {
    expect(office.sheets.map((s) => s.name)).toEqual(xlsx.sheets.map((s) => s.name));
    expect(office.sheets).toHaveLength(59); // with 报送记录 (DESIGN §12)
  });

  // KNOWN BROKEN after this wave's merges: one adapter leaves the spare columns beside a protected
  // table (issue 19: unlocked so units can add a column) locked and differs in their protection.
  // \`it.failing\` keeps the contract visible until both adapters write them alike.
  it('writes the same cells: values, formulas, number formats, unlocked fill cells', () => {
    for (let i = 0; i < office.sheets.length; i++) {
      const a = office.sheets[i]!;
      const b = xlsx.sheets[i]!;
      expect({ sheet: a.name, cells: a.cells }).toEqual({ sheet: b.name, cells: b.cells });
    }
  });

  // KNOWN BROKEN after this wave's merges: one adapter leaves the spare columns beside a protected
  // table (issue 19: unlocked so units can add a column) locked and differs in their protection.
  // \`it.failing\` keeps the contract visible until both adapters write them alike.
  it('sets the same column widths, freeze panes and protection', () => {
    for (let i = 0; i < office.sheets.length; i++) {
      const a = office.sheets[i]!;
      const b = xlsx.sheets[i]!;
      expect({ sheet: a.name, widths: a.widths, freeze: a.freeze, protected: a.protected }).toEqual({ sheet: b.name, widths: b.widths, freeze: b.freeze, protected: b.protected });
    }
  });

  it('adds the same data validations and conditional formats', () => {
    for (let i = 0; i < office.sheets.length; i++) {
      const a = office.sheets[i]!;
      const b = xlsx.sheets[i]!;
      expect({ sheet: a.name, v: a.validations, cf: a.conditionalFormats }).toEqual({ sheet: b.name, v: b.validations, cf: b.conditionalFormats });
    }
    // 10 validated columns (状态, 成果形式, 延期批复, 审核结果, six dates) × the 35 rows of 市财政局's ledger, cell by cell.
    expect(office.sheets.find((s) => s.name === '台账-市财政局')?.validations.length).toBe(10 * 35);
  });

  it('defines the same names', () => {
    expect(office.names).toEqual(xlsx.names);
    expect(Object.keys(office.names).sort()).toEqual([
      'Duban_AsOf', 'Duban_IndexOrder', 'Duban_IndexOverdueRun', 'Duban_IndexTodoRun', 'Duban_PaceTolerance', 'Duban_PeriodEnd', 'Duban_PeriodStart',
      'Duban_ReportCycle', 'Duban_ReportDay', 'Duban_ReportDue', 'Duban_ReviewRequired', 'Duban_WarnDays', 'Duban_Year',
    ]);
    expect(office.names.Duban_AsOf).toBe("'汇总'!$B$1");
    expect(office.names.Duban_IndexOrder).toMatch(/^'_台账索引'!\$M\$2:\$M\$\d+$/);
  });
});
