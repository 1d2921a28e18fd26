import { IDENTITY_SHEET, identityRows, type Identity } from '../../domain/distribute/identity';
import { num, text, type SheetPlan } from '../plan';

/** `_督办标识`: the workbook's identity (DESIGN §10), hidden and protected. */
export function identitySheet(id: Identity): SheetPlan {
  return {
    key: 'identity',
    name: IDENTITY_SHEET,
    columns: [
      { header: '项目', width: 12, role: 'generated' },
      { header: '值', width: 40, role: 'generated' },
      { header: '单位', width: 20, role: 'generated' },
      { header: '轮次', width: 8, role: 'generated' },
    ],
    rows: identityRows(id).map((row) => row.map((value) => (typeof value === 'number' ? num(value) : text(value)))),
    freeze: { rows: 1, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: true,
    hidden: true,
  };
}
