import type { SheetData, SheetValue, WorkbookData } from '../../src/domain/grid/sheetData';
import { validateWorkbook } from '../../src/domain/validation/validate';
import { LEDGER_COLUMNS, REMOVED_MARK, type LedgerColumnKey } from '../../src/domain/ledger/columns';
import { columnLetter } from '../../src/domain/grid/a1';
import { excelSerial } from '../../src/domain/time/isoDate';
import { A, AS_OF, at, base, clone, filledCorrectly, setCell, sheetOf } from './filledBook';

// Edges of 校验 a clerk would notice: a rule that stays silent, fires on the wrong cell, or says
// something other than what the unit has to do. Messages are asserted word for word: they are
// what the clerk forwards to the unit.

const F = '台账-市财政局';
const AFTER_EDIT = '（如刚修改过任务清单，请先“更新分工”）';
/** Only 市财政局's ledger is validated (the others are the same rules again): the file stays fast enough to rerun per mutant. */
const validate = (book: WorkbookData) => validateWorkbook({ sheets: book.sheets.filter((s) => !s.name.startsWith('台账-') || s.name === F || !base.sheets.some((b) => b.name === s.name)) }, AS_OF);
const brief = (book: WorkbookData) => validate(book).findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);

/** The findings after one cell of 市财政局's row of task 3.1 (牵头, 12月底前完成) is changed in a filled book. */
function afterSetting(key: LedgerColumnKey, value: SheetValue, task = '3.1') {
  const book = filledCorrectly();
  const cell = setCell(book, F, task, key, value);
  return { cell, findings: validate(book).findings };
}

describe('dates after the 统计日期', () => {
  it('a 完成日期 after the as-of date is DATE_IN_FUTURE on that cell', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'status', '已完成');
    const cell = setCell(book, F, '3.1', 'doneDate', A + 1);
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'DATE_IN_FUTURE', severity: 'error', cell, task: '3.1', unit: '市财政局', message: '“完成日期”晚于统计日期' })]);
  });
  it('a 完成日期 on the as-of date is fine', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'status', '已完成');
    setCell(book, F, '3.1', 'doneDate', A);
    expect(validate(book).findings).toEqual([]);
  });
  it('a 更新日期 after the as-of date says so', () => {
    const { cell, findings } = afterSetting('updated', A + 1);
    expect(findings).toEqual([expect.objectContaining({ code: 'DATE_IN_FUTURE', cell, message: '“更新日期”晚于统计日期' })]);
  });
  it('a 完成日期 typed as text after the as-of date is both fixable text and in the future', () => {
    const { findings } = afterSetting('doneDate', '2020年12月25日');
    expect(findings.map((f) => f.code)).toEqual(['TEXT_DATE', 'DATE_IN_FUTURE']);
  });
});

