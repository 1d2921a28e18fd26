import { constants, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { access, chmod, lstat, open, readFile, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes that cannot destroy a workbook: every file goes to a temporary file beside its target and
 * is renamed over it only when complete and synced; a writer holds `<target>.lock` meanwhile, so a
 * second duban process is refused instead of interleaving. A kill at any moment leaves the old file
 * or the new one, never half of either; what a kill leaves behind (a lock, a temporary file) is
 * taken over by the next run.
 */

/** A file that cannot be written: the CLI prints the one-line message and exits 2. */
export class OutputError extends Error {}

/** Another live duban process holds the target's lock. */
export class WorkbookBusy extends OutputError {}

/** One line, in Chinese, naming the path, for an error from writing `path` (or its lock or temp file). */
export function outputError(path: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason: Record<string, string> = {
    EISDIR: '这是一个文件夹，请给出 .xlsx 文件的路径',
    EACCES: '没有写入权限（请检查该文件及其所在文件夹的权限）',
    EPERM: '操作不被允许（没有写入权限，或文件正被其他程序如 Excel 打开）',
    EBUSY: '文件正被其他程序占用（是否在 Excel 中打开？）',
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已用完',
    ENOENT: `所在文件夹 ${dirname(path)} 不存在`,
    ENOTDIR: `路径 ${dirname(path)} 中有一段不是文件夹`,
    EEXIST: `路径 ${dirname(path)} 中有一段不是文件夹`, // mkdir -p over a file
    EROFS: '所在磁盘是只读的',
    ENAMETOOLONG: '路径太长',
    EMFILE: '打开的文件太多',
  };
  const text = code !== undefined && reason[code] !== undefined ? reason[code] : `${code ?? ''} ${e instanceof Error ? e.message : String(e)}`.trim();
  return new OutputError(`无法写入 ${path}：${text.replace(/\s*\n\s*/g, ' ')}；未写入任何内容`);
}

/** `.FILLED.xlsx.duban-<pid>.tmp` beside the target. */
export function tempPathFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}.duban-${pid}.tmp`);
}

export function lockPathFor(target: string): string {
  return `${target}.lock`;
}

/** Temporary files and locks this process must remove if it is interrupted (SIGINT/SIGTERM, exit). */
const pendingTemps = new Set<string>();
const heldLocks = new Set<string>();

/**
 * Write `bytes` to `target` atomically: a temporary file beside it, fsync, then rename over the
 * target (keeping its permissions). On any failure the temporary file is removed, the target is
 * untouched and the error is an {@link OutputError} naming `target`.
 *
 * A symbolic link at `target` is written through (the workbook a user named by its alias is the one
 * updated) unless `replaceLinks` is set: files written into a folder (`split -d`) replace a link
 * found there by a real file and never touch the file it points at, which may lie outside the folder.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { replaceLinks?: boolean } = {}): Promise<void> {
  let real = target;
  let mode: number | undefined;
  try {
    const link = options.replaceLinks === true && (await lstat(target)).isSymbolicLink();
    if (!link) {
      const s = await stat(target);
      if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      await access(target, constants.W_OK); // a read-only file stays read-only, although its folder would allow the rename
      real = await realpath(target); // write through a symbolic link, not over it
      mode = s.mode & 0o7777;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(target, e);
  }
  const temp = tempPathFor(real);
  pendingTemps.add(temp);
  try {
    // Created afresh (`wx`): a link someone left at the temporary name is removed, never written through.
    await unlink(temp).catch(() => undefined);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      if (mode !== undefined) await chmod(temp, mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, real);
    pendingTemps.delete(temp);
    await syncDirectory(dirname(real));
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    pendingTemps.delete(temp);
    throw outputError(target, e);
  }
}

/** Make the rename itself durable; directories cannot be opened for sync on every platform, so this is best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Windows and some file systems refuse: the rename has happened, only its durability is not forced.
  }
}

export type LockNote = (text: string) => void;

/** Run `fn` holding `<target>.lock`; the lock is released afterwards, and on SIGINT/SIGTERM. */
export async function withWriteLock<T>(target: string, note: LockNote, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(target, note);
  try {
    return await fn();
  } finally {
    releaseLockSync(lock);
  }
}

type Holder = { pid: number; host: string; time: string };

function parseLock(text: string): Holder | null {
  const [pid, time, host] = text.split('\n');
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0 || time === undefined || time === '') return null;
  return { pid: n, time, host: host ?? '' };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Create `<target>.lock` exclusively (`wx`) with our pid, time and host. A lock of a live process
 * (or of another computer, whose processes cannot be checked) is {@link WorkbookBusy}; a lock whose
 * process is gone is taken over, with a note, and that process's temporary file removed.
 */
export async function acquireLock(named: string, note: LockNote): Promise<string> {
  // Keyed on the real file: two paths to one workbook (a symbolic link, `./`, `..`) share one lock.
  const target = await realTarget(named);
  const lock = lockPathFor(target);
  for (let attempt = 0; attempt < 100; attempt++) {
    let handle: FileHandle | undefined;
    try {
      handle = await open(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(named, e);
    }
    if (handle !== undefined) {
      heldLocks.add(lock);
      installHandlers();
      try {
        await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n${hostname()}\n`);
        await handle.close();
      } catch (e) {
        await handle.close().catch(() => undefined);
        releaseLockSync(lock);
        throw outputError(named, e);
      }
      return lock;
    }
    let text: string;
    let age: number;
    try {
      text = await readFile(lock, 'utf8');
      age = Date.now() - (await stat(lock)).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
      throw outputError(named, e);
    }
    const holder = parseLock(text);
    if (holder === null && age < 2000) {
      await sleep(50); // created this instant, its content not yet written
      continue;
    }
    if (holder !== null && (holder.host !== hostname() || isAlive(holder.pid))) {
      const where = holder.host !== hostname() ? `，在计算机 ${holder.host} 上` : '';
      throw new WorkbookBusy(`工作簿正被另一个 duban 进程写入（pid ${holder.pid}${where}）：${named}，始于 ${holder.time}；请等它结束后再试，若确认该进程已不在，可删除 ${lock}`);
    }
    // Stale. Remove it only if it is still the same file: another process may have taken it over meanwhile.
    if ((await readFile(lock, 'utf8').catch(() => null)) !== text) continue;
    await unlink(lock).catch(() => undefined);
    note(`已接管 ${lock}：它属于已不在的 duban 进程${holder ? `（pid ${holder.pid}，始于 ${holder.time}）` : '（内容不完整）'}`);
    removeLeftoverTemps(target);
  }
  throw new WorkbookBusy(`无法取得 ${lock}（一直被占用），请稍后再试`);
}

