import type { Comparator, Target } from './types';
import { asciiDigits } from '../text/normalise';

/**
 * Measure units a quantity may carry, longest first so `万吨` wins over `万`.
 * Real clauses: `再就业达到8万人`, `新增再担保业务规模达到15亿元`, `不低于50个基点`,
 * `整治修复岸线不少于4公里`, `苗种15亿单位以上`, `下降0.6%以上`.
 */
const MEASURES = [
  '个百分点', '个基点', '平方公里', '平方米', '万千瓦', '千瓦时', '千瓦', '公顷', '公里', '千米', '人次', '亿单位', '万单位',
  '单位', '基点', '百分点', '户', '人', '家', '个', '座', '台', '辆', '吨', '元', '亩', '头', '条', '所', '项', '套', '张',
  '件', '间', '批', '处', '栋', '只', '床', '张', '名', '位', '场', '次', '村', '镇', '片', '辆', '架', '艘', '%', '％', '‰',
];
/** 万/亿 and friends: kept in the display unit, multiplied out for arithmetic. */
const MAGNITUDES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

const MEASURE_ALT = MEASURES.map(escape).join('|');
/**
 * A number (optionally a range `3至5`) with an optional magnitude and a measure unit.
 * The lookbehind refuses digits glued to Latin letters or other digits (`PM2.5`, `5G`, `1+16+N`).
 */
const QUANTITY = new RegExp(
  `(?<![A-Za-z0-9.+\\-〔［])(\\d+(?:\\.\\d+)?)(?:\\s*(?:至|到|-|—|～|~)\\s*(\\d+(?:\\.\\d+)?))?\\s*(十万|百万|千万|万|亿|千|百)?(${MEASURE_ALT})`,
  'g',
);
/** What follows a quantity that makes it a date or duration, not a target: `3个月`, `5个工作日`. */
const NOT_A_TARGET_AFTER = /^(月|年|日|天|小时|工作日|届|期|批次|号)/;
const AT_LEAST_AFTER = /^(以上|及以上|左右)/;
const AT_MOST_AFTER = /^(以下|以内|及以下)/;
/** Words just before the quantity and what they say. */
const BEFORE_WORDS: Array<[RegExp, Comparator, Target['direction']]> = [
  // Order matters: 不超过 before 超过, 不低于 before 低于.
  [/(不超过|不高于|不多于|不大于|控制在)\s*$/, '<=', 'level'],
  [/(不低于|不少于|不小于|至少|达到|达|突破)\s*$/, '>=', 'level'],
  [/(超过|高于|大于|多于)\s*$/, '>', 'level'],
  [/(低于|少于|小于)\s*$/, '<', 'level'],
  [/(下降|降低|减少|压减|削减)\s*$/, '>=', 'decrease'],
  [/(增加|增长|提高|提升|新增|扩大)\s*$/, '>=', 'increase'],
];

/**
 * Every quantity with a measure unit in a task's text is a target candidate (DESIGN §3 Targets).
 *
 * @example
 * extractTargets('2020年城镇失业人员再就业达到8万人。')
 * //=> [{ indicator: '城镇失业人员再就业', comparator: '>=', value: 8, unit: '万人', … }]
 */