describe('locked cells compared with 任务清单', () => {
  it.each([
    ['role', '本单位职责', '牵头'],
    ['leads', '牵头单位', '市财政局'],
    ['text', '任务内容', null],
    ['deadlineText', '完成时限', '12月底前完成'],
  ] as const)('blanking %s on a task\'s first row is ASSIGNMENT_CHANGED', (key, label, expected) => {
    const { cell, findings } = afterSetting(key, '');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'ASSIGNMENT_CHANGED', cell, task: '3.1' });
    if (expected !== null) expect(findings[0]?.message).toBe(`${label}与任务清单不一致：台账为“”，应为“${expected}”${AFTER_EDIT}`);
  });
  it('a changed 完成时限 names what the ledger says and what 任务清单 says', () => {
    const { findings } = afterSetting('deadlineText', '年底前完成');
    expect(findings.map((f) => f.message)).toEqual([`完成时限与任务清单不一致：台账为“年底前完成”，应为“12月底前完成”${AFTER_EDIT}`]);
  });
  it('a changed 截止日期 is ASSIGNMENT_CHANGED on that cell', () => {
    const { cell, findings } = afterSetting('due', excelSerial('2021-06-30', 1900));
    expect(findings).toEqual([expect.objectContaining({ code: 'ASSIGNMENT_CHANGED', cell, message: `截止日期与任务清单不一致${AFTER_EDIT}` })]);
  });
  it('a blanked 截止日期 on a task\'s first row is ASSIGNMENT_CHANGED', () => {
    const { cell, findings } = afterSetting('due', null);
    expect(findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`ASSIGNMENT_CHANGED ${cell}`]);
  });
  it('a row a unit added for a second measure may leave locked cells blank, not change them', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    const added = (sheet.rows[r] as SheetValue[]).map((v, i) => (LEDGER_COLUMNS[i]?.role === 'generated' && i > 0 ? null : v));
    added[at('measures')] = '第二项措施';
    const changed = [...added];
    changed[at('measures')] = '第三项措施';
    changed[at('role')] = '配合';
    changed[at('due')] = excelSerial('2021-06-30', 1900);
    sheet.rows.splice(r + 1, 0, added, changed);
    expect(brief(book)).toEqual([`ASSIGNMENT_CHANGED ${F}!${columnLetter(at('role'))}${r + 3}`, `ASSIGNMENT_CHANGED ${F}!${columnLetter(at('due'))}${r + 3}`]);
  });
  it('a row marked 已移出分工 is kept for the record and not validated', () => {
    const book = clone(base);
    const sheet = sheetOf(book, F);
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    (sheet.rows[r] as SheetValue[])[at('role')] = `${REMOVED_MARK}（原为牵头）`;
    expect(validate(book).findings.filter((f) => f.sheet === F && f.task === '3.1')).toEqual([]);
  });
});

describe('rows and units that do not belong', () => {
  it('a row with content but no 任务编号 is UNKNOWN_TASK naming its row', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    const row: SheetValue[] = LEDGER_COLUMNS.map(() => null);
    row[at('note')] = '补充说明';
    sheet.rows.push(row);
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'UNKNOWN_TASK', cell: `A${sheet.rows.length}`, task: '', message: `第 ${sheet.rows.length} 行填写了内容但没有任务编号` })]);
  });
  it('an empty row without 任务编号 is no finding', () => {
    const book = filledCorrectly();
    sheetOf(book, F).rows.push(LEDGER_COLUMNS.map(() => null));
    expect(validate(book).findings).toEqual([]);
  });
  it('a task id not in 任务清单 tells the clerk it may await 更新分工', () => {
    const { cell, findings } = afterSetting('taskId', '99.9');
    expect(findings).toEqual([expect.objectContaining({ code: 'UNKNOWN_TASK', cell, message: `任务编号 99.9 不在任务清单中${AFTER_EDIT}` })]);
  });
  it('a task not assigned to the unit names the task and the unit', () => {
    const { cell, findings } = afterSetting('taskId', '4.1');
    expect(findings).toEqual([expect.objectContaining({ code: 'NOT_ASSIGNED', cell, message: `任务 4.1 没有分工给市财政局${AFTER_EDIT}` })]);
  });
  it('a ledger of a unit not in 单位名录 is UNKNOWN_UNIT', () => {
    const book = filledCorrectly();
    const own = sheetOf(book, F);
    book.sheets.push({ name: '台账-市某某局', rows: [own.rows[0] as SheetValue[]] });
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'UNKNOWN_UNIT', sheet: '台账-市某某局', cell: 'A1', task: '', unit: '市某某局', message: '单位“市某某局”不在单位名录和任务分工中，请核对工作表名或单位名录' })]);
  });
  it('a filled row in the ledger of a unit not in 单位名录 is only that unit\'s UNKNOWN_UNIT', () => {
    const book = filledCorrectly();
    const own = sheetOf(book, F);
    book.sheets.push({ name: '台账-市某某局', rows: [own.rows[0] as SheetValue[], own.rows.find((row) => row[0] === '3.1') as SheetValue[]] });
    expect(brief(book)).toEqual(['UNKNOWN_UNIT 台账-市某某局!A1']);
  });
  it('without 任务清单 a ledger is still checked for what units fill, its own 截止日期 standing in', () => {
    const book = filledCorrectly();
    book.sheets = book.sheets.filter((s) => s.name !== '任务清单');
    setCell(book, F, '3.1', 'taskId', '99.9');
    const cell = setCell(book, F, '99.9', 'plannedDate', excelSerial('2021-01-01', 1900));
    expect(brief(book)).toEqual([`PLAN_AFTER_DUE ${F}!${cell}`]);
  });
  it('a word-for-word copy of a row names the row it repeats', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    sheet.rows.splice(r + 1, 0, [...(sheet.rows[r] as SheetValue[])]);
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'DUPLICATE_ROW', cell: `A${r + 2}`, message: `任务 3.1 的这一行与第 ${r + 1} 行填写的内容完全相同，是否重复填报？` })]);
  });
  it('an unfilled added row is not a copy of an unfilled first row', () => {
    const book = clone(base);
    const sheet = sheetOf(book, F);
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    sheet.rows.splice(r + 1, 0, [...(sheet.rows[r] as SheetValue[])]);
    const own = validate(book).findings.filter((f) => f.sheet === F && f.task === '3.1');
    expect(own.map((f) => `${f.code} ${f.cell}`)).toEqual([`NOT_REPORTED ${columnLetter(at('measures'))}${r + 1}`, `NOT_REPORTED ${columnLetter(at('measures'))}${r + 2}`]);
  });
});

