import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { openWorkbook } from '../adapters/xlsx/files';
import { outputError, withWriteLock } from '../adapters/xlsx/safeWrite';
import { UsageError } from './args';
import type { Io } from './io';

/**
 * Run a command that rewrites `file` holding its lock (a second duban writer is refused). A file that
 * does not exist takes no lock: reading it fails with its own one-line reason.
 */
export function rewriting<T>(command: string, file: string, io: Io, fn: () => Promise<T>): Promise<T> {
  if (!existsSync(file)) return fn();
  return withWriteLock(file, (note) => io.err(`duban ${command}: ${note}`), fn);
}

/** Create the output's folder (`-o out/new/book.xlsx`); failures are one-line `OutputError`s. */
export async function makeOutputDir(out: string): Promise<void> {
  try {
    await mkdir(dirname(out), { recursive: true });
  } catch (e) {
    throw outputError(out, e);
  }
}

/** Whether two paths name the same file (the same path, or the same file through links). */
export async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * `build -o OUT` onto an existing file: a Duban workbook (units may have filled it) is never replaced,
 * only updated (`--update OUT`); any other file is replaced only with `--force`. Both refusals are
 * usage errors (exit 2) and write nothing.
 */
export async function refuseOverwrite(out: string, force: boolean, command: 'build' | 'merge' = 'build'): Promise<void> {
  let isDir: boolean;
  try {
    isDir = (await stat(out)).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw outputError(out, e);
  }
  if (isDir) throw outputError(out, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  // merge has no --update or --force: its output is the master itself or a new file.
  if (command === 'merge') throw new UsageError(`${out} 已存在：合并结果请写入总表本身（-o 与总表相同）或一个新文件名；未写入任何内容`);
  if (await isDubanWorkbook(out)) {
    throw new UsageError(`${out} 已是督办工作簿，重新生成会丢掉各单位填写的内容：要更新它请用 --update ${out}${force ? '（--force 不覆盖督办工作簿；确要从头生成，请先删除或改名它）' : ''}；未写入任何内容`);
  }
  if (!force) throw new UsageError(`${out} 已存在，且不是督办工作簿：确认要覆盖它请加 --force；未写入任何内容`);
}

/** A workbook duban made: it opens as .xlsx and has 任务清单, _台账索引 or a 台账- sheet. */
async function isDubanWorkbook(path: string): Promise<boolean> {
  try {
    const wb = await openWorkbook(path);
    return wb.worksheets.some((ws) => ws.name === '任务清单' || ws.name === '_台账索引' || ws.name.startsWith('台账-'));
  } catch {
    return false;
  }
}
