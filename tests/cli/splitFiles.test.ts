import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, releaseLockSync, WorkbookBusy } from '../../src/adapters/xlsx/safeWrite';
import { unitFileNames } from '../../src/domain/distribute/unitFileNames';
import { cli, openXlsx } from '../support/captureIo';

/*
 * Files as units and attackers name them (issue #21): names that sanitise alike, reserved device
 * names, direction controls, links already in the folder, a write failing part way, a lock taken
 * through another path. One master, built from a small table, serves every case.
 */

const RLO = '\u202e';
let dir = '';
let master = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-splitfiles-'));
  const csv = ['序号,工作任务,牵头单位,配合单位,时间节点', '1,开展培训。,"A""B局",A|B局,12月底前完成', `2,落实政策。,CON,市${RLO}gpj.exe局,6月底前`, '3,推进改革。,a"b局,,6月底前'].join('\n');
  writeFileSync(join(dir, 't.csv'), `${csv}\n`);
  master = join(dir, 'master.xlsx');
  expect((await cli(['build', join(dir, 't.csv'), '-o', master])).code).toBe(0);
}, 300_000);

describe('unitFileNames', () => {
  it('keeps names apart that sanitise alike, also when only case differs', () => {
    expect(unitFileNames(['台账-A"B局', '台账-A|B局', '台账-a"b局'])).toEqual(['台账-A_B局.xlsx', '台账-A_B局-2.xlsx', '台账-a_b局-3.xlsx']);
  });
  it('never gives a reserved device name, a direction control or an empty name', () => {
    expect(unitFileNames(['CON', 'nul.txt', 'COM1', 'lpt9 ', `台账-市${RLO}gpj.exe局`, '\u2066\u200f', '台账-A.'])).toEqual(['CON_.xlsx', 'nul.txt_.xlsx', 'COM1_.xlsx', 'lpt9_.xlsx', '台账-市gpj.exe局.xlsx', '台账.xlsx', '台账-A.xlsx']);
  });
});