describe('what the unit fills in', () => {
  it('an empty required cell names the column', () => {
    expect(afterSetting('person', '').findings.map((f) => f.message)).toEqual(['“责任人”未填写']);
    expect(afterSetting('person', null).findings.map((f) => f.message)).toEqual(['“责任人”未填写']);
    expect(afterSetting('person', '  ').findings.map((f) => f.message)).toEqual(['“责任人”未填写（只有空格）']);
  });
  it('a 状态 outside the list lists the four statuses', () => {
    const { cell, findings } = afterSetting('status', '完成了');
    expect(findings).toEqual([expect.objectContaining({ code: 'STATUS_UNKNOWN', cell, message: '“状态”无法识别：填写了“完成了”，只能是：未启动、推进中、已完成、受阻；汇总中单独计为“状态无法识别”' })]);
    expect(afterSetting('status', 1).findings.map((f) => f.message)).toEqual(['“状态”无法识别：填写了“1”，只能是：未启动、推进中、已完成、受阻；汇总中单独计为“状态无法识别”']);
  });
  it('a 成果形式 outside the list lists the forms, and says when only spaces are wrong', () => {
    expect(afterSetting('outputForm', '会议纪要').findings.map((f) => f.message)).toEqual(['“成果形式”填写了“会议纪要”，只能是：政策文件、工作方案、项目建成、数据指标、工作报告、其他']);
    expect(afterSetting('outputForm', '工作方案 ').findings.map((f) => f.message)).toEqual(['“成果形式”填写了“工作方案 ”（前后有多余空格），只能是：政策文件、工作方案、项目建成、数据指标、工作报告、其他']);
  });
  it.each(['推进中', '已完成', '受阻'])('状态 %s without 进展情况 asks for it', (status) => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'status', status);
    setCell(book, F, '3.1', 'doneDate', A);
    const cell = setCell(book, F, '3.1', 'progress', '');
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'PROGRESS_EMPTY', severity: 'warning', cell, message: `状态为“${status}”，请填写进展情况` })]);
  });
  it('状态 未启动 owes no 进展情况', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'status', '未启动');
    setCell(book, F, '3.1', 'progress', null);
    expect(validate(book).findings).toEqual([]);
  });
  it('已完成 without 完成日期 says what is missing', () => {
    const { cell, findings } = afterSetting('status', '已完成');
    expect(findings).toEqual([expect.objectContaining({ code: 'DONE_WITHOUT_DATE', cell: cell.replace(/^[A-Z]+/, columnLetter(at('doneDate'))), message: '状态为“已完成”，但没有填写完成日期' })]);
  });
  it('a 计划完成时间 after the 截止日期 says so', () => {
    const { findings } = afterSetting('plannedDate', excelSerial('2021-01-01', 1900));
    expect(findings.map((f) => `${f.code} ${f.message}`)).toEqual(['PLAN_AFTER_DUE 计划完成时间晚于截止日期']);
  });
  it('text that is no date asks for a date, with an example', () => {
    expect(afterSetting('plannedDate', '下个月').findings.map((f) => f.message)).toEqual(['“计划完成时间”填写了“下个月”，这里需要一个日期（例如 2020-12-31）']);
  });
  it('a yes/no value in a date cell is no date', () => {
    expect(afterSetting('plannedDate', true).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['NOT_A_DATE “计划完成时间”填写了“true”，这里需要一个日期（例如 2020-12-31）']);
  });
  it('a date typed as digits is no date, and the message says which date it looks like', () => {
    expect(afterSetting('plannedDate', 20201231).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['NOT_A_DATE “计划完成时间”填写了 20201231，这不是日期（像是把 2020-12-31 写成了数字），请改为日期 2020-12-31']);
  });
  it('a text date is fixable to the date it names', () => {
    const { findings } = afterSetting('plannedDate', '2020/12/30');
    expect(findings).toEqual([expect.objectContaining({ code: 'TEXT_DATE', severity: 'warning', fix: excelSerial('2020-12-30', 1900), message: '“计划完成时间”是文字“2020/12/30”而不是日期，可一键改为日期 2020-12-30' })]);
  });
  it('the result counts errors and warnings apart', () => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'person', '');
    setCell(book, F, '9.1', 'person', '');
    setCell(book, F, '10.1', 'updated', '2020年11月30日');
    expect(validate(book)).toMatchObject({ asOf: AS_OF, errors: 2, warnings: 1 });
  });
});

