import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';
import { pick, random } from '../support/random';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');
const UNITS = ['市教委', '市财政局', '市人社局'];
const TEXT_COLUMNS = ['具体措施', '责任处室', '责任人', '进展情况', '备注'];
const ROUNDS = 3;

/** A cell of a ledger by what merge matches on: task, n-th row of the task, column header. */
type Place = { task: string; nth: number; column: string };

const colOf = (ws: ExcelJS.Worksheet, header: string): number => (ws.getRow(1).values as unknown[]).indexOf(header);
function rowsOf(ws: ExcelJS.Worksheet): Array<{ task: string; nth: number; row: number }> {
  const seen = new Map<string, number>();
  const out: Array<{ task: string; nth: number; row: number }> = [];
  ws.eachRow((row, r) => {
    const task = row.getCell(1).value;
    if (r === 1 || typeof task !== 'string' || task === '') return;
    const nth = seen.get(task) ?? 0;
    seen.set(task, nth + 1);
    out.push({ task, nth, row: r });
  });
  return out;
}
const rowAt = (ws: ExcelJS.Worksheet, p: { task: string; nth: number }): number => rowsOf(ws).find((x) => x.task === p.task && x.nth === p.nth)?.row ?? 0;

/** Every text a sheet holds. */
function texts(ws: ExcelJS.Worksheet | undefined): Set<string> {
  const out = new Set<string>();
  ws?.eachRow((row) => row.eachCell((c) => out.add(String(c.text))));
  return out;
}

/**
 * Property (DESIGN §10: nothing a unit or the office typed is lost): over several rounds of split,
 * random edits on both sides (some on the same cells), rows and columns the units add, 更新日期 on
 * both sides, and a returned file saved by LibreOffice, every value typed in the round ends up in its
 * unit's merged ledger or in 合并冲突 — and every one not in 合并冲突 is in the ledger.
 */
