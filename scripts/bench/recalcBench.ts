import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlanToWorkbook } from '../../src/adapters/xlsx/writePlan';
import type { Cell, WorkbookPlan } from '../../src/workbook/plan';
import { scaledNotice } from './parseBench';
import { round, type BenchRow } from './measure';

/** LibreOffice recomputes every formula on load (OOXMLRecalcMode 0), as a clerk's copy does when opened. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The same workbook without its formulas: what LibreOffice spends loading and saving the cells alone. */
const noFormula = (c: Cell): Cell => (c !== null && c.t === 'formula' ? null : c);
const withoutFormulas = (plan: WorkbookPlan): WorkbookPlan => ({
  ...plan,
  sheets: plan.sheets.map((s) => ({
    ...s,
    rows: s.rows.map((r) => r.map(noFormula)),
    ...(s.extraCells ? { extraCells: s.extraCells.map((e) => ({ ...e, cell: noFormula(e.cell) })) } : {}),
    ...(s.blocks ? { blocks: s.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map(noFormula)) })) } : {}),
  })),
});

async function writeXlsx(plan: WorkbookPlan, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlanToWorkbook(wb, plan);
  await wb.xlsx.writeFile(file);
}

/**
 * Wall time of headless LibreOffice opening a workbook, recalculating it and saving it again.
 * One warmed profile for every run, so first-start work is paid before the clock starts.
 */
function libreOfficeRecalc(profile: string, file: string, out: string): number {
  const t0 = performance.now();
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, file], { stdio: 'pipe', timeout: 1_800_000 });
  return performance.now() - t0;
}

/**
 * DESIGN §9 / issue 12: the live formulas must recalculate in time linear in the ledger rows.
 * The seed at 1×, 4× and 16×, next to the same workbook without formulas (the baseline).
 */
export async function recalcBenchmarks(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-recalc-bench-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(dir, 'out');
  const rows: BenchRow[] = [];
  let warmed = false;
  for (const times of [1, 4, 16]) {
    const plan = prepareWorkbook({ noticeText: scaledNotice(times), previous: null, asOf: '2020-10-01' }).plan;
    const indexRows = plan.sheets.find((s) => s.name === '_台账索引')?.rows.length ?? 0;
    const withFormulas = join(dir, `seed-x${times}.xlsx`);
    const baseline = join(dir, `seed-x${times}-values.xlsx`);
    await writeXlsx(plan, withFormulas);
    await writeXlsx(withoutFormulas(plan), baseline);
    if (!warmed) {
      libreOfficeRecalc(profile, baseline, out);
      warmed = true;
    }
    const ms = libreOfficeRecalc(profile, withFormulas, out);
    const baselineMs = libreOfficeRecalc(profile, baseline, out);
    rows.push({ name: `LibreOffice recalc seed ×${times}`, ms: round(ms), baselineMs: round(baselineMs), ratio: round(ms / baselineMs), indexRows, tasks: plan.sheets.find((s) => s.name === '任务清单')?.rows.length ?? 0 });
  }
  return rows;
}