describe('rows and workbooks with less in them', () => {
  it('a row stored shorter than the header (trailing cells never written) is unreported, not wrong', () => {
    const book = clone(base);
    const sheet = sheetOf(book, F);
    const r = sheet.rows.findIndex((row, i) => i > 0 && row[0] === '3.1');
    sheet.rows[r] = (sheet.rows[r] as SheetValue[]).slice(0, at('measures'));
    expect(validate(book).findings.filter((f) => f.sheet === F && f.task === '3.1').map((f) => f.code)).toEqual(['NOT_REPORTED']);
  });
  it('a ledger with no column to fill reports the missing columns, not each row as unreported', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    sheet.rows = sheet.rows.map((row) => row.slice(0, at('measures')));
    expect(new Set(validate(book).findings.map((f) => f.code))).toEqual(new Set(['HEADER_MISSING']));
  });
  it('a workbook without 量化指标 still has its ledgers checked', () => {
    const book = filledCorrectly();
    book.sheets = book.sheets.filter((s) => s.name !== '量化指标');
    const cell = setCell(book, F, '3.1', 'person', '');
    expect(brief(book)).toEqual([`REQUIRED_EMPTY ${F}!${cell}`]);
  });
  it('without 任务清单, a row whose 截止日期 is blank has no 计划完成时间 too late', () => {
    const book = filledCorrectly();
    book.sheets = book.sheets.filter((s) => s.name !== '任务清单');
    setCell(book, F, '3.1', 'due', null);
    setCell(book, F, '3.1', 'plannedDate', excelSerial('2021-06-30', 1900));
    expect(validate(book).findings).toEqual([]);
  });
});

