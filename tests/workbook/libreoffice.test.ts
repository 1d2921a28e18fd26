import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile } from '../../src/adapters/xlsx/files';
import { recalculate } from '../support/libreoffice';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');

/** A notice written to hit the edges: item 3 with ten tasks (id 3.10), formula-looking text, awkward unit names. */
const EDGES = [
  '某市人民政府关于印发测试任务分工的通知',
  '2020年3月1日',
  '（一）边界',
  '1．=HYPERLINK("http://example.invalid","点我")。（市财政局牵头，12月底前完成）',
  // Characters a sheet name cannot hold (\ [ ] ? *). No colon: `X：` now reads as a label (牵头单位：…).
  '2．+1 与 -1 与 @提及。（市财政局\\综合处[试点]?*牵头，年内持续推进）',
  `3．${Array.from({ length: 10 }, (_, i) => `第${i + 1}项工作。（市财政局牵头，${i + 1}月底前完成）`).join('')}`,
  '4．很长名称的单位。（中华人民共和国某某某某某某某某某某某某某某某某某某某某监督管理委员会驻本市办事处牵头，年内持续推进）',
].join('\n');

type Computed = { wb: ExcelJS.Workbook; errors: string[] };

async function load(path: string): Promise<Computed> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const errors: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellValue;
        if (v && typeof v === 'object' && 'formula' in v) {
          const r = cell.result as unknown;
          if ((r && typeof r === 'object' && 'error' in (r as object)) || (typeof r === 'string' && /^(#|Err:)/.test(r))) errors.push(`${ws.name}!${cell.address} ${JSON.stringify(r)} ${v.formula}`);
        }
      }),
    ),
  );
  return { wb, errors };
}

describe('LibreOffice opens and recalculates the generated workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-lo-'));
  const seedFile = join(dir, 'seed.xlsx');
  const edgeFile = join(dir, 'edges.xlsx');
  let seed: Computed;
  let edges: Computed;
  let seedSheetNames: string[];
  let edgeSheetNames: string[];

  beforeAll(async () => {
    const a = prepareWorkbook({ noticeText: SEED, previous: null, asOf: '2020-10-01' });
    const b = prepareWorkbook({ noticeText: EDGES, previous: null, asOf: '2020-10-01' });
    seedSheetNames = a.plan.sheets.map((s) => s.name);
    edgeSheetNames = b.plan.sheets.map((s) => s.name);
    await writePlanFile(a.plan, seedFile);
    await writePlanFile(b.plan, edgeFile);
    const [seedOut, edgeOut] = recalculate([seedFile, edgeFile]);
    seed = await load(seedOut as string);
    edges = await load(edgeOut as string);
  });

  it('has every planned sheet, in order', () => {
    expect(seed.wb.worksheets.map((w) => w.name)).toEqual(seedSheetNames);
    expect(edges.wb.worksheets.map((w) => w.name)).toEqual(edgeSheetNames);
  });

  it('has 120 task rows with ids kept as text (11.8, and 3.10 never 3.1)', () => {
    const tasks = seed.wb.getWorksheet('任务清单')!;
    expect(tasks.actualRowCount).toBe(121);
    const ids = tasks.getColumn(1).values.slice(2);
    expect(ids).toHaveLength(120);
    expect(ids.every((v) => typeof v === 'string')).toBe(true);
    expect(ids).toContain('11.8');
    const edgeIds = edges.wb.getWorksheet('任务清单')!.getColumn(1).values.slice(2);
    expect(edgeIds).toContain('3.10');
    expect(edgeIds).toContain('3.1');
  });

  it('computes every formula without an error', () => {
    expect(seed.errors).toEqual([]);
    expect(edges.errors).toEqual([]);
  });

  it('computes the matrix totals and ledger 预警 as the domain says', () => {
    const matrix = seed.wb.getWorksheet('责任矩阵')!;
    const col = matrix.getRow(1).values as unknown[];
    const ndrc = col.indexOf('市发展改革委');
    const totals = new Map<string, number>();
    for (let r = 123; r <= 127; r++) totals.set(String(matrix.getRow(r).getCell(2).value), Number(matrix.getRow(r).getCell(ndrc).result ?? 0));
    expect(Object.fromEntries(totals)).toEqual({ 牵头合计: 10, 负责合计: 34, 配合合计: 1, 分别负责合计: 0, 合计: 45 });
    // 36.1 is due 2020-08-31: overdue on 2020-10-01. 41.4 (census point 2020-11-01) is 31 days away: normal.
    const finance = seed.wb.getWorksheet('台账-市财政局')!;
    const warn = (id: string) => {
      const sheet = id === '41.4' ? seed.wb.getWorksheet('台账-市统计局')! : finance;
      let result: unknown;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === id) result = row.getCell(17).result;
      });
      return result;
    };
    expect(warn('36.1')).toBe('逾期');
    expect(warn('41.4')).toBe('正常');
    expect(warn('3.1')).toBe('正常');
  });

  it('keeps text that looks like a formula as text', () => {
    const tasks = edges.wb.getWorksheet('任务清单')!;
    // LibreOffice saves mixed-script strings as rich text: compare the text, and that it is no formula.
    expect(tasks.getCell('D2').text).toBe('=HYPERLINK("http://example.invalid","点我")。');
    expect(tasks.getCell('D2').formula).toBeUndefined();
    expect(tasks.getCell('D3').text).toBe('+1 与 -1 与 @提及。');
  });

  it('gives awkward unit names valid, unique sheet names and records them in 单位名录', () => {
    const names = edges.wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('台账-'));
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
    }
    const directory = edges.wb.getWorksheet('单位名录')!;
    const recorded: string[] = [];
    directory.eachRow((row, r) => {
      if (r > 1 && row.getCell(11).value) recorded.push(row.getCell(11).text);
    });
    expect(recorded.sort()).toEqual(names.sort());
    expect(names).toContain('台账-市财政局_综合处_试点___');
    expect(names.some((n) => n.startsWith('台账-中华人民共和国') && n.length === 31)).toBe(true);
  });

  it('keeps data validation in what LibreOffice saves, and protection in what we write', async () => {
    const finance = seed.wb.getWorksheet('台账-市财政局')!;
    const dv = (finance as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    expect(Object.values(dv).some((v) => v.type === 'list' && String(v.formulae[0]).includes('已完成'))).toBe(true);
    expect(Object.values(dv).some((v) => v.type === 'date')).toBe(true);
    // exceljs reads LibreOffice's protection flag unreliably (TOOLCHAIN): read the XML of both files.
    for (const file of [seedFile, recalculatedPath(seedFile)]) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheetXml = await sheetXmlByName(zip, '台账-市财政局');
      expect(sheetXml).toMatch(/<sheetProtection[^>]*sheet="(1|true)"/);
    }
  });
});

let lastOut: Map<string, string> | null = null;
function recalculatedPath(file: string): string {
  // recalculate() was called once in beforeAll; find its output next to the other temp dirs.
  lastOut ??= new Map();
  const cached = lastOut.get(file);
  if (cached) return cached;
  const [out] = recalculate([file]);
  lastOut.set(file, out as string);
  return out as string;
}

async function sheetXmlByName(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet[^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  const path = (target as string).replace(/^\/?(xl\/)?/, 'xl/');
  return zip.file(path)!.async('string');
}
