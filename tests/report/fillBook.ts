import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';
import { pick, random } from '../support/random';

/**
 * Build a workbook from a notice and fill its ledgers as units do by the as-of date: most rows
 * touched (done on time, done late, in progress, blocked, not started), every third unit not at
 * all, and some 量化指标 完成值. Deterministic (seeded).
 */
export async function filledBook(notice: string, file: string, seed: number, asOf: string): Promise<void> {
  expect(await runCli(['build', notice, '-o', file, '--as-of', asOf], captureIo())).toBe(0);
  const rnd = random(seed);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.worksheets
    .filter((w) => w.name.startsWith('台账-'))
    .forEach((ws, u) => {
      if (u % 3 === 2) return; // this unit has not reported
      const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const at = (h: string) => headers.indexOf(h);
      ws.eachRow((row, r) => {
        if (r === 1) return;
        const due = row.getCell(at('截止日期')).value;
        const status = pick(rnd, ['已完成', '已完成', '推进中', '推进中', '未启动', '受阻', '']);
        if (status) row.getCell(at('状态')).value = status;
        if (status === '已完成') {
          const d = due instanceof Date ? due : new Date(Date.UTC(2020, 11, 31));
          row.getCell(at('完成日期')).value = new Date(d.getTime() + pick(rnd, [-20, 0, 3]) * 86_400_000);
        }
        row.getCell(at('具体措施')).value = '制定方案，逐月推进';
        row.getCell(at('责任人')).value = pick(rnd, ['张三', '李四']);
        row.getCell(at('计划完成时间')).value = new Date(Date.UTC(2020, 11, 31));
        row.getCell(at('成果形式')).value = pick(rnd, ['政策文件', '工作方案']);
      });
    });
  const targets = wb.getWorksheet('量化指标');
  targets?.eachRow((row, r) => {
    if (r > 1 && rnd() < 0.6) row.getCell(9).value = pick(rnd, [0, 5, 8, 40, 90, 100, 4500]);
  });
  await wb.xlsx.writeFile(file);
}
