import type { ParsedNotice, UnitCategory } from '../../domain/notice/types';
import { PAGE } from '../pages';
import type { DirectoryEntry } from '../../domain/units/builtinDirectory';
import type { LedgerBook } from '../../domain/ledger/ledgers';
import { TEXT_FORMAT, num, text, type ColumnPlan, type SheetPlan } from '../plan';
import { printSetup } from '../print';
import { SHEET } from '../../domain/grid/names';

export const CATEGORY_LABEL: Record<UnitCategory, string> = {
  municipal: '市级部门',
  central: '中央驻地单位',
  group: '单位集合',
  placeholder: '待明确',
  other: '其他',
  unknown: '未登记',
};

export const DIRECTORY_HEADERS = ['单位', '全称', '别名', '类别', '排序', '牵头', '负责', '配合', '分别负责', '台账行数', '台账工作表', '状态'] as const;

const COLUMNS: ColumnPlan[] = DIRECTORY_HEADERS.map((header, i) => ({
  header,
  width: [18, 30, 24, 12, 6, 6, 6, 6, 8, 8, 22, 10][i] as number,
  role: i === 0 || i === 1 || i === 2 || i === 3 || i === 4 || i === 10 ? 'fill' : 'generated',
  numberFormat: i === 4 || (i >= 5 && i <= 9) ? 'General' : TEXT_FORMAT,
}));

/**
 * 单位名录: the directory the user may edit (rename, aliases, new units, ledger sheet names),
 * with each unit's load and its ledger sheet. It wins over the built-in directory next time.
 */
export function directorySheet(notice: ParsedNotice, directory: readonly DirectoryEntry[], book: LedgerBook): SheetPlan {
  const loads = new Map(notice.units.map((u) => [u.name, u]));
  const ledgers = new Map(book.ledgers.map((l) => [l.unit, l]));
  const entries: DirectoryEntry[] = [...directory];
  for (const u of notice.units) {
    if (!entries.some((e) => e.name === u.name)) entries.push({ name: u.name, fullName: '', aliases: [], category: u.category, order: entries.length });
  }
  return {
    key: SHEET.directory.key,
    name: SHEET.directory.name,
    columns: COLUMNS,
    rows: entries.map((e) => {
      const load = loads.get(e.name);
      const ledger = ledgers.get(e.name);
      const status = book.pending.includes(e.name) ? '待明确' : e.category === 'unknown' && load ? '未登记，请核对' : ledger ? '已生成台账' : load ? '' : '本通知未涉及';
      return [
        text(e.name),
        text(e.fullName),
        text(e.aliases.join('、')),
        text(CATEGORY_LABEL[e.category]),
        num(e.order + 1),
        num(load?.lead ?? 0),
        num(load?.joint ?? 0),
        num(load?.support ?? 0),
        num(load?.each ?? 0),
        num(ledger?.rows.length ?? 0),
        text(ledger?.sheetName ?? ''),
        text(status),
      ];
    }),
    freeze: { rows: 1, columns: 1 },
    table: { name: 'Duban_Directory', style: 'TableStyleLight1' },
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: printSetup('单位名录', null, PAGE.directory),
  };
}
