/**
 * Splitting a list of unit names as notices write them (DESIGN §3 "unit lists"): `A、B`, `A与B`,
 * `A和各B`, `X等和各有关省级人民政府`, `X、Y等有关部门`, `各区、县级市`. `和` separates only after a
 * name's last character (`财政部和各省级人民政府`), never inside one (`市工业和信息化局`, `区教育和体育局`).
 */

/** `A、B`, `A／B`, and `与/及/以及/和` after an organisation's last character or before a `各` group. */
export const LIST_SEPARATOR = /[、／/]|(?<=[局委办会行厅部署院府处室心社联馆所站队门位])(?:与|及|以及|和)|和(?=各)/;

/**
 * A placeholder closing a list is itself a unit: `X、Y等有关部门` → X, Y and `有关部门`;
 * `X等相关单位`; `X等有关部门和单位` (its `和单位` is split off by the separator and joined back).
 */
const PLACEHOLDER_TAIL = /等((?:各)?(?:有关|相关)(?:部门|单位|方面|地区|机构))$/;
const PLACEHOLDER_REST = /^(?:部门|单位)$/;

/** `市发展改革委等部门`, `X等单位`, `X等`, `X等10个部门`: the trailing 等(部门|单位) closes the list and names nothing. */
const LIST_END = /等(?:\d{1,3}个|[一二三四五六七八九十]{1,3}个)?(?:部门|单位)?$/;

/** `X等和各有关省级人民政府`, `X等与Y`: the 等 closes the first list; the separator follows. */
const ETC_BEFORE_SEPARATOR = /等(?=和|与|及)/g;

/** `各区、县级市`, `各市、县`: the part after the `、` is a level of the same group, not a unit of its own. */
const GROUP_HEAD = /^各[\u4e00-\u9fff]{1,3}$/;
const GROUP_LEVEL = /^(?:县级市|县区|县|区|市|旗|州|乡镇|乡|镇|街道|街|园区|开发区)(?:（[^（）]{1,6}）)?(?:人民政府|政府)?$/;

/** A separator inside a nested bracket (`各县（市、区）`) is part of the name: hidden while splitting. */
const NESTED_SEPARATOR = '\u0001';
function hideNestedSeparators(list: string): string {
  if (!list.includes('（')) return list;
  let depth = 0;
  let out = '';
  for (const ch of list) {
    if (ch === '（') depth++;
    else if (ch === '）' && depth > 0) depth--;
    out += depth > 0 && ch === '、' ? NESTED_SEPARATOR : ch;
  }
  return out;
}

/**
 * The names of a list, in order, as written.
 *
 * @example splitUnitList('国家发展改革委、工业和信息化部等和各有关省级人民政府')
 * //=> ['国家发展改革委', '工业和信息化部', '各有关省级人民政府']
 * @example splitUnitList('市财政局、市商务局等有关部门') //=> ['市财政局', '市商务局', '有关部门']
 * @example splitUnitList('各区、县级市') //=> ['各区、县级市']
 */
export function splitUnitList(list: string): string[] {
  const out: string[] = [];
  let placeholderAt = -1;
  for (const part of hideNestedSeparators(list).replace(ETC_BEFORE_SEPARATOR, '').split(LIST_SEPARATOR)) {
    let name = part.replaceAll(NESTED_SEPARATOR, '、').trim();
    if (name.length === 0) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && out.length - 1 === placeholderAt && PLACEHOLDER_REST.test(name)) {
      out[out.length - 1] = `${prev}和${name}`;
      continue;
    }
    if (prev !== undefined && GROUP_HEAD.test(prev) && GROUP_LEVEL.test(name)) {
      out[out.length - 1] = `${prev}、${name}`;
      continue;
    }
    const placeholder = PLACEHOLDER_TAIL.exec(name);
    if (placeholder) {
      const before = name.slice(0, placeholder.index).trim();
      if (before.length > 0) out.push(before);
      out.push(placeholder[1] as string);
      placeholderAt = out.length - 1;
      continue;
    }
    name = name.replace(LIST_END, '').trim();
    if (name.length > 0) out.push(name);
  }
  return out;
}