describe('duban split: file names', () => {
  it('writes one file per unit, however their names sanitise, and says which file is whose', async () => {
    const out = join(dir, 'names');
    const r = await cli(['split', master, '-d', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(5);
    expect(files.some((f) => /[\u202a-\u202e\u2066-\u2069]/.test(f))).toBe(false);
    // Each file holds its own unit's ledger, and the overview names it.
    for (const unit of ['A"B局', 'A|B局', 'a"b局', 'CON', `市${RLO}gpj.exe局`]) {
      const line = r.out.split('\n').find((l) => l.trim().startsWith(`${unit}：`));
      expect(line).toBeDefined();
      const path = (line as string).trim().slice(unit.length + 1).split('，')[0] as string;
      const wb = await openXlsx(path);
      expect(wb.worksheets.filter((w) => w.name.startsWith('台账-'))).toHaveLength(1);
      const ids = wb.getWorksheet('_督办标识')!;
      const values: unknown[] = [];
      ids.eachRow((row) => values.push(...(row.values as unknown[])));
      expect(values).toContain(unit);
    }
  }, 300_000);
});

describe('duban split: links and failures part way', () => {
  it('--force replaces a link in the folder and leaves the file it points at untouched', async () => {
    const out = join(dir, 'links');
    mkdirSync(out);
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(out, '台账-CON.xlsx'));
    symlinkSync(join(dir, 'nowhere.xlsx'), join(out, '台账-A_B局.xlsx')); // a link pointing nowhere is taken too
    const refused = await cli(['split', master, '-d', out, '--unit', 'A"B局']);
    expect(refused.code).toBe(2);
    const r = await cli(['split', master, '-d', out, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(lstatSync(join(out, '台账-CON.xlsx')).isSymbolicLink()).toBe(false);
    expect(readdirSync(dir)).not.toContain('nowhere.xlsx');
  }, 300_000);

  it('a write failing part way lists the files already written instead of "nothing written"', async () => {
    const out = join(dir, 'partial');
    mkdirSync(out);
    const files = unitFileNames(['台账-A"B局', '台账-A|B局', '台账-CON', `台账-市${RLO}gpj.exe局`, '台账-a"b局']);
    mkdirSync(join(out, files[2] as string)); // the third file cannot be written: a folder has its name
    const r = await cli(['split', master, '-d', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('未写入任何内容');
    expect(r.err).toMatch(/已写入 2 个文件（.*台账-A_B局\.xlsx.*台账-A_B局-2\.xlsx）/);
    expect(r.err).toContain('总表未记录这一轮');
  }, 300_000);
});

describe('duban merge: forged identity', () => {
  it('a file whose 单位 and sheet name were edited to claim another unit is refused by the master\'s record', async () => {
    const out = join(dir, 'forge');
    expect((await cli(['split', master, '-d', out, '--unit', 'CON', '--unit', 'A"B局'])).code).toBe(0);
    const forged = join(out, '台账-CON.xlsx');
    const wb = await openXlsx(forged);
    wb.getWorksheet('_督办标识')!.eachRow((row) => {
      if (row.getCell(1).value === '单位') row.getCell(2).value = 'A"B局';
    });
    wb.getWorksheet('台账-CON')!.name = '台账-A"B局';
    const measure = wb.getWorksheet('台账-A"B局')!;
    measure.getCell(2, (measure.getRow(1).values as unknown[]).indexOf('具体措施')).value = '冒名填写';
    await wb.xlsx.writeFile(forged);
    const r = await cli(['merge', master, forged, join(out, '台账-A_B局.xlsx'), '-o', join(dir, 'merged.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/拒收 1 份：\n.*台账-CON\.xlsx：文件自称来自“A"B局”，但总表的发送记录中没有发给“A"B局”的这份文件，它是第 \d+ 轮发给“CON”的文件/);
    expect(r.out).toContain('已合并 1 份');
    // The unit files carry their own key only, never the master's record of the others.
    const own = await openXlsx(join(out, '台账-A_B局.xlsx'));
    const labels: unknown[] = [];
    own.getWorksheet('_督办标识')!.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toContain('文件编号');
    expect(labels).not.toContain('发送记录');
  }, 300_000);
});

describe('merged fill cells', () => {
  it('merge refuses a returned file with a merged range over a fill column; build --update stops on one in the master', async () => {
    const out = join(dir, 'merged-cells');
    expect((await cli(['split', master, '-d', out, '--unit', 'CON'])).code).toBe(0);
    const file = join(out, '台账-CON.xlsx');
    const wb = await openXlsx(file);
    const ws = wb.getWorksheet('台账-CON')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('具体措施');
    ws.getCell(2, col).value = '只填一次';
    ws.mergeCells(2, col, 3, col);
    await wb.xlsx.writeFile(file);
    const r = await cli(['merge', master, file, '-o', join(dir, 'merged-cells.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/台账-CON\.xlsx：.*合并单元格/);
    const book = join(dir, 'merged-master.xlsx');
    const m = await openXlsx(master);
    const mws = m.getWorksheet('台账-CON')!;
    mws.mergeCells(2, col, 3, col);
    await m.xlsx.writeFile(book);
    const u = await cli(['build', '-o', book, '--update', book]);
    expect(u.code).toBe(2);
    expect(u.err).toContain('合并单元格');
  }, 300_000);
});

describe('the write lock', () => {
  it('is keyed on the real file: a second writer through a link is refused', async () => {
    const real = join(dir, 'book.xlsx');
    writeFileSync(real, 'x');
    const alias = join(dir, 'alias.xlsx');
    symlinkSync(real, alias);
    const lock = await acquireLock(real, () => undefined);
    try {
      await expect(acquireLock(alias, () => undefined)).rejects.toBeInstanceOf(WorkbookBusy);
      await expect(acquireLock(join(dir, '.', 'book.xlsx'), () => undefined)).rejects.toThrow(/正被另一个 duban 进程写入/);
    } finally {
      releaseLockSync(lock);
    }
  });
});