describe('the layout of a ledger', () => {
  it('a duplicated column names itself and where it appears', () => {
    const book = filledCorrectly();
    (sheetOf(book, F).rows[0] as SheetValue[])[at('note')] = '状态';
    const f = validate(book).findings;
    expect(f).toEqual([expect.objectContaining({ code: 'HEADER_DUPLICATE', task: '', cell: `${columnLetter(at('note'))}1`, message: `“状态”列出现了 2 次（第 ${columnLetter(at('status'))}、${columnLetter(at('note'))} 列），请删除多余的一列` })]);
  });
  it('a ledger without a 任务编号 column reports the missing column and no row', () => {
    const book = filledCorrectly();
    (sheetOf(book, F).rows[0] as SheetValue[])[0] = 'ID';
    expect(brief(book)).toEqual([`HEADER_MISSING ${F}!A1`]);
    expect(validate(book).findings[0]).toMatchObject({ task: '', message: '缺少“任务编号”列' });
  });
  it.each([
    ['任务内容', 'text'],
    ['牵头单位', 'leads'],
    ['截止日期', 'due'],
  ] as const)('a unit that removed the %s column gets no finding for it', (_header, key) => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    sheet.rows = sheet.rows.map((row) => row.filter((_v, i) => i !== at(key)));
    expect(validate(book).findings).toEqual([]);
  });
  it.each([
    ['完成日期', 'doneDate', '已完成'],
    ['进展情况', 'progress', '推进中'],
    ['责任人', 'person', '推进中'],
  ] as const)('a ledger without a %s column reports the column once, not every row', (header, key, status) => {
    const book = filledCorrectly();
    setCell(book, F, '3.1', 'status', status);
    if (key === 'progress') setCell(book, F, '3.1', 'progress', null);
    const sheet = sheetOf(book, F);
    sheet.rows = sheet.rows.map((row) => row.filter((_v, i) => i !== at(key)));
    expect(validate(book).findings.map((f) => `${f.code} ${f.message}`)).toEqual([`HEADER_MISSING 缺少“${header}”列`]);
  });
  it('merged cells in a fill column past Z are found by their two-letter column', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, F);
    // A unit's own layout with 26 columns of its own in front: 具体措施 moves to column A + 26 + its index.
    sheet.rows = sheet.rows.map((row, r) => [...Array.from({ length: 26 }, (_v, i) => (r === 0 ? `自定义${i + 1}` : null)), ...row]);
    const m = columnLetter(26 + at('measures'));
    sheet.merges = [`${m}2:${m}3`];
    expect(brief(book)).toEqual([`MERGED_CELLS ${F}!${m}2`]);
  });
  it('merged cells in the fill area say what merging does; merges elsewhere are fine', () => {
    const book = filledCorrectly();
    const m = columnLetter(at('measures'));
    sheetOf(book, F).merges = [`${m}2:${m}3`, 'B2:B3'];
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'MERGED_CELLS', task: '', cell: `${m}2`, message: `填报区域有合并单元格 ${m}2:${m}3：合并后只有左上角的值，其余行会被当作空白，请取消合并` })]);
  });
  it('a hidden fill column is reported by its header, as information', () => {
    const book = filledCorrectly();
    sheetOf(book, F).hiddenColumns = [at('person')];
    expect(validate(book).findings).toEqual([expect.objectContaining({ code: 'HIDDEN_COLUMN', severity: 'info', task: '', message: '“责任人”列被隐藏，隐藏列中的内容照样参与校验' })]);
  });
  it('a workbook without ledgers says there is nothing to check', () => {
    const book = { sheets: base.sheets.filter((s) => !s.name.startsWith('台账-') && s.name !== '单位名录') };
    expect(validate(book).findings).toEqual([{ code: 'NO_LEDGERS', severity: 'warning', sheet: '', cell: 'A1', task: '', unit: '', message: '工作簿中没有台账工作表（台账-单位），没有可校验的填报内容' }]);
  });
  it('a 统计日期 typed as words is counted as of the given date, and the message says both', () => {
    const book = filledCorrectly();
    const summary = sheetOf(book, '汇总');
    summary.formulaCells = (summary.formulaCells ?? []).filter((c) => c !== 'B1');
    (summary.rows[0] as SheetValue[])[1] = '月底';
    expect(validate(book).findings).toEqual([
      { code: 'AS_OF_NOT_A_DATE', severity: 'warning', sheet: '汇总', cell: 'B1', task: '', unit: '', message: '“统计日期”填写了“月底”，这不是日期，请填写日期（例如 2020-12-31），或恢复公式 =TODAY()；本次按 2020-12-01 统计' },
    ]);
  });
});

