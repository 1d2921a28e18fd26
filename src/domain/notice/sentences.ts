import { readParenthetical, type ParentheticalReading } from './responsibility';
import { parseDeadlineClause } from './deadline';
import { LEAD_FIRST_DECLARATION } from './patterns';

/**
 * Responsibility written as sentences instead of brackets (DESIGN §3), as meeting minutes (会议纪要) and
 * 督办 notices do: `由市发展改革委牵头，市财政局、市商务局配合，于9月底前完成`, `请市住建委会同市规划资源局
 * 抓紧研究，10月15日前报市政府`, `市教育局负责，年底前完成`. Each clause is put in the bracket grammar's
 * words and read by it, so a sentence and a bracket mean the same.
 */

/** A clause that may assign work: it holds a role word, or asks a unit (`请X…`). */
const ROLE_WORD = /牵头|负责|配合|参与|协助|协同|会同|分别|指导|主办|主责|^请|^由/;
/** A paragraph that may hold such a clause anywhere (a quick test before reading its sentences). */
const ANY_ROLE_WORD = /牵头|负责|配合|参与|协助|协同|会同|分别|指导|主办|主责|请|由/;
/** How a unit's name ends: `市住建委`, `市规划资源局`, `市政府办公厅`, `各区人民政府`, `人民银行天津分行`. */
const NAME_END = '(?:委员会|委|局|厅|办公室|办|部|署|院|政府|中心|公司|集团|分行|银行|海关|单位|部门|街道|乡镇)';
/** A list of names: `市财政局`, `市财政局、市金融局`, `各区人民政府和市水务局`. */
const NAMES = `[^，。；、]{1,30}?${NAME_END}(?:[、和及与][^，。；、]{1,30}?${NAME_END})*`;
/** What a unit asked to act does next: `抓紧研究`, `牵头制定`, `尽快报市政府`, `于5月底前…`. */
const ACT = '(?=抓紧|尽快|加快|研究|组织|做好|制定|开展|认真|统筹|督促|协调|落实|提出|起草|进一步|于|按|依法|会商|就|结合|根据|继续|切实|全力|全面|及时|专题|加强|推动|推进|完善|明确|梳理|拿出|形成|启动|跟踪|修改|补充|核实|牵头|负责|报)';
/**
 * `请市住建委会同市规划资源局抓紧研究`, `请市应急局牵头研究`, `市发展改革委会同市财政局研究制定`: asked units, an
 * optional 会同 partner, then the work. Without 请 a 会同 partner is required (`市政府研究决定` assigns nothing).
 */
const ASK = new RegExp(`^(请|由)?(${NAMES})(?:会同(${NAMES}))?${ACT}(牵头)?`);

/** `各单位`, `各有关部门`, `有关单位`: everyone, not a unit given work. */
const GENERIC = /^(?:各|有关|相关)/;
/**
 * A clause assigns work only when it ends in its role (`市财政局、市金融局分别牵头`, `市公安局参与`,
 * `市教育局负责`) or names a partner (`X会同Y负责`); `牵头单位和协同单位要立足大局` ends in prose.
 */
const ROLE_END = /(?:牵头|负责|配合|参与|协助|协同|协办|指导|主办|主责)(?:负责|落实|实施|推进)?$|会同/;

/** Clauses of a sentence, and sentences of a paragraph. */
const CLAUSE = /[，；]/;
const SENTENCE_END = /[。！？]/g;

/** Longer than any sentence that assigns work: such a paragraph is read bracket by bracket only. */
const MAX_SENTENCE = 600;

export type SentenceTask = {
  /** End of the assigning sentence in the paragraph (after its `。`). */
  end: number;
  reading: Required<ParentheticalReading>;
};

