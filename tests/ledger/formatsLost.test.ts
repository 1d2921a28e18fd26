import { formatsLost, formatsLostMessage, isOurConditionalRule } from '../../src/domain/ledger/formatsLost';
import type { SheetData } from '../../src/domain/grid/sheetData';

const HEADER = ['任务编号', '板块', '任务内容', '本单位职责', '牵头单位', '完成时限', '截止日期', '具体措施', '责任人', '计划完成时间', '进展情况', '状态', '预警'];

describe('which conditional formats are the ledger’s own 预警 colours', () => {
  it.each(['$M2="逾期"', '$Q2="临期"', '$AB2="逾期完成"', '$M$2="按时完成"', ' $M2 = "逾期" ', 'M2="逾期"', '$M12="逾期"'])('%s is ours (any column: a unit may insert one before 预警)', (rule) => {
    expect(isOurConditionalRule(rule)).toBe(true);
  });
  it.each(['$M2="正常"', 'LEN($K2)>50', '$M2<>"逾期"', 'cellIs greaterThan 5', 'dataBar', '$M2="逾期"+1', 'LEN($K2)>0*$M2="逾期"'])('%s was added by a person', (rule) => {
    expect(isOurConditionalRule(rule)).toBe(false);
  });
});

describe('what of a ledger’s look a rewrite loses', () => {
  const sheet = (extra: Partial<SheetData>): SheetData => ({ name: '台账-市财政局', rows: [HEADER, ['3.1', '', '任务', '牵头', '市财政局']], ...extra });

  it('is nothing for a sheet read without marks or formats (a reader that cannot see them)', () => {
    expect(formatsLost(sheet({}))).toBeNull();
  });

  it('is nothing when the sheet has only its own colours and plain text', () => {
    expect(formatsLost(sheet({ conditionalFormats: [{ range: 'A2:G9', rule: '$M2="逾期"' }] }))).toBeNull();
  });

  it('names rich text in the rows but not in the header, and each added range once', () => {
    const lost = formatsLost(
      sheet({
        marks: [
          { address: 'C1', row: 0, col: 2, kind: 'format', detail: '任务内容' },
          { address: 'H2', row: 1, col: 7, kind: 'format', detail: '统筹资金保障' },
          { address: 'I2', row: 1, col: 8, kind: 'comment', detail: '批注' },
        ],
        conditionalFormats: [
          { range: 'K2:K20', rule: 'LEN(K2)>50' },
          { range: 'K2:K20', rule: 'dataBar' },
          { range: 'A2:G9', rule: '$M2="逾期"' },
        ],
      }),
      '台账-财政',
    );
    expect(lost).toEqual({ sheet: '台账-财政', cells: ['H2'], conditional: ['K2:K20'] });
  });

  it('words one sheet in one line, naming five places at most', () => {
    const cells = ['H2', 'H3', 'H4', 'H5', 'H6', 'H7'];
    expect(formatsLostMessage({ sheet: '台账-市教委', cells, conditional: [] }, '合并后')).toBe('工作表“台账-市教委”有 6 处文字设了局部格式（加粗、颜色等），合并后只保留文字、不保留这些格式：H2、H3、H4、H5、H6 等');
    expect(formatsLostMessage({ sheet: '台账-市教委', cells: cells.slice(0, 5), conditional: [] }, '合并后')).toMatch(/：H2、H3、H4、H5、H6$/);
    expect(formatsLostMessage({ sheet: '台账-市教委', cells: [], conditional: ['K2:K9'] }, '重建后')).toBe('工作表“台账-市教委”添加的条件格式（K2:K9，共 1 处）重建后不再保留，需要时请重新设置');
    expect(formatsLostMessage({ sheet: '台账-市教委', cells: ['H2'], conditional: ['K2:K9'] }, '重建后')).toBe('工作表“台账-市教委”有 1 处文字设了局部格式（加粗、颜色等），重建后只保留文字、不保留这些格式：H2；添加的条件格式（K2:K9，共 1 处）重建后不再保留，需要时请重新设置');
  });
});
