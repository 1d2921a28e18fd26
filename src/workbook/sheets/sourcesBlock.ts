import { sheetRef } from '../../domain/grid/a1';
import { SHEET } from '../../domain/grid/names';
import { formula, text, type BlockPlan, type Cell } from '../plan';
import { TASK_COLUMN } from './tasksSheet';

export const SOURCE_HEADERS = ['事项来源', '任务数', '已完成', '推进中', '未启动', '受阻', '未填报', '逾期', '临期', '完成率', '完成率（完成/任务）'] as const;

const T = `${sheetRef(SHEET.tasks.name)}!`;
const task = (key: keyof typeof TASK_COLUMN): string => `${T}$${TASK_COLUMN[key]}:$${TASK_COLUMN[key]}`;

/**
 * 汇总's 分来源 table (DESIGN §13): one row per 事项来源, counting its tasks in 任务清单 by 任务状态
 * and 预警 as the overall figures do, so the rows add up to them. Laid out only when the workbook
 * has several sources. COUNTIFS over whole columns, as 分板块 counts. The name is matched exactly:
 * COUNTIF reads `*`, `?` and `~` in a criterion as a pattern, and a leading `<`, `>` or `=` as a
 * comparison, so the criterion is `=` and the name with those escaped (`纪要*` counts only itself).
 */
/** A COUNTIF criterion matching a cell's text exactly, wildcards and comparison signs included. */
export const exactly = (ref: string): string => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;

export function sourcesBlock(sources: readonly string[], at: number): BlockPlan {
  const rows = sources.map((name, i): Cell[] => {
    const r = at + 1 + i;
    const mine = `${task('source')},${exactly(`$A${r}`)}`;
    const by = (key: 'status' | 'warning', value: string) => formula(`COUNTIFS(${mine},${task(key)},"${value}")`);
    return [
      text(name),
      formula(`COUNTIF(${mine})`),
      by('status', '已完成'),
      by('status', '推进中'),
      by('status', '未启动'),
      by('status', '受阻'),
      by('status', '未填报'),
      by('warning', '逾期'),
      by('warning', '临期'),
      formula(`IF(B${r}=0,"—",C${r}/B${r})`),
      formula(`IF(B${r}=0,"—",TEXT(C${r}/B${r},"0.0%")&"（"&C${r}&"/"&B${r}&"）")`),
    ];
  });
  return { at: `A${at}`, cells: [SOURCE_HEADERS.map(text), ...rows], boldFirstRow: true, numberFormats: SOURCE_HEADERS.map((h) => (h === '完成率' ? '0.0%' : null)) };
}
