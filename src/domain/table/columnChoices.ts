import { COLUMN_LABEL, type ColumnChoice, type ColumnKind } from './types';
import { headerKey } from './headers';

/**
 * The words a clerk may use for a column's meaning: the labels the preview prints (`任务`, `责任单位`…),
 * their short forms, and `不用` for a column to leave unread.
 */
const KIND_WORDS: ReadonlyMap<string, ColumnKind | null> = new Map<string, ColumnKind | null>([
  ...(Object.entries(COLUMN_LABEL) as Array<[ColumnKind, string]>).map(([kind, label]): [string, ColumnKind] => [label, kind]),
  ['序号', 'id'],
  ['牵头', 'lead'],
  ['责任', 'responsible'],
  ['配合', 'support'],
  ['指导', 'guide'],
  ['时限', 'deadline'],
  ['未使用', null],
  ['不用', null],
  ['忽略', null],
]);

/** Pairs separated by `,` `，` `;` `；`. */
const PAIR_SEPARATOR = /[,，;；]/;

export type ColumnChoiceReading = { choices: ColumnChoice[]; problems: string[] };

/**
 * Read the user's column choices (`--columns 任务=改革举措,责任单位=指导部门`): `含义=表头` pairs; the
 * other order (`改革举措=任务`) is read too. Anything else is a problem, said in Chinese.
 *
 * @example
 * readColumnChoices('任务=改革举措，责任单位=指导部门').choices
 * //=> [{ header: '改革举措', as: 'task' }, { header: '指导部门', as: 'responsible' }]
 * readColumnChoices('备注=不用').choices //=> [{ header: '备注', as: null }]
 */
export function readColumnChoices(text: string): ColumnChoiceReading {
  const reading: ColumnChoiceReading = { choices: [], problems: [] };
  for (const raw of text.split(PAIR_SEPARATOR)) {
    const pair = raw.trim();
    if (pair === '') continue;
    const at = pair.search(/[=＝]/);
    const left = at < 0 ? '' : pair.slice(0, at).trim();
    const right = at < 0 ? '' : pair.slice(at + 1).trim();
    const [word, header] = KIND_WORDS.has(left) ? [left, right] : [right, left];
    if (at < 0 || header === '' || !KIND_WORDS.has(word)) {
      reading.problems.push(`“${pair}”应写成“含义=表头”，含义为 ${[...KIND_WORDS.keys()].join('、')} 之一`);
      continue;
    }
    reading.choices.push({ header, as: KIND_WORDS.get(word) ?? null });
  }
  return reading;
}

/** The word for a column left unread, as the picker offers it. */
export const NOT_USED = '不用';

/**
 * The meanings the pane's picker offers for a column: each kind's label in the overview's order, then
 * 不用. Each is a word `--columns` accepts, so the picker and the command line mean the same.
 */
export const PICKER_WORDS: readonly string[] = [...(Object.values(COLUMN_LABEL) as string[]), NOT_USED];

/** The picker's word for a column's reading: `任务`, `牵头单位`…, or 不用. */
export function pickerWord(as: ColumnKind | null): string {
  return as === null ? NOT_USED : COLUMN_LABEL[as];
}

/**
 * The clerk's choices after giving one column a meaning in the pane's picker (`word` from
 * PICKER_WORDS). The column's earlier choice is replaced; a kind belongs to one column, so a column
 * chosen before as that kind loses its choice and goes back to being read by its header or content.
 * A word that is no meaning leaves the choices as they were.
 *
 * @example
 * chooseColumn([{ header: '改革举措', as: 'task' }], '主要内容', '任务')
 * //=> [{ header: '主要内容', as: 'task' }]
 * chooseColumn([], '推广范围', '不用') //=> [{ header: '推广范围', as: null }]
 */
export function chooseColumn(choices: readonly ColumnChoice[], header: string, word: string): ColumnChoice[] {
  if (!KIND_WORDS.has(word)) return [...choices];
  const as = KIND_WORDS.get(word) ?? null;
  const key = headerKey(header);
  const kept = choices.filter((c) => headerKey(c.header) !== key && (as === null || c.as !== as));
  return [...kept, { header, as }];
}
