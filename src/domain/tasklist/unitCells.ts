import type { Role } from '../notice/types';
import { normaliseUnitName } from '../text/normalise';

/** What separates the units of one cell: `市财政局、市人社局`, commas, semicolons, slashes, line breaks. */
const UNIT_SEPARATOR = /[、，,；;／/\n\r]+/;

/**
 * A role written after a name inside a unit cell: 任务清单 writes `市政府各部门（分别负责）` in
 * 负责单位; an office may type `市商务局（牵头）` or `市商务局(配合)` anywhere.
 */
const ROLE_SUFFIX = /[（(]\s*(分别负责|牵头|负责|配合)\s*[）)]\s*$/;
const ROLE_BY_SUFFIX: Record<string, Role> = { 分别负责: 'each', 牵头: 'lead', 负责: 'joint', 配合: 'support' };

/**
 * The units of one 任务清单 unit cell with their roles: the column gives the role of a plain
 * name, a suffix overrides it.
 * @example readUnitCell('市财政局、市政府各部门（分别负责）', 'joint')
 * //=> [{ name: '市财政局', role: 'joint' }, { name: '市政府各部门', role: 'each' }]
 */
export function readUnitCell(cell: string, role: Role): Array<{ name: string; role: Role }> {
  return cell
    .split(UNIT_SEPARATOR)
    .map((piece) => {
      const m = ROLE_SUFFIX.exec(piece);
      const name = normaliseUnitName(m ? piece.slice(0, m.index) : piece);
      return { name, role: m ? (ROLE_BY_SUFFIX[m[1] as string] as Role) : role };
    })
    .filter((u) => u.name.length > 0);
}