/**
 * The sentences of a paragraph that assign work, each read as a responsibility parenthetical would be.
 *
 * @example
 * sentenceTasks('会议原则同意。由市发展改革委牵头，市财政局配合，于9月底前完成。', 2024)[0].reading.mentions
 * //=> [{ name: '市发展改革委', clauseRole: 'lead' }, { name: '市财政局', clauseRole: 'support' }]
 * sentenceTasks('请市住建委会同市规划资源局抓紧研究，10月15日前报市政府。', 2024)[0].reading.deadlines[0].due
 * //=> '2024-10-15'
 */
export function sentenceTasks(text: string, year: number | null): SentenceTask[] {
  const tasks: SentenceTask[] = [];
  let start = 0;
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1);
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  for (const end of ends) {
    const reading = readSentence(text.slice(start, end), year);
    if (reading !== null) tasks.push({ end, reading });
    start = end;
  }
  return tasks;
}

/** True when some sentence of the text assigns work (a paragraph outside the numbered items is then a task). */
export function assignsBySentence(text: string): boolean {
  return ANY_ROLE_WORD.test(text) && sentenceTasks(text, null).length > 0;
}

function readSentence(sentence: string, year: number | null): Required<ParentheticalReading> | null {
  if (sentence.length > MAX_SENTENCE || !ANY_ROLE_WORD.test(sentence)) return null;
  // `各项任务中列第一位者为牵头单位，其他单位按职责分工负责`: a rule for the notice, never a task.
  if (LEAD_FIRST_DECLARATION.test(sentence)) return null;
  const kept: string[] = [];
  let assigned = false;
  for (const raw of sentence.replace(/[。！？]$/, '').split(CLAUSE)) {
    const clause = raw.trim();
    if (clause === '') continue;
    const grammar = ROLE_WORD.test(clause) ? inGrammar(clause) : null;
    if (grammar !== null) {
      kept.push(grammar);
      assigned = true;
    } else if (assigned && parseDeadlineClause(clause.replace(/^(?:并)?于/, ''), year).kind !== 'unknown') {
      // Only a date after the units: `2024年3月12日，市长主持召开…` before them says when the meeting was.
      kept.push(clause.replace(/^(?:并)?于/, ''));
    }
  }
  if (!assigned) return null;
  const reading = readParenthetical(kept.join('，'), year);
  return reading.hasRole ? reading : null;
}

/**
 * A clause in the bracket grammar's words, or null when it assigns nothing: `请X会同Y抓紧研究` → `X会同Y负责`,
 * `请X牵头研究` → `X牵头`, `请X研究` and `由X按程序印发实施` → `X负责`; `由X牵头`, `Y、Z配合` as they stand.
 */
function inGrammar(clause: string): string | null {
  const ask = ASK.exec(clause);
  // `请各单位于3月底前报送工作方案` asks everyone, as a cover letter does: a task names a unit of its own.
  // `由市住建委按程序印发实施`: 由 names the unit that acts, as 请 asks one.
  if (ask && (ask[1] !== undefined || ask[3] !== undefined || ask[4] !== undefined) && !GENERIC.test(ask[2] as string)) {
    const [, , units, partners, leads] = ask;
    if (partners !== undefined) return `${units as string}会同${partners}负责`;
    return `${units as string}${leads !== undefined ? '牵头' : '负责'}`;
  }
  // Prose is full of `负责` (`明确专人负责`): in a sentence, every unit must be named like an organisation.
  const plain = clause.replace(/^[由请]/, '');
  if (!ROLE_END.test(plain)) return null;
  const reading = readParenthetical(plain, null);
  return reading.hasRole && reading.mentions.every((m) => UNIT.test(m.name)) ? plain : null;
}

/** One unit's name in a sentence: an organisation (`市财政局`), a group (`各区人民政府`) or a placeholder (`有关部门`); `其他部门` refers back, names none. */
const UNIT = new RegExp(`^(?:(?!其他|其余|其它|上述|以上|各项)[^，。；、]{1,30}${NAME_END}|各[\u4e00-\u9fff（）]{0,12}?(?:政府|部门|单位|街道|乡镇|区|县|市|机构)|(?:各)?(?:有关|相关)(?:部门|单位))$`);