/**
 * The file a path names once links are followed; for a file not yet written, its real folder and
 * its name (a link whose target does not exist yet is followed too, as the write will follow it).
 */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      const link = await lstat(path);
      if (link.isSymbolicLink()) return resolve(dirname(path), await readlink(path));
    } catch {
      // not there: named by its folder
    }
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Temporary files of processes that are gone (a kill between write and rename leaves one). */
function removeLeftoverTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.duban-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // someone else removed it
      }
    }
  }
}

/** Remove the lock if it is still ours. Synchronous so signal and exit handlers can use it. */
export function releaseLockSync(lock: string): void {
  heldLocks.delete(lock);
  try {
    const holder = parseLock(readFileSync(lock, 'utf8'));
    if (holder === null || holder.pid === process.pid) unlinkSync(lock);
  } catch {
    // already gone
  }
  if (heldLocks.size === 0) removeHandlers();
}

function cleanupSync(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // not created yet, or already renamed
    }
  }
  pendingTemps.clear();
  for (const lock of [...heldLocks]) releaseLockSync(lock);
}

const onSignal = (signal: NodeJS.Signals): void => {
  cleanupSync();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
let installed = false;

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', cleanupSync);
}

function removeHandlers(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.removeListener('exit', cleanupSync);
}

/** Exposed for tests: whether this process holds any lock or pending temporary file. */
export function pendingWrites(): { temps: number; locks: number } {
  return { temps: pendingTemps.size, locks: heldLocks.size };
}
