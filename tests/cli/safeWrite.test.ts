import ExcelJS from 'exceljs';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputError, pendingWrites, tempPathFor, writeFileAtomic } from '../../src/adapters/xlsx/safeWrite';
import { measureCell, cli } from '../support/captureIo';
import { scaledNotice } from '../../scripts/bench/parseBench';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');

/**
 * A notice 10× the seed (in a folder of its own): a build that holds the lock for seconds, so a test that
 * acts while it writes does not race a run that has already finished on a fast machine.
 */
function slowNotice(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'duban-notice-')), 'notice-x10.txt');
  writeFileSync(path, scaledNotice(10));
  return path;
}
const BIN = join(root, 'bin', 'duban.cjs');
const tmp = () => mkdtempSync(join(tmpdir(), 'duban-write-'));


const oneLine = (text: string) => text.trim().split('\n');

let template: string;

/** The seed workbook with one value typed into 台账-市财政局 (task 3.1, 具体措施), as a unit's Excel would; built once. */
beforeAll(async () => {
  template = join(tmp(), 'template.xlsx');
  expect((await cli(['build', SEED, '-o', template])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  measureCell(wb).value = '单位填写的措施';
  await wb.xlsx.writeFile(template);
});

/** A copy of the filled workbook in `dir`. */
async function filledBook(dir: string, name = 'book.xlsx'): Promise<string> {
  const file = join(dir, name);
  copyFileSync(template, file);
  return file;
}


async function typedValue(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return measureCell(wb).value;
}

/** A live process that is not this one, to hold a lock in the tests. */
function liveProcess(): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const lockText = (pid: number) => `${pid}\n2020-01-01T00:00:00.000Z\n${hostname()}\n`;

describe('build onto an existing file', () => {
  it('refuses to replace a filled Duban workbook without --update: exit 2, one line naming --update, bytes unchanged', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const before = readFileSync(book);
    for (const extra of [[], ['--force'], ['--update', join(dir, 'other.xlsx')]]) {
      if (extra[0] === '--update') writeFileSync(extra[1]!, before);
      const r = await cli(['build', SEED, '-o', book, ...extra]);
      expect(r.code).toBe(2);
      expect(oneLine(r.err)).toHaveLength(1);
      expect(r.err).toContain(`--update ${book}`);
      expect(readFileSync(book).equals(before)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'other.xlsx']);
  });

  it('refuses a file that is not a Duban workbook without --force, and replaces it with --force', async () => {
    const dir = tmp();
    for (const [name, bytes] of [
      ['notes.xlsx', Buffer.from('别人的文件')],
      ['empty.xlsx', Buffer.alloc(0)],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const r = await cli(['build', SEED, '-o', file]);
      expect(r.code).toBe(2);
      expect(oneLine(r.err)).toHaveLength(1);
      expect(r.err).toContain('--force');
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '别人的表';
    const xlsx = join(dir, 'other.xlsx');
    await other.xlsx.writeFile(xlsx);
    const before = readFileSync(xlsx);
    expect((await cli(['build', SEED, '-o', xlsx])).code).toBe(2);
    expect(readFileSync(xlsx).equals(before)).toBe(true);

    const forced = await cli(['build', SEED, '-o', xlsx, '--force']);
    expect(forced.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('任务清单')).toBeDefined();
    expect(wb.getWorksheet('Sheet1')).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['empty.xlsx', 'notes.xlsx', 'other.xlsx']);
  });

  it('-o X --update X updates in place, keeps the typed value and leaves no lock or temporary file', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const r = await cli(['build', SEED, '--update', book, '-o', book]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留已填写 1 行');
    expect(await typedValue(book)).toBe('单位填写的措施');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(pendingWrites()).toEqual({ temps: 0, locks: 0 });
  });

  it('a new path is written as before, its folder created', async () => {
    const dir = tmp();
    const out = join(dir, 'new', 'deeper', 'book.xlsx');
    expect((await cli(['build', SEED, '-o', out])).code).toBe(0);
    expect(readdirSync(join(dir, 'new', 'deeper'))).toEqual(['book.xlsx']);
  });
});

describe('the write lock', () => {
  it('a lock held by a live process refuses build, validate --write, --fix and summary --write: exit 2, one line, file unchanged', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const before = readFileSync(book);
    const holder = liveProcess();
    try {
      writeFileSync(`${book}.lock`, lockText(holder.pid));
      for (const argv of [
        ['build', SEED, '-o', book, '--update', book],
        ['validate', book, '--write'],
        ['validate', book, '--fix'],
        ['summary', book, '--write'],
      ]) {
        const r = await cli(argv);
        expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
        expect(oneLine(r.err)).toHaveLength(1);
        expect(r.err).toContain(`工作簿正被另一个 duban 进程写入（pid ${holder.pid}）`);
        expect(readFileSync(book).equals(before)).toBe(true);
      }
      // Reading needs no lock (validate exits 1: the typed row is only partly filled).
      expect((await cli(['validate', book, '--json'])).code).toBe(1);
      expect((await cli(['summary', book, '--json'])).code).toBe(0);
      expect(readFileSync(`${book}.lock`, 'utf8')).toBe(lockText(holder.pid));
    } finally {
      holder.stop();
    }
  });

  it("a stale lock (its process is gone) is taken over with a note, with the dead writer's temporary file", async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const dead = deadPid();
    writeFileSync(`${book}.lock`, lockText(dead));
    writeFileSync(tempPathFor(book, dead), 'half a zip');
    const r = await cli(['validate', book, '--write']);
    expect(r.code).toBe(1); // findings: the typed row is only partly filled
    expect(r.err).toContain(`已接管 ${book}.lock`);
    expect(r.err).toContain(`pid ${dead}`);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('校验结果')).toBeDefined();
  });

  it('an empty lock file (its writer died before writing it) is stale once it is 2 s old', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    writeFileSync(`${book}.lock`, '');
    utimesSync(`${book}.lock`, new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    const r = await cli(['summary', book, '--write']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('内容不完整');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a second writer while a duban process writes: refused with exit 2, and the file is valid after both', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const notice = slowNotice();
    // stdout is not read: ignored, so a long report can never fill the pipe and stall the writer.
    const child = spawn(process.execPath, [BIN, 'build', notice, '--update', book, '-o', book], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const lock = `${book}.lock`;
    const deadline = Date.now() + 240_000;
    while (!existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const second = await cli(['validate', book, '--write']);
    expect(second.code).toBe(2);
    expect(second.err).toContain(`工作簿正被另一个 duban 进程写入（pid ${child.pid}）`);
    expect([await exited, stderr]).toEqual([0, '']);
    expect(await typedValue(book)).toBe('单位填写的措施');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  }, 300_000); // two processes build a notice 20× the seed: slow on a busy 2-core machine

  it('two concurrent validate --write processes: at least one succeeds, the other succeeds or is refused (exit 2); the file is valid', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const run = () =>
      new Promise<{ code: number | null; err: string }>((res) => {
        const c = spawn(process.execPath, [BIN, 'validate', book, '--write'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.on('exit', (code) => res({ code, err }));
      });
    const results = await Promise.all([run(), run()]);
    // validate exits 1 here (the typed row is only partly filled): that is a run that wrote.
    const codes = results.map((r) => r.code).sort();
    expect(codes[0]).toBe(1);
    expect([1, 2]).toContain(codes[1]);
    for (const r of results) if (r.code === 2) expect(r.err).toMatch(/^duban validate: 工作簿正被另一个 duban 进程写入（pid \d+）/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('校验结果')).toBeDefined();
    expect(measureCell(wb).value).toBe('单位填写的措施');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('SIGTERM while writing removes the lock and the temporary file and leaves the workbook as it was', async () => {
    const dir = tmp();
    const book = await filledBook(dir);
    const before = readFileSync(book);
    const notice = slowNotice();
    const child = spawn(process.execPath, [BIN, 'build', notice, '--update', book, '-o', book], { stdio: 'ignore' });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    // Wait until the lock names the child: its content is written after the signal handlers are in
    // place, so the kill cannot land in the instant between the file's creation and their installation
    // (CI once saw exit null there). A busy machine may take long to parse the notice: no short deadline.
    const lock = `${book}.lock`;
    const deadline = Date.now() + 240_000;
    const holds = () => existsSync(lock) && readFileSync(lock, 'utf8').startsWith(`${child.pid}\n`);
    while (!holds() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(holds()).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
    expect(readFileSync(book).equals(before)).toBe(true);
  }, 300_000);
});

describe('output errors: one line naming the path, exit 2', () => {
  it('EISDIR: -o names a folder (with and without --force)', async () => {
    const dir = tmp();
    const out = join(dir, 'book.xlsx');
    mkdirSync(out);
    for (const extra of [[], ['--force']]) {
      const r = await cli(['build', SEED, '-o', out, ...extra]);
      expect(r.code).toBe(2);
      expect(oneLine(r.err)).toEqual([`duban build: 无法写入 ${out}：这是一个文件夹，请给出 .xlsx 文件的路径；未写入任何内容`]);
    }
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('a path through a file (ENOTDIR/EEXIST) is one line, not a stack trace', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plain'), 'x');
    const r = await cli(['build', SEED, '-o', join(dir, 'plain', 'book.xlsx')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toHaveLength(1);
    expect(r.err).toContain('不是文件夹');
  });

  // Root ignores permissions: as root the commands run as `nobody` in a child process, where that is possible.
  const asNobody = process.getuid?.() === 0 && spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 }).status === 0;
  const canTest = process.platform !== 'win32' && (process.getuid?.() !== 0 || asNobody);
  (canTest ? it : it.skip)('EACCES: a read-only folder, for a new workbook and for validate --write', async () => {
    const dir = tmp();
    chmodSync(dir, 0o755);
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    const book = await filledBook(ro);
    chmodSync(book, 0o666);
    chmodSync(ro, 0o555);
    const before = readFileSync(book);
    const run = async (argv: string[]) => {
      if (!asNobody) return cli(argv);
      const r = spawnSync(process.execPath, [BIN, ...argv], { uid: 65534, gid: 65534, encoding: 'utf8' });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    try {
      const out = join(ro, 'new.xlsx');
      const built = await run(['build', SEED, '-o', out]);
      expect(built.code).toBe(2);
      expect(oneLine(built.err)).toEqual([`duban build: 无法写入 ${out}：没有写入权限（请检查该文件及其所在文件夹的权限）；未写入任何内容`]);
      const validated = await run(['validate', book, '--write']);
      expect(validated.code).toBe(2);
      expect(oneLine(validated.err)).toHaveLength(1);
      expect(validated.err).toContain(`无法写入 ${book}：没有写入权限`);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(readdirSync(ro)).toEqual(['book.xlsx']);
    } finally {
      chmodSync(ro, 0o755);
    }
  });

  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EROFS', '所在磁盘是只读的'],
    ['ENOENT', '所在文件夹 /srv/out 不存在'],
    ['EACCES', '没有写入权限'],
  ])('%s is one Chinese line naming the path', (code, text) => {
    const e = outputError('/srv/out/book.xlsx', Object.assign(new Error(`${code}: something\nat stack`), { code }));
    expect(e.message).toBe(`无法写入 /srv/out/book.xlsx：${text}${code === 'EACCES' ? '（请检查该文件及其所在文件夹的权限）' : ''}；未写入任何内容`);
  });

  it('writeFileAtomic: a failure before the rename leaves the target untouched and no temporary file', async () => {
    const dir = tmp();
    const target = join(dir, 'book.xlsx');
    writeFileSync(target, 'old');
    mkdirSync(tempPathFor(target)); // the temporary file cannot be created
    await expect(writeFileAtomic(target, Buffer.from('new'))).rejects.toThrow(`无法写入 ${target}`);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(pendingWrites().temps).toBe(0);
    await expect(writeFileAtomic(join(dir, 'missing', 'book.xlsx'), Buffer.from('new'))).rejects.toThrow('所在文件夹');
  });

  it('writeFileAtomic keeps the permissions of the file it replaces', async () => {
    const dir = tmp();
    const target = join(dir, 'book.xlsx');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, Buffer.from('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o640);
  });
});
