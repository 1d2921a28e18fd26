import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

export type Captured = Io & { stdout: string; stderr: string };

export function captureIo(): Captured {
  const io: Captured = {
    stdout: '',
    stderr: '',
    out: (t) => {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      io.stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    progress: () => undefined,
  };
  return io;
}

/** Run the CLI in-process with captured output: exit code, stdout, stderr. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** An .xlsx as exceljs reads it. */
export async function openXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** 台账-市财政局, row of task 3.1, column 具体措施: the cell the write-safety tests type into. */
export function measureCell(wb: ExcelJS.Workbook): ExcelJS.Cell {
  const ws = wb.getWorksheet('台账-市财政局')!;
  const col = (ws.getRow(1).values as unknown[]).indexOf('具体措施');
  let cell: ExcelJS.Cell | undefined;
  ws.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === '3.1' && cell === undefined) cell = row.getCell(col);
  });
  return cell!;
}
