import { readArgs, UsageError } from './args';
import { processIo, type Io } from './io';
import { parseCommand } from './parseCommand';
import { demoCommand } from './demoCommand';
import { buildCommand } from './buildCommand';
import { summaryCommand } from './summaryCommand';
import { validateCommand } from './validateCommand';
import { splitCommand } from './splitCommand';
import { mergeCommand } from './mergeCommand';
import { remindCommand } from './remindCommand';
import { reportCommand } from './reportCommand';
import { UnreadableWorkbook } from '../adapters/xlsx/files';
import { UnreadableInput } from './readNotice';
import { OutputError } from '../adapters/xlsx/safeWrite';

const USAGE = `duban — 督办：任务分工通知 → 工作台账工作簿

  duban parse    <通知.txt|.docx|分工表.xlsx|.csv> [--json] [--lead-first] [--columns 任务=改革举措,责任单位=指导部门]
  duban build    <通知.txt|.docx|分工表.xlsx|.csv> -o <工作簿.xlsx> [--as-of YYYY-MM-DD] [--update <工作簿.xlsx>] [--dry-run] [--json] [--lead-first] [--columns …] [--source 事项来源] [--force]
  duban build    --update <工作簿.xlsx> -o <工作簿.xlsx> [--dry-run]   按工作簿中编辑过的任务清单更新分工
  duban validate <工作簿.xlsx> [--json] [--as-of YYYY-MM-DD] [--unit 单位]… [--write] [--fix]
  duban summary  <工作簿.xlsx> [--json] [--as-of YYYY-MM-DD] [--write] [--snapshot [--replace]]
  duban remind   <工作簿.xlsx> [--as-of YYYY-MM-DD] [--json] [--write]   催办单
  duban report   <工作簿.xlsx> -o <通报.docx> [--as-of YYYY-MM-DD] [--title 通知简称] [--source 事项来源] [--write] [--json] [--force]   通报（Word，党政机关公文格式；--write 同时写入“通报”工作表）
  duban split    <工作簿.xlsx> -d <目录> [--unit 单位]… [--force]      每个单位一个台账文件，供下发
  duban merge    <工作簿.xlsx> <回收文件.xlsx…> -o <合并后.xlsx> [--json]   合并各单位发回的文件
  duban demo     解析示例通知 seeds/tianjin-2020-task-division.txt，打印概览并生成 out/tianjin-2020.xlsx

已有的督办工作簿只能更新（-o 工作簿.xlsx --update 工作簿.xlsx，先用 --dry-run 看变更），不会被整个替换；其他已有文件要加 --force 才覆盖。
退出码：0 成功，1 有校验问题、合并冲突或拒收的文件，2 用法错误、无法读取输入或无法写入输出`;

const COMMANDS: Record<string, (args: ReturnType<typeof readArgs>, io: Io) => Promise<number>> = {
  parse: parseCommand,
  build: buildCommand,
  summary: (args, io) => summaryCommand(args, io),
  validate: (args, io) => validateCommand(args, io),
  split: (args, io) => splitCommand(args, io),
  merge: (args, io) => mergeCommand(args, io),
  remind: (args, io) => remindCommand(args, io),
  report: (args, io) => reportCommand(args, io),
  demo: demoCommand,
};

const VALUE_OPTIONS = ['-o', '--out', '-d', '--dir', '--as-of', '--update', '--unit', '--columns', '--title', '--source'] as const;
/** Value options that may be given more than once. */
const REPEATABLE = ['--unit'] as const;

/** Run the CLI; returns the exit code. Usage, unreadable input and an output that cannot be written → 2 with a one-line reason. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`duban: 未知命令 ${name}（可用：${Object.keys(COMMANDS).join('、')}）`);
    return 2;
  }
  try {
    return await command(readArgs(rest, VALUE_OPTIONS, REPEATABLE), io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnreadableInput || e instanceof UnreadableWorkbook || e instanceof OutputError) {
      io.err(`duban ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
