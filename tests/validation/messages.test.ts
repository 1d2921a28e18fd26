import type { SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { SEVERITY, type Finding, type FindingCode } from '../../src/domain/validation/findings';
import { columnLetter } from '../../src/domain/grid/a1';
import { excelSerial } from '../../src/domain/time/isoDate';
import { A, AS_OF, at, base, clone, filledCorrectly, setCell, sheetOf } from './filledBook';

// The words the clerk reads, one finding code at a time (issue #26): each case builds a real
// workbook that triggers the code, and the message is asserted word for word. The table is keyed
// by code, so a code added to findings.ts without a case here fails the completeness test below.

const F = '台账-市财政局';
const AFTER_EDIT = '（如刚修改过任务清单，请先“更新分工”）';
const d = (iso: string): number => excelSerial(iso, 1900);
/** 市财政局's ledger only (every ledger runs the same rules): fast, and the findings are the planted ones. */
const validate = (book: WorkbookData): Finding[] =>
  validateWorkbook({ sheets: book.sheets.filter((s) => !s.name.startsWith('台账-') || s.name === F || !base.sheets.some((b) => b.name === s.name)) }, AS_OF).findings;

/** A filled book with cells of 市财政局's row of task 3.1 (牵头, due 2020-12-31) set. */
function row31(cells: Partial<Record<Parameters<typeof at>[0], SheetValue>>): WorkbookData {
  const book = filledCorrectly();
  for (const [key, value] of Object.entries(cells)) setCell(book, F, '3.1', key as Parameters<typeof at>[0], value as SheetValue);
  return book;
}

/** A filled book with cells of 量化指标's row `id` set by header. */
function target(id: string, cells: Record<string, SheetValue>, percentCell = false): WorkbookData {
  const book = filledCorrectly();
  const sheet = sheetOf(book, '量化指标');
  const header = (sheet.rows[0] as SheetValue[]).map(String);
  const r = sheet.rows.findIndex((row) => row[0] === id);
  for (const [h, v] of Object.entries(cells)) (sheet.rows[r] as SheetValue[])[header.indexOf(h)] = v;
  if (percentCell) sheet.percentCells = [`${columnLetter(header.indexOf('完成值'))}${r + 1}`];
  return book;
}

type Case = { name: string; book: () => WorkbookData; message: string | RegExp };

const CASES: Record<FindingCode, Case[]> = {
  HEADER_MISSING: [
    {
      name: 'a ledger whose 责任人 column was deleted',
      book: () => {
        const book = filledCorrectly();
        const sheet = sheetOf(book, F);
        sheet.rows = sheet.rows.map((row) => row.filter((_v, i) => i !== at('person')));
        return book;
      },
      message: '缺少“责任人”列',
    },
  ],
  HEADER_DUPLICATE: [
    {
      name: 'a 备注 column retitled 状态',
      book: () => {
        const book = filledCorrectly();
        (sheetOf(book, F).rows[0] as SheetValue[])[at('note')] = '状态';
        return book;
      },
      message: `“状态”列出现了 2 次（第 ${columnLetter(at('status'))}、${columnLetter(at('note'))} 列），请删除多余的一列`,
    },
  ],
  REQUIRED_EMPTY: [
    { name: 'an empty 成果形式', book: () => row31({ outputForm: null }), message: '“成果形式”未填写' },
    { name: 'a 具体措施 of spaces', book: () => row31({ measures: '   ' }), message: '“具体措施”未填写（只有空格）' },
  ],
  PROGRESS_EMPTY: [{ name: '受阻 without 进展情况', book: () => row31({ status: '受阻', progress: '' }), message: '状态为“受阻”，请填写进展情况' }],
  NOT_IN_LIST: [
    { name: 'a 成果形式 outside the list', book: () => row31({ outputForm: '会议纪要' }), message: '“成果形式”填写了“会议纪要”，只能是：政策文件、工作方案、项目建成、数据指标、工作报告、其他' },
    { name: 'a 延期批复 of 批准', book: () => row31({ extensionAsked: d('2021-03-31'), extensionReply: '批准' }), message: '“延期批复”填写了“批准”，只能是：同意、不同意' },
  ],
  NOT_A_DATE: [
    { name: 'words in 计划完成时间', book: () => row31({ plannedDate: '年底' }), message: '“计划完成时间”填写了“年底”，这里需要一个日期（例如 2020-12-31）' },
    { name: 'a date typed as digits', book: () => row31({ plannedDate: 20201215 }), message: '“计划完成时间”填写了 20201215，这不是日期（像是把 2020-12-15 写成了数字），请改为日期 2020-12-15' },
    { name: 'a negative number', book: () => row31({ plannedDate: -3 }), message: '“计划完成时间”填写了 -3，这不是日期（日期必须在 1900-01-01 之后），请填写日期（例如 2020-12-31）' },
    { name: 'a number past 9999-12-31', book: () => row31({ plannedDate: 3e6 }), message: /^“计划完成时间”填写了 3000000，这不是日期（超出了 Excel 的日期范围，最晚是 9999-12-31），请填写日期（例如 2020-12-31）$/ },
    { name: 'a cell the file stores as no valid number', book: () => row31({ plannedDate: Number.NaN }), message: '“计划完成时间”中的值无法识别（文件里记录的不是有效数字），请重新填写日期（例如 2020-12-31）' },
  ],
  TEXT_DATE: [{ name: 'a 更新日期 typed as 2020年11月30日', book: () => row31({ updated: '2020年11月30日' }), message: '“更新日期”是文字“2020年11月30日”而不是日期，可一键改为日期 2020-11-30' }],
  PLAN_AFTER_DUE: [{ name: '计划完成时间 after 2020-12-31', book: () => row31({ plannedDate: d('2021-01-15') }), message: '计划完成时间晚于截止日期' }],
  DONE_WITHOUT_DATE: [{ name: '已完成 without 完成日期', book: () => row31({ status: '已完成' }), message: '状态为“已完成”，但没有填写完成日期' }],
  DATE_IN_FUTURE: [
    { name: 'a 完成日期 the day after the as-of date', book: () => row31({ status: '已完成', doneDate: A + 1 }), message: '“完成日期”晚于统计日期' },
    { name: 'a 量化指标 更新日期 after the as-of date', book: () => target('T002', { 完成值: 8.2, 更新日期: A + 1 }), message: '“更新日期”晚于统计日期' },
  ],
  VALUE_NOT_NUMBER: [
    { name: 'a 完成值 in words', book: () => target('T002', { 完成值: '基本完成' }), message: '完成值“基本完成”不是数字' },
    { name: 'a number inside a remark', book: () => target('T004', { 完成值: '约1,200条（已全部消除）' }), message: '完成值“约1,200条（已全部消除）”不是数字：其中的数字是 1200，完成值只能单独填写数字（如 1200），说明文字请写在台账的进展情况中' },
    { name: 'a decimal inside a remark', book: () => target('T002', { 完成值: '约8.25万人（初步统计）' }), message: '完成值“约8.25万人（初步统计）”不是数字：其中的数字是 8.25，完成值只能单独填写数字（如 8.25），说明文字请写在台账的进展情况中' },
    { name: 'a yes/no 完成值', book: () => target('T002', { 完成值: false }), message: '完成值不是数字' },
    { name: 'an infinite 完成值', book: () => target('T002', { 完成值: Number.POSITIVE_INFINITY }), message: '完成值无法识别（文件里记录的不是有效数字），请重新填写' },
  ],
  UNIT_MISMATCH: [{ name: '8万吨 in a 万人 target', book: () => target('T002', { 完成值: '8万吨' }), message: '完成值“8万吨”的单位是“吨”，指标的单位是“万人”' }],
  TEXT_NUMBER: [{ name: '12条 typed as text', book: () => target('T004', { 完成值: '12条' }), message: '完成值“12条”是文字，按指标单位“条”应填 12，可一键改为数字' }],
  PERCENT_TYPED: [
    {
      name: '90% typed into a % target (stored as 0.9 with a percent format)',
      book: () => target('T005', { 完成值: 0.9 }, true),
      message: '完成值填写为 90%，指标单位已是“%”，按 90 计算；本表的完成进度公式会按 0.9 计算，请改为数字 90（不带 %），可一键修正',
    },
  ],
  STATUS_UNKNOWN: [{ name: '状态 进行中', book: () => row31({ status: '进行中' }), message: '“状态”无法识别：填写了“进行中”，只能是：未启动、推进中、已完成、受阻；汇总中单独计为“状态无法识别”' }],
  UNKNOWN_TASK: [
    { name: 'a task id not in 任务清单', book: () => row31({ taskId: '88.8' }), message: `任务编号 88.8 不在任务清单中${AFTER_EDIT}` },
    {
      name: 'a row with a remark and no task id',
      book: () => {
        const book = filledCorrectly();
        const sheet = sheetOf(book, F);
        const row: SheetValue[] = (sheet.rows[0] as SheetValue[]).map(() => null);
        row[at('progress')] = '补充说明';
        sheet.rows.push(row);
        return book;
      },
      message: new RegExp(`^第 ${sheetOf(base, F).rows.length + 1} 行填写了内容但没有任务编号$`),
    },
  ],
  UNKNOWN_UNIT: [
    {
      name: 'a ledger sheet of a unit nobody assigned',
      book: () => {
        const book = filledCorrectly();
        book.sheets.push({ name: '台账-市某某办', rows: [[...(sheetOf(book, F).rows[0] as SheetValue[])]] });
        return book;
      },
      message: '单位“市某某办”不在单位名录和任务分工中，请核对工作表名或单位名录',
    },
  ],
  NOT_ASSIGNED: [{ name: 'task 4.1 in 市财政局\'s ledger', book: () => row31({ taskId: '4.1' }), message: `任务 4.1 没有分工给市财政局${AFTER_EDIT}` }],
  DUPLICATE_ROW: [
    {
      name: 'a row of 3.1 typed twice',
      book: () => {
        const book = filledCorrectly();
        const sheet = sheetOf(book, F);
        const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
        sheet.rows.splice(r + 1, 0, [...(sheet.rows[r] as SheetValue[])]);
        return book;
      },
      message: new RegExp(`^任务 3\\.1 的这一行与第 ${sheetOf(base, F).rows.findIndex((row, i) => i > 0 && row[0] === '3.1') + 1} 行填写的内容完全相同，是否重复填报？$`),
    },
  ],
  NOT_REPORTED: [
    {
      name: 'an untouched row',
      book: () => {
        const book = filledCorrectly();
        for (const key of ['measures', 'office', 'person', 'plannedDate', 'outputForm', 'progress', 'status', 'doneDate', 'updated', 'note', 'extensionAsked', 'extensionReason', 'evidence'] as const) setCell(book, F, '3.1', key, null);
        return book;
      },
      message: '任务 3.1 未填报',
    },
  ],
  ASSIGNMENT_CHANGED: [
    { name: '本单位职责 changed to 配合', book: () => row31({ role: '配合' }), message: `本单位职责与任务清单不一致：台账为“配合”，应为“牵头”${AFTER_EDIT}` },
    { name: '截止日期 moved', book: () => row31({ due: d('2021-06-30') }), message: `截止日期与任务清单不一致${AFTER_EDIT}` },
  ],
  MERGED_CELLS: [
    {
      name: '具体措施 merged over two rows',
      book: () => {
        const book = filledCorrectly();
        const m = columnLetter(at('measures'));
        sheetOf(book, F).merges = [`${m}4:${m}5`];
        return book;
      },
      message: `填报区域有合并单元格 ${columnLetter(at('measures'))}4:${columnLetter(at('measures'))}5：合并后只有左上角的值，其余行会被当作空白，请取消合并`,
    },
  ],
  HIDDEN_COLUMN: [
    {
      name: 'a hidden 进展情况 column',
      book: () => {
        const book = filledCorrectly();
        sheetOf(book, F).hiddenColumns = [at('progress')];
        return book;
      },
      message: '“进展情况”列被隐藏，隐藏列中的内容照样参与校验',
    },
  ],
  NO_LEDGERS: [{ name: 'a workbook whose ledgers were all deleted', book: () => ({ sheets: clone(base).sheets.filter((s) => !s.name.startsWith('台账-')) }), message: '工作簿中没有台账工作表（台账-单位），没有可校验的填报内容' }],
  AS_OF_NOT_A_DATE: [
    {
      name: '统计日期 typed as 本月',
      book: () => {
        const book = filledCorrectly();
        const summary = sheetOf(book, '汇总');
        summary.formulaCells = (summary.formulaCells ?? []).filter((c) => c !== 'B1');
        (summary.rows[0] as SheetValue[])[1] = '本月';
        return book;
      },
      message: '“统计日期”填写了“本月”，这不是日期，请填写日期（例如 2020-12-31），或恢复公式 =TODAY()；本次按 2020-12-01 统计',
    },
  ],
  NO_EVIDENCE: [{ name: '已完成 with an empty 佐证材料', book: () => row31({ status: '已完成', doneDate: d('2020-11-20'), evidence: '' }), message: '状态为“已完成”，请在“佐证材料”中写明文号、文件名或链接，供督查室审核销号' }],
  EXTENSION_NOT_LATER: [{ name: '申请延期至 the 截止日期 itself', book: () => row31({ extensionAsked: d('2020-12-31') }), message: '“申请延期至”不晚于截止日期，不需要延期；请填写截止日期之后的日期或清空' }],
  APPROVAL_WITHOUT_REQUEST: [{ name: '延期批复 同意 with no request', book: () => row31({ extensionReply: '同意' }), message: '填写了“延期批复”，但本行没有“申请延期至”：请先由单位提出申请，或清空批复' }],
};

describe('every finding code has its message asserted here', () => {
  it('the table lists every code findings.ts defines, each with at least one case', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(SEVERITY).sort());
    expect(Object.values(CASES).every((cases) => cases.length > 0)).toBe(true);
  });
});

