import { parseNotice } from '../../src/domain/notice/parseNotice';
import { normaliseUnitName } from '../../src/domain/text/normalise';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { planAsData } from '../../src/workbook/planValues';

describe('normaliseUnitName: one spelling per unit', () => {
  it.each([
    ['市 财政局', '市财政局'],
    ['市\u3000财政局', '市财政局'],
    ['市财政局\u200b', '市财政局'],
    ['\ufeff市\u200d财政局\u2060', '市财政局'],
    ['人民银行ＡＢＣ分行', '人民银行ABC分行'],
    ['天津市第１２中学', '天津市第12中学'],
    ['\u2f08民银行天津分行', '人民银行天津分行'],
    ['市（州）有关部门', '市（州）有关部门'],
    ['Tianjin  Port 管理局', 'Tianjin Port 管理局'],
  ])('%j → %s', (written, expected) => {
    expect(normaliseUnitName(written)).toBe(expected);
  });
});

const VARIANTS = [
  '某市人民政府关于印发测试任务分工的通知',
  '（一）测试',
  '1．甲。（市 财政局牵头，12月底前完成）',
  '2．乙。（市财政局\u200b牵头，12月底前完成）',
  '3．丙。（市财政局牵头，12月底前完成）',
  '4．丁。（人民银行ＸＹＺ分行牵头，市火星 开发局配合）',
  '5．戊。（人民银行XYZ分行牵头，市火星开发局配合）',
  '6．己。（\u2f08民银行天津分行牵头，年内持续推进）',
  '2020年3月1日',
].join('\n');

describe('spelling variants of a unit name are one unit', () => {
  const parsed = parseNotice(VARIANTS);

  it('in the parse: one unit each, known ones resolved, one unknown-unit warning listing them', () => {
    expect(parsed.units.map((u) => `${u.name}:${u.category}:${u.lead}/${u.support}`)).toEqual([
      '市财政局:municipal:3/0',
      '人民银行XYZ分行:unknown:2/0',
      '市火星开发局:unknown:0/2',
      '人民银行天津分行:central:1/0',
    ]);
    const unknown = parsed.issues.filter((i) => i.code === 'UNKNOWN_UNIT');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message).toMatch(/^2 个单位不在单位名录中.*人民银行XYZ分行（任务 4\.1）、市火星开发局（任务 4\.1）$/);
  });

  it('in the workbook: one ledger and one matrix column each', () => {
    const { plan, ledgers } = prepareWorkbook({ noticeText: VARIANTS, previous: null, asOf: '2020-10-01' });
    expect(ledgers.ledgers.map((l) => `${l.sheetName}:${l.rows.map((r) => r.taskId).join(',')}`)).toEqual([
      '台账-市财政局:1.1,2.1,3.1',
      '台账-人民银行天津分行:6.1',
      '台账-人民银行XYZ分行:4.1,5.1',
      '台账-市火星开发局:4.1,5.1',
    ]);
    const matrix = plan.sheets.find((s) => s.name === '责任矩阵')!;
    expect(matrix.columns.map((c) => c.header).filter((h) => /财政|XYZ|火星|天津分行/.test(h))).toEqual(['市财政局', '人民银行天津分行', '人民银行XYZ分行', '市火星开发局']);
  });

  it('names and aliases typed in 单位名录 are read in the same spelling', () => {
    const first = planAsData(prepareWorkbook({ noticeText: VARIANTS, previous: null, asOf: null }).plan);
    const directory = first.sheets.find((s) => s.name === '单位名录')!;
    const [iName, iAlias] = [directory.rows[0]!.indexOf('单位'), directory.rows[0]!.indexOf('别名')];
    const row = directory.rows.find((r) => r[iName] === '市火星开发局')!;
    row[iName] = '市火星开发局\u200b';
    row[iAlias] = 'ＨＸ局\u200b';
    const second = prepareWorkbook({ noticeText: VARIANTS.replace('市火星 开发局配合', 'HX局配合'), previous: first, asOf: null });
    expect(second.notice.tasks.find((t) => t.id === '4.1')?.units).toEqual([
      { name: '人民银行XYZ分行', role: 'lead' },
      { name: '市火星开发局', role: 'support' },
    ]);
    expect(second.ledgers.ledgers.filter((l) => l.unit.includes('火星')).map((l) => l.sheetName)).toEqual(['台账-市火星开发局']);
  });
});