describe('量化指标 完成值 and 更新日期', () => {
  const VALUE = 8;
  const UPDATED = 11;
  /** Findings after setting cells of target T002 (task 5.1, 8万人, 填报 by 市人社局 and others). */
  function target(cells: Record<number, SheetValue>) {
    const book = filledCorrectly();
    const sheet = sheetOf(book, '量化指标');
    const r = sheet.rows.findIndex((row) => row[0] === 'T002');
    for (const [i, v] of Object.entries(cells)) (sheet.rows[r] as SheetValue[])[Number(i)] = v;
    return { row: r + 1, findings: validate(book).findings };
  }
  it('an 更新日期 after the as-of date is DATE_IN_FUTURE on that cell', () => {
    const { row, findings } = target({ [VALUE]: 8.2, [UPDATED]: A + 1 });
    expect(findings).toEqual([
      expect.objectContaining({ code: 'DATE_IN_FUTURE', sheet: '量化指标', cell: `${columnLetter(UPDATED)}${row}`, task: '5.1', unit: '市人社局、市发展改革委、市财政局、人民银行天津分行', message: '“更新日期”晚于统计日期' }),
    ]);
  });
  it('an 更新日期 on the as-of date is fine', () => {
    expect(target({ [VALUE]: 8.2, [UPDATED]: A }).findings).toEqual([]);
  });
  it('an 更新日期 typed as text is fixable', () => {
    const { findings } = target({ [UPDATED]: '2020.11.30' });
    expect(findings).toEqual([expect.objectContaining({ code: 'TEXT_DATE', sheet: '量化指标', fix: excelSerial('2020-11-30', 1900), message: '“更新日期”是文字“2020.11.30”而不是日期，可一键改为日期 2020-11-30' })]);
  });
  it('a text 完成值 in the target\'s unit is fixable, and the message gives the number', () => {
    const { row, findings } = target({ [VALUE]: '8.2万人' });
    expect(findings).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', cell: `${columnLetter(VALUE)}${row}`, fix: 8.2, message: '完成值“8.2万人”是文字，按指标单位“万人”应填 8.2，可一键改为数字' })]);
  });
  it('a number typed as text without a unit is taken in the target\'s unit', () => {
    expect(target({ [VALUE]: '8.2' }).findings).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', fix: 8.2 })]);
  });
  it('a range target\'s unit is read without its upper bound', () => {
    expect(target({ 5: '家（至10）', [VALUE]: '4家' }).findings.map((f) => `${f.code} ${f.fix} ${f.message}`)).toEqual(['TEXT_NUMBER 4 完成值“4家”是文字，按指标单位“家”应填 4，可一键改为数字']);
  });
  it('万 typed without a unit counts in the target\'s own magnitude', () => {
    expect(target({ 5: '人', [VALUE]: '8万' }).findings).toEqual([expect.objectContaining({ code: 'TEXT_NUMBER', fix: 80000 })]);
  });
  it('a 完成值 in another unit names both units', () => {
    expect(target({ [VALUE]: '8万吨' }).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['UNIT_MISMATCH 完成值“8万吨”的单位是“吨”，指标的单位是“万人”']);
  });
  it('a 完成值 in words is not a number', () => {
    expect(target({ [VALUE]: '很多' }).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['VALUE_NOT_NUMBER 完成值“很多”不是数字']);
  });
  it('a yes/no 完成值 is not a number', () => {
    expect(target({ [VALUE]: true }).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['VALUE_NOT_NUMBER 完成值不是数字']);
  });
  it('a 完成值 the file stores as no valid number asks to type it again', () => {
    expect(target({ [VALUE]: Number.NaN }).findings.map((f) => `${f.code} ${f.message}`)).toEqual(['VALUE_NOT_NUMBER 完成值无法识别（文件里记录的不是有效数字），请重新填写']);
  });
  it('a target marked 已移出分工 is not checked', () => {
    expect(target({ 3: `${REMOVED_MARK}（原为不低于）`, [VALUE]: '很多', [UPDATED]: A + 5 }).findings).toEqual([]);
  });
  it('a 量化指标 sheet without 完成值 column is not checked', () => {
    const book = filledCorrectly();
    const sheet = sheetOf(book, '量化指标') as SheetData;
    (sheet.rows[0] as SheetValue[])[VALUE] = '实际值';
    (sheet.rows[1] as SheetValue[])[UPDATED] = A + 5;
    expect(validate(book).findings).toEqual([]);
  });
});