describe.each(Object.entries(CASES) as Array<[FindingCode, Case[]]>)('%s', (code, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: the clerk reads the message', (_name, c) => {
    const found = validate(c.book()).filter((f) => f.code === code);
    expect(found).toHaveLength(1);
    const { message } = found[0] as Finding;
    if (typeof c.message === 'string') expect(message).toBe(c.message);
    else expect(message).toMatch(c.message);
  });
});

describe('an extension finding points at the cell the clerk must change', () => {
  /** The A1 address of 市财政局's first row of task 3.1 in a column. */
  const cellOf = (book: WorkbookData, key: Parameters<typeof at>[0]): string => `${columnLetter(at(key))}${sheetOf(book, F).rows.findIndex((r) => r[0] === '3.1') + 1}`;

  it('申请延期至 not after the 截止日期: the 申请延期至 cell', () => {
    const book = row31({ extensionAsked: d('2020-12-31') });
    expect(validate(book).filter((f) => f.code === 'EXTENSION_NOT_LATER').map((f) => f.cell)).toEqual([cellOf(book, 'extensionAsked')]);
  });

  it('a 延期批复 with no request: the 延期批复 cell', () => {
    const book = row31({ extensionReply: '同意' });
    expect(validate(book).filter((f) => f.code === 'APPROVAL_WITHOUT_REQUEST').map((f) => f.cell)).toEqual([cellOf(book, 'extensionReply')]);
  });
});
