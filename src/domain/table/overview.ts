import { COLUMN_LABEL, type TableReading, type TableSource } from './types';
import { pickerWord } from './columnChoices';

const FORMAT_LABEL: Record<TableSource['format'], string> = { xlsx: 'Excel 工作簿', csv: 'CSV 文件', docx: 'Word 文件中的表格', sheet: '当前工作表' };

/**
 * The lines that say which table was read and how each column was understood, printed above the
 * notice overview by `duban parse` and shown by the pane before anything is written.
 *
 * @example
 * tableSourceLines({ kind: 'table', format: 'xlsx', tables: [{ name: '工作表“分工表”', headerRow: 2, tasks: 3,
 *   columns: [{ header: '牵头部门', as: 'lead' }, { header: '备注', as: null }] }] })
 * //=> ['输入：分工表（Excel 工作簿，工作表“分工表”，表头在第 2 行，任务 3 行）', '  列：牵头部门 → 牵头单位；备注 → 未使用']
 */
export function tableSourceLines(source: TableSource): string[] {
  if (source.tables.length === 0) return [`输入：分工表（${FORMAT_LABEL[source.format]}，没有读到表格）`];
  return source.tables.flatMap((t) => [
    `输入：分工表（${FORMAT_LABEL[source.format]}，${t.name}，表头在第 ${t.headerRow} 行，任务 ${t.tasks} 行）`,
    `  列：${columnLines(t.columns).join('；')}`,
  ]);
}

/** Why a column was read so, when not by its header: the clerk checks these first. */
const BASIS_WORD = { content: '按内容判断', user: '按指定' } as const;
const BASIS_NOTE = { content: `（${BASIS_WORD.content}）`, user: `（${BASIS_WORD.user}）` } as const;

/**
 * `牵头部门 → 牵头单位` for each column, `备注 → 未使用` for a column not read, `分工 → 责任单位（按内容判断）`
 * for one read by its cells, `改革举措 → 任务（按指定）` for one the user chose.
 */
export function columnLines(columns: TableSource['tables'][number]['columns']): string[] {
  return columns.map((c) => `${c.header.replace(/\s+/g, '')} → ${c.as === null ? '未使用' : COLUMN_LABEL[c.as]}${c.by === undefined ? '' : BASIS_NOTE[c.by]}`);
}

/** One column in the pane's picker: what it was read as, and why when not by its header. */
export type ColumnPick = {
  /** The header as written, which the clerk's choice names. */
  header: string;
  /** The control's label, naming the column: `“改革举措”列作为`. */
  label: string;
  /** The picker's word for the reading: `任务`, `责任单位`…, or 不用. */
  word: string;
  /** `按内容判断` or `按指定`; null for a column read by its header. */
  basis: string | null;
};

/**
 * A table's columns as the pane's picker shows them, in table order.
 *
 * @example
 * columnPicks([{ header: '协同方', as: null }, { header: '分工', as: 'responsible', by: 'content' }])
 * //=> [{ header: '协同方', label: '“协同方”列作为', word: '不用', basis: null },
 * //    { header: '分工', label: '“分工”列作为', word: '责任单位', basis: '按内容判断' }]
 */
export function columnPicks(columns: TableReading['columns']): ColumnPick[] {
  return columns.map((c) => ({
    header: c.header,
    label: `“${c.header.replace(/\s+/g, '')}”列作为`,
    word: pickerWord(c.as),
    basis: c.by === undefined ? null : BASIS_WORD[c.by],
  }));
}
