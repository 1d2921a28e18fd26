/**
 * Ledger (工作台账) columns, DESIGN §6. The header text is the contract, not the position:
 * ledgers in a unit's own layout are read by header with these aliases.
 */
export type LedgerColumnKey =
  | 'taskId' | 'section' | 'text' | 'role' | 'leads' | 'deadlineText' | 'due'
  | 'measures' | 'office' | 'person' | 'plannedDate' | 'outputForm' | 'progress' | 'status' | 'doneDate' | 'updated'
  | 'warning' | 'note'
  // The supervision loop (DESIGN §12): the unit's request and evidence, then the office's answer and review.
  | 'extensionAsked' | 'extensionReason' | 'evidence'
  | 'extensionReply' | 'extensionGranted' | 'review' | 'reviewNote' | 'closedDate';

export type LedgerColumn = {
  key: LedgerColumnKey;
  header: string;
  aliases: string[];
  /**
   * generated: written by Duban, locked; fill: the unit's; office: the 督查室's own (unlocked in the
   * master, locked in a unit's file, never taken from a returned file); formula: computed.
   */
  role: 'generated' | 'fill' | 'office' | 'formula';
  width: number;
  kind: 'text' | 'date' | 'long';
};

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'taskId', header: '任务编号', aliases: ['编号', '任务序号', '序号'], role: 'generated', width: 9, kind: 'text' },
  { key: 'section', header: '板块', aliases: ['所属板块', '领域'], role: 'generated', width: 16, kind: 'long' },
  { key: 'text', header: '任务内容', aliases: ['工作任务', '重点任务', '任务'], role: 'generated', width: 48, kind: 'long' },
  { key: 'role', header: '本单位职责', aliases: ['职责', '承担角色', '本单位角色'], role: 'generated', width: 11, kind: 'text' },
  { key: 'leads', header: '牵头单位', aliases: [], role: 'generated', width: 16, kind: 'long' },
  { key: 'deadlineText', header: '完成时限', aliases: ['时限要求', '时间要求', '时限'], role: 'generated', width: 14, kind: 'long' },
  { key: 'due', header: '截止日期', aliases: ['截止时间'], role: 'generated', width: 11, kind: 'date' },
  { key: 'measures', header: '具体措施', aliases: ['工作措施', '落实措施', '推进措施'], role: 'fill', width: 30, kind: 'long' },
  { key: 'office', header: '责任处室', aliases: ['承办处室', '责任部门'], role: 'fill', width: 12, kind: 'text' },
  { key: 'person', header: '责任人', aliases: ['负责人', '具体责任人'], role: 'fill', width: 10, kind: 'text' },
  { key: 'plannedDate', header: '计划完成时间', aliases: ['计划完成日期', '计划完成'], role: 'fill', width: 12, kind: 'date' },
  { key: 'outputForm', header: '成果形式', aliases: ['成果', '预期成果'], role: 'fill', width: 11, kind: 'text' },
  { key: 'progress', header: '进展情况', aliases: ['工作进展', '进展', '落实情况', '推进情况'], role: 'fill', width: 30, kind: 'long' },
  { key: 'status', header: '状态', aliases: ['完成状态', '推进状态', '任务状态'], role: 'fill', width: 9, kind: 'text' },
  { key: 'doneDate', header: '完成日期', aliases: ['实际完成时间', '实际完成日期'], role: 'fill', width: 11, kind: 'date' },
  { key: 'updated', header: '更新日期', aliases: ['填报日期', '更新时间'], role: 'fill', width: 11, kind: 'date' },
  { key: 'warning', header: '预警', aliases: ['预警状态'], role: 'formula', width: 9, kind: 'text' },
  { key: 'note', header: '备注', aliases: ['说明'], role: 'fill', width: 16, kind: 'long' },
  { key: 'extensionAsked', header: '申请延期至', aliases: ['申请延期', '延期至'], role: 'fill', width: 11, kind: 'date' },
  { key: 'extensionReason', header: '延期理由', aliases: ['延期原因'], role: 'fill', width: 20, kind: 'long' },
  { key: 'evidence', header: '佐证材料', aliases: ['佐证', '证明材料'], role: 'fill', width: 20, kind: 'long' },
  { key: 'extensionReply', header: '延期批复', aliases: [], role: 'office', width: 9, kind: 'text' },
  { key: 'extensionGranted', header: '批准时限', aliases: ['批准延期至'], role: 'office', width: 11, kind: 'date' },
  { key: 'review', header: '审核结果', aliases: [], role: 'office', width: 9, kind: 'text' },
  { key: 'reviewNote', header: '审核意见', aliases: [], role: 'office', width: 20, kind: 'long' },
  { key: 'closedDate', header: '销号日期', aliases: [], role: 'office', width: 11, kind: 'date' },
];

