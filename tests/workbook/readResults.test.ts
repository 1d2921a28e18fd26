import ExcelJS from 'exceljs';
import { readWorkbookData } from '../../src/adapters/xlsx/readWorkbook';

/**
 * A formula's cached result of 0, "" or FALSE is a value, not an empty cell. exceljs' `cell.value`
 * leaves such a result out; reading a saved file must not (汇总's 已完成 0 is a count, not blank).
 */
describe('formula results read back from a saved file', () => {
  it('reads 0 and FALSE results as themselves, and a formula without a result as empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    ws.getCell('A1').value = { formula: '1-1', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').value = { formula: '1=2', result: false } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').value = { formula: 'FOO()' } as ExcelJS.CellFormulaValue;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const row = readWorkbookData(back).sheets[0]?.rows[0];
    expect(row).toEqual([0, false, 2, null]);
  });
});
