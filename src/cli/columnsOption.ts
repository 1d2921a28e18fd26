import { readColumnChoices } from '../domain/table/columnChoices';
import type { ColumnChoice } from '../domain/table/types';
import type { NoticeInput } from './readInput';
import { UsageError, type Args } from './args';

/** `--columns 任务=改革举措,责任单位=指导部门`: the clerk's reading of a table's columns; a bad pair is a usage error. */
export function columnsOption(args: Args): ColumnChoice[] | undefined {
  const text = args.values.get('--columns');
  if (text === undefined) return undefined;
  const { choices, problems } = readColumnChoices(text);
  if (problems.length > 0 || choices.length === 0) throw new UsageError(`--columns：${problems[0] ?? '没有指定任何列'}`);
  return choices;
}

/** The input with the clerk's column choices; a notice in prose has no columns to choose. */
export function withColumns(input: NoticeInput, choices: ColumnChoice[] | undefined): NoticeInput {
  if (choices === undefined) return input;
  if (input.kind === 'prose') throw new UsageError('--columns 只用于分工表（.xlsx、.csv 或 Word 中的表格），这个文件是通知正文');
  return { ...input, table: { ...input.table, columns: choices } };
}