export function extractTargets(written: string): Target[] {
  const targets: Target[] = [];
  const text = asciiDigits(written).replace(/％/g, '%');
  // Most task text has no digit at all: skip the quantity scan for it.
  if (!HAS_DIGIT.test(text)) return targets;
  for (const clause of splitClauses(text)) {
    if (!HAS_DIGIT.test(clause)) continue;
    const found = [...clause.matchAll(QUANTITY)].filter((m) => {
      const after = clause.slice(m.index + m[0].length);
      return !NOT_A_TARGET_AFTER.test(after) && !(m[4] === '个' && /^月/.test(after));
    });
    const ends = found.map((m) => m.index + m[0].length + (clause.slice(m.index + m[0].length).match(QUANTITY_SUFFIX)?.[0].length ?? 0));
    // Text between two quantities is the next one's head when it ends with a comparator
    // (`46个贫困发生率超过10%`) or follows a `、` (`508万亩、总产量223万吨`); otherwise the previous one's tail.
    const cuts = found.map((m, k) => {
      if (k === 0) return 0;
      const between = clause.slice(ends[k - 1], m.index);
      if (COMPARATOR_AT_END.test(between)) return ends[k - 1] as number;
      const pause = between.lastIndexOf('、');
      return pause >= 0 ? (ends[k - 1] as number) + pause : m.index;
    });
    found.forEach((m, k) => {
      const start = m.index;
      const end = start + m[0].length;
      const headStart = cuts[k] as number;
      const tailEnd = k + 1 < found.length ? (cuts[k + 1] as number) : clause.length;
      const head = clause.slice(headStart, start);
      const tail = clause.slice(ends[k] as number, Math.max(ends[k] as number, tailEnd));
      targets.push(buildTarget(clause, m, clause.slice(Math.max(0, start - 6), start), clause.slice(end), head, tail));
    });
  }
  return targets;
}

function buildTarget(clause: string, m: RegExpMatchArray, before: string, after: string, head: string, tail: string): Target {
  const value = Number(m[1]);
  const upper = m[2] === undefined ? null : Number(m[2]);
  const magnitude = m[3] ?? '';
  const measure = normaliseMeasure(m[4] as string);
  let comparator: Comparator = '>=';
  let direction: Target['direction'] = 'level';
  for (const [pattern, cmp, dir] of BEFORE_WORDS) {
    if (pattern.test(before)) {
      comparator = cmp;
      direction = dir;
      break;
    }
  }
  if (AT_MOST_AFTER.test(after)) comparator = '<=';
  else if (AT_LEAST_AFTER.test(after) && comparator !== '>') comparator = '>=';
  if (upper !== null) comparator = 'range';
  return {
    text: clause.trim(),
    indicator: indicatorOf(head, tail, clause),
    comparator,
    value,
    max: upper,
    unit: magnitude + measure,
    direction,
    scale: MAGNITUDES[magnitude] ?? 1,
    baseUnit: measure,
  };
}

const HAS_DIGIT = /\d/;
const QUANTITY_SUFFIX = /^(及以上|以上|及以下|以下|以内|左右)/;
const COMPARATOR_AT_END = /(不低于|不少于|不小于|至少|达到|超过|高于|大于|多于|不超过|不高于|不多于|控制在|低于|少于|突破|达|为)\s*$/u;
/** `比例力争达到80%`, `示范社和区级联合社共19家`: words between the indicator and its comparator. */
const TRAILING_FILLER = /(力争|确保|要|共|合计|累计|均|全年|年内)$/u;
const LEADING_FILLER = /^(\d{4}年|今年|全年|年内|力争|确保|实现|全市|累计|均)+/u;

/** The clause without its quantity and comparator words: `城镇失业人员再就业`. */
function indicatorOf(head: string, tail: string, clause: string): string {
  const joined = head.replace(/^[、，\s]+/u, '').replace(COMPARATOR_AT_END, '').replace(TRAILING_FILLER, '') + tail.replace(/[、和及与\s]+$/u, '');
  // `主要预期目标是：城镇新增就业1100万人`: the indicator is what follows the colon.
  const cleaned = joined.slice(Math.max(joined.lastIndexOf('：'), joined.lastIndexOf(':')) + 1).replace(LEADING_FILLER, '').replace(/均$/u, '').trim();
  return cleaned.length > 0 ? cleaned : clause.trim();
}

function normaliseMeasure(measure: string): string {
  return measure === '％' ? '%' : measure;
}

/** Sentences and clauses: targets are read one clause at a time so comparators do not leak. */
function splitClauses(text: string): string[] {
  return text.split(/[。；;，,]/).filter((c) => c.trim().length > 0);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