describe('merge loses nothing over several rounds (seeded random edits on both sides)', () => {
  it('every typed value is in the merged ledger or in 合并冲突', async () => {
    const rnd = random(20201208);
    const dir = mkdtempSync(join(tmpdir(), 'duban-merge-prop-'));
    const master = join(dir, 'master.xlsx');
    expect((await cli(['build', SEED, '-o', master, '--as-of', '2020-12-01'])).code).toBe(0);
    let conflictsSeen = 0;
    let targetsTyped = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const sent = join(dir, `round${round}`);
      expect((await cli(['split', master, '-d', sent, ...UNITS.flatMap((u) => ['--unit', u])])).code).toBe(0);
      const typed = new Map<string, string>(); // token → its unit, or 量化指标 (or 量化指标)
      const mwb = await openXlsx(master);
      const returned: string[] = [];
      for (const [u, unit] of UNITS.entries()) {
        const file = join(sent, `台账-${unit}.xlsx`);
        const wb = await openXlsx(file);
        const ws = wb.getWorksheet(`台账-${unit}`)!;
        const mws = mwb.getWorksheet(`台账-${unit}`)!;
        const rows = rowsOf(ws);
        // Both sides edit distinct cells of their own; a few cells are edited on both sides.
        const places: Place[] = [];
        while (places.length < 8) {
          const r = pick(rnd, rows);
          const p = { task: r.task, nth: r.nth, column: pick(rnd, TEXT_COLUMNS) };
          if (!places.some((q) => q.task === p.task && q.nth === p.nth && q.column === p.column)) places.push(p);
        }
        const put = (sheet: ExcelJS.Worksheet, p: Place, token: string) => {
          sheet.getCell(rowAt(sheet, p), colOf(sheet, p.column)).value = token;
          typed.set(token, unit);
        };
        const date = () => new Date(Date.UTC(2020, 10, 1 + Math.floor(rnd() * 28)));
        places.forEach((p, k) => {
          const side = k < 3 ? 'unit' : k < 6 ? 'office' : 'both';
          if (side !== 'office') put(ws, p, `单位${round}-${u}-${k}`);
          if (side !== 'unit') put(mws, p, `总表${round}-${u}-${k}`);
          if (rnd() < 0.5) ws.getCell(rowAt(ws, p), colOf(ws, '更新日期')).value = date();
          if (rnd() < 0.5) mws.getCell(rowAt(mws, p), colOf(mws, '更新日期')).value = date();
        });
        // A row the unit adds for one of its tasks (a second measure).
        const under = pick(rnd, rowsOf(ws));
        ws.spliceRows(under.row + 1, 0, []);
        ws.getCell(under.row + 1, 1).value = under.task;
        put(ws, { task: under.task, nth: under.nth + 1, column: '具体措施' }, `新增行${round}-${u}`);
        // A column the unit adds, with a value or two.
        if (rnd() < 0.7) {
          const c = ws.getRow(1).cellCount + 1;
          ws.getCell(1, c).value = `附加${round}`;
          for (const r of [pick(rnd, rowsOf(ws)), pick(rnd, rowsOf(ws))]) {
            ws.getCell(r.row, c).value = `附加值${round}-${u}-${r.row}`;
            typed.set(`附加值${round}-${u}-${r.row}`, unit);
          }
        }
        // A 完成值 the unit reports, and one the office types into a target of the same unit.
        const targets = wb.getWorksheet('量化指标')!;
        const mtargets = mwb.getWorksheet('量化指标')!;
        if (targets.rowCount > 1) {
          const valueCol = colOf(targets, '完成值');
          const id = targets.getCell(2 + Math.floor(rnd() * (targets.rowCount - 1)), 1).value;
          targets.eachRow((row, r) => {
            if (r > 1 && row.getCell(1).value === id) row.getCell(valueCol).value = round * 1000 + u * 10 + 1;
          });
          typed.set(String(round * 1000 + u * 10 + 1), '量化指标');
          const other = targets.getCell(2 + Math.floor(rnd() * (targets.rowCount - 1)), 1).value;
          mtargets.eachRow((row, r) => {
            if (r > 1 && row.getCell(1).value === other) row.getCell(colOf(mtargets, '完成值')).value = round * 1000 + u * 10 + 2;
          });
          typed.set(String(round * 1000 + u * 10 + 2), '量化指标');
          targetsTyped += 2;
        }
        await wb.xlsx.writeFile(file);
        returned.push(file);
      }
      await mwb.xlsx.writeFile(master);
      // One unit's file comes back saved by LibreOffice (true/false booleans, its own XML).
      const [viaLibreOffice] = recalculate([returned[round % UNITS.length] as string]) as [string];
      const lo = join(dir, `round${round}-lo.xlsx`);
      copyFileSync(viaLibreOffice, lo);
      returned[round % UNITS.length] = lo;

      const r = await cli(['merge', master, ...returned, '-o', master, '--json']);
      expect(r.err).toBe('');
      const doc = JSON.parse(r.out) as { merged: number; refused: unknown[]; conflicts: Array<{ unit: string; master: unknown; returned: unknown }> };
      expect({ merged: doc.merged, refused: doc.refused }).toEqual({ merged: UNITS.length, refused: [] });
      conflictsSeen += doc.conflicts.length;
      const merged = await openXlsx(master);
      const sheet = texts(merged.getWorksheet('合并冲突'));
      const inConflict = new Set(doc.conflicts.flatMap((c) => [String(c.master), String(c.returned)]));
      for (const [token, unit] of typed) {
        const ledger = texts(merged.getWorksheet(unit === '量化指标' ? unit : `台账-${unit}`));
        expect({ token, kept: ledger.has(token) || (inConflict.has(token) && sheet.has(token)) }).toEqual({ token, kept: true });
        if (!inConflict.has(token)) expect({ token, inLedger: ledger.has(token) }).toEqual({ token, inLedger: true });
      }
      // Protection survives the LibreOffice-saved file's merge.
      expect((merged.getWorksheet(`台账-${UNITS[round % UNITS.length]}`) as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    }
    // The edits on both sides must have produced conflicts, or the property says little.
    expect(conflictsSeen).toBeGreaterThan(0);
    expect(targetsTyped).toBeGreaterThan(0);
  }, 300_000);
});