/** Every column someone types into (the unit's and the office's): kept on every rebuild. */
export const FILL_KEYS = LEDGER_COLUMNS.filter((c) => c.role === 'fill' || c.role === 'office').map((c) => c.key);
/** The columns a unit fills: the only ones a returned file contributes (DESIGN §6, §10). */
export const UNIT_FILL_KEYS = LEDGER_COLUMNS.filter((c) => c.role === 'fill').map((c) => c.key);

export const EXTENSION_REPLIES = ['同意', '不同意'] as const;
export const REVIEW_RESULTS = ['通过', '退回'] as const;

export const STATUS_VALUES = ['未启动', '推进中', '已完成', '受阻'] as const;
export const OUTPUT_FORMS = ['政策文件', '工作方案', '项目建成', '数据指标', '工作报告', '其他'] as const;

/** The mark left in 本单位职责 of a row whose task is no longer in the notice. */
export const REMOVED_MARK = '已移出分工';

export type HeaderMatch = {
  /** Column index per key found. */
  columns: Partial<Record<LedgerColumnKey, number>>;
  duplicates: Array<{ key: LedgerColumnKey; header: string; indexes: number[] }>;
};

/** Find ledger columns in a header row by text and aliases (spaces and line breaks ignored). */
export function matchHeaders(headers: readonly unknown[]): HeaderMatch {
  const found = new Map<LedgerColumnKey, number[]>();
  headers.forEach((h, i) => {
    const text = typeof h === 'string' ? h.replace(/[\s*＊]/g, '') : '';
    if (text.length === 0) return;
    const col = LEDGER_COLUMNS.find((c) => c.header === text) ?? LEDGER_COLUMNS.find((c) => c.aliases.includes(text));
    if (!col) return;
    found.set(col.key, [...(found.get(col.key) ?? []), i]);
  });
  const columns: Partial<Record<LedgerColumnKey, number>> = {};
  const duplicates: HeaderMatch['duplicates'] = [];
  for (const [key, indexes] of found) {
    columns[key] = indexes[0] as number;
    if (indexes.length > 1) duplicates.push({ key, header: headerOf(key), indexes });
  }
  return { columns, duplicates };
}

export function headerOf(key: LedgerColumnKey): string {
  return (LEDGER_COLUMNS.find((c) => c.key === key) as LedgerColumn).header;
}

/** How far down a unit's own ledger may put its header row (under a title like `市财政局工作台账`). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row of a ledger: the first of its top rows that names 任务编号 and at least two
 * other ledger columns. Generated ledgers have it at row 0; a unit's own may have a title above.
 */
export function locateHeader(rows: readonly (readonly unknown[])[]): { row: number; match: HeaderMatch } {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const match = matchHeaders(rows[r] ?? []);
    if (match.columns.taskId !== undefined && Object.keys(match.columns).length >= 3) return { row: r, match };
  }
  return { row: 0, match: matchHeaders(rows[0] ?? []) };
}
