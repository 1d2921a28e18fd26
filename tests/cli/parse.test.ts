import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { captureIo } from '../support/captureIo';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const fixture = (name: string) => join(root, 'tests', 'parser', 'fixtures', name);

describe('duban parse', () => {
  it('--json prints the duban.notice/1 document with ids as strings', async () => {
    const io = captureIo();
    expect(await runCli(['parse', SEED, '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc.schema).toBe('duban.notice/1');
    expect(Object.keys(doc)).toEqual(['schema', 'notice', 'sections', 'tasks', 'units', 'issues']);
    expect(doc.tasks).toHaveLength(120);
    expect(doc.tasks[0]).not.toHaveProperty('line');
    expect(typeof doc.tasks.find((t: { id: string }) => t.id === '11.8').id).toBe('string');
  });

  it('prints a readable overview: counts, units by load, deadline kinds, issues', async () => {
    const io = captureIo();
    expect(await runCli(['parse', SEED], io)).toBe(0);
    expect(io.stdout).toContain('板块 44 · 事项 50 · 任务 120 · 单位 54 · 分工 364（牵头 74，负责 265，配合 22，分别负责 3）');
    const unitLines = io.stdout.split('\n').filter((l) => /^ {2}市|^ {2}人民银行/.test(l));
    expect(unitLines[0]).toMatch(/^ {2}市发展改革委\s+10\s+34\s+1\s+0\s+45$/);
    expect(io.stdout).toContain('逐月调度(monthly) 1');
    expect(io.stdout).toContain('问题：无');
  });

  it('reads a GB18030 file and a .docx', async () => {
    for (const name of ['labelled-forms.gb18030.txt', 'labelled-forms.docx']) {
      const io = captureIo();
      expect(await runCli(['parse', fixture(name), '--json'], io)).toBe(0);
      expect(JSON.parse(io.stdout).tasks).toHaveLength(7);
    }
  });

  it('--lead-first applies the convention to an undeclared notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-'));
    const file = join(dir, 'n.txt');
    writeFileSync(file, '1．推进重点项目。（省发展改革委、省财政厅等按职责分工负责，年内持续推进）\n2021年1月1日\n');
    const io = captureIo();
    await runCli(['parse', file, '--json', '--lead-first'], io);
    expect(JSON.parse(io.stdout).tasks[0].units).toEqual([
      { name: '省发展改革委', role: 'lead' },
      { name: '省财政厅', role: 'support' },
    ]);
  });

  it.each([
    [['parse'], '用法'],
    [['parse', '/nonexistent/notice.txt'], '无法读取'],
    [['parse', SEED, '--jsn'], '未知选项 --jsn'],
    [['frobnicate'], '未知命令'],
  ])('%j exits 2 with a one-line reason', async (argv, reason) => {
    const io = captureIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toContain(reason);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('binary garbage exits 2; an empty file exits 0 with an error issue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-'));
    const bin = join(dir, 'g.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const io = captureIo();
    expect(await runCli(['parse', bin], io)).toBe(2);
    expect(io.stderr).toContain('不是文本');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const io2 = captureIo();
    expect(await runCli(['parse', empty, '--json'], io2)).toBe(0);
    expect(JSON.parse(io2.stdout).issues.map((i: { code: string }) => i.code)).toContain('NO_TASKS');
  });

  it('the installed bin runs (bin/duban.cjs through tsx)', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'duban.cjs'), 'parse', SEED, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).tasks).toHaveLength(120);
  });
});
