import { DEFAULT_SOURCE, noticeShortTitle } from './names';

/**
 * What the office says a notice is, when the workbook already has tasks (DESIGN §13): an update of
 * one of its sources, or a new source under a name of its own. null: not said yet.
 */
export type SourceChoice = { kind: 'update'; name: string } | { kind: 'add'; name: string } | null;

/** What is being applied, as the questions about it name it. */
export type SourceSubject = '通知' | '分工表';
/** `这份通知`, `这张分工表`: the subject of the question and of its problems. */
export const SUBJECT_TEXT: Record<SourceSubject, string> = { 通知: '这份通知', 分工表: '这张分工表' };

/**
 * The choice as the `source` option of prepareWorkbook (`--source NAME`), or why it cannot be
 * applied. Updating the workbook's only source passes no name, as `duban build --update` without
 * `--source` does: the pane and the CLI then give the same workbook, a workbook from before
 * 事项来源 included. A new source needs a name the workbook does not use yet. Nothing chosen is a
 * problem whatever the number of sources: the pane only leaves it unchosen when it cannot tell.
 * @example sourceOption({ kind: 'add', name: ' 领导批示 ' }, ['稳就业']) //=> { source: '领导批示', problem: null }
 * @example sourceOption(null, ['稳就业', '纪要'], '分工表').problem //=> '工作簿中有 2 个事项来源：请选择这张分工表更新的是哪一个，或作为新的事项来源添加。'
 */
export function sourceOption(choice: SourceChoice, sources: readonly string[], subject: SourceSubject = '通知'): { source: string | null; problem: string | null } {
  const ok = (source: string | null) => ({ source, problem: null });
  const no = (problem: string) => ({ source: null, problem });
  const self = SUBJECT_TEXT[subject];
  if (sources.length === 0) return ok(null);
  if (choice === null) {
    return no(sources.length === 1 ? `请选择${self}是更新已有的事项来源“${sources[0]}”，还是作为新的事项来源添加。` : `工作簿中有 ${sources.length} 个事项来源：请选择${self}更新的是哪一个，或作为新的事项来源添加。`);
  }
  if (choice.kind === 'update') {
    if (!sources.includes(choice.name)) return no(`工作簿中没有事项来源“${choice.name}”：请从列出的来源中选择。`);
    return ok(sources.length === 1 ? null : choice.name);
  }
  const name = choice.name.trim();
  if (name.length === 0) return no('请填写新事项来源的名称，例如“市政府第12次常务会议纪要”。');
  if (sources.includes(name)) return no(`“${name}”已是本工作簿的事项来源：要用${self}替换它的任务，请选择“更新已有来源”；作为新来源添加，请换一个名称。`);
  return ok(name);
}

/**
 * What the pane proposes before the office chooses: the source named as the input is (its short
 * title); else the workbook's only source when nothing tells the input apart from it (an input
 * without a title, or a workbook from before 事项来源, whose one source is 分工通知); else nothing.
 * An input titled otherwise may be another document, and updating with it would move the source's
 * tasks out: the office is asked, never assumed to mean it.
 * @example defaultSourceChoice(['稳就业若干措施'], '天津市人民政府关于印发稳就业若干措施的通知') //=> { kind: 'update', name: '稳就业若干措施' }
 * @example defaultSourceChoice(['分工通知'], '市政府常务会议纪要') //=> { kind: 'update', name: '分工通知' }
 * @example defaultSourceChoice(['稳就业若干措施'], '市政府常务会议纪要') //=> null
 */
export function defaultSourceChoice(sources: readonly string[], noticeTitle: string): SourceChoice {
  const own = newSourceName(noticeTitle);
  // A source is never named '' (an untitled input has no name of its own to match).
  if (sources.includes(own)) return { kind: 'update', name: own };
  const only = sources.length === 1 ? sources[0] : undefined;
  if (only === undefined) return null;
  return own.length === 0 || only === DEFAULT_SOURCE ? { kind: 'update', name: only } : null;
}

/**
 * The name a new source is offered under: the notice's short title, or nothing for a notice
 * without a title (the office types one).
 * @example newSourceName('天津市人民政府关于印发稳就业若干措施的通知') //=> '稳就业若干措施'
 * @example newSourceName('') //=> ''
 */
export function newSourceName(noticeTitle: string): string {
  return noticeTitle.trim().length === 0 ? '' : noticeShortTitle(noticeTitle);
}
