import ExcelJS from 'exceljs';
import { workbookGrids } from '../../src/adapters/xlsx/readTables';

describe('workbookGrids (exceljs adapter)', () => {
  it('gives the text a reader sees: dates, numbers, rich text, formula results; merged areas once', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.getCell('A1').value = '2020年分工表';
    ws.mergeCells('A1:D1');
    ws.getRow(2).values = ['序号', '重点任务', '牵头单位', '完成时限'];
    ws.getCell('A3').value = 11.1;
    ws.getCell('B3').value = { richText: [{ text: '开展' }, { text: '培训', font: { bold: true } }] };
    ws.getCell('C3').value = { formula: '"市人社局"', result: '市人社局' };
    ws.getCell('D3').value = new Date(Date.UTC(2020, 11, 31));
    ws.getCell('A5').value = '尾注';
    const [grid] = workbookGrids(wb);
    expect(grid?.name).toBe('工作表“分工表”');
    expect(grid?.rows).toEqual([
      ['2020年分工表', '', '', ''],
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['11.1', '开展培训', '市人社局', '2020年12月31日'],
      [],
      ['尾注'],
    ]);
    expect(grid?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });
});
