import { noticeShortTitle } from './names';

/**
 * What the office says a notice is, when the workbook already has tasks (DESIGN §13): an update of
 * one of its sources, or a new source under a name of its own. null: not said yet.
 */
export type SourceChoice = { kind: 'update'; name: string } | { kind: 'add'; name: string } | null;

/**
 * The choice as the `source` option of prepareWorkbook (`--source NAME`), or why it cannot be
 * applied. Updating the workbook's only source passes no name, as `duban build --update` without
 * `--source` does: the pane and the CLI then give the same workbook, a workbook from before
 * 事项来源 included. A new source needs a name the workbook does not use yet.
 * @example sourceOption({ kind: 'add', name: ' 领导批示 ' }, ['稳就业']) //=> { source: '领导批示', problem: null }
 * @example sourceOption(null, ['稳就业', '纪要']).problem //=> '工作簿中有 2 个事项来源：…'
 */
export function sourceOption(choice: SourceChoice, sources: readonly string[]): { source: string | null; problem: string | null } {
  const ok = (source: string | null) => ({ source, problem: null });
  const no = (problem: string) => ({ source: null, problem });
  if (sources.length === 0) return ok(null);
  if (choice === null) return sources.length === 1 ? ok(null) : no(`工作簿中有 ${sources.length} 个事项来源：请选择这份通知更新的是哪一个，或作为新的事项来源添加。`);
  if (choice.kind === 'update') {
    if (!sources.includes(choice.name)) return no(`工作簿中没有事项来源“${choice.name}”：请从列出的来源中选择。`);
    return ok(sources.length === 1 ? null : choice.name);
  }
  const name = choice.name.trim();
  if (name.length === 0) return no('请填写新事项来源的名称，例如“市政府第12次常务会议纪要”。');
  if (sources.includes(name)) return no(`“${name}”已是本工作簿的事项来源：要用这份通知替换它的任务，请选择“更新已有来源”；作为新来源添加，请换一个名称。`);
  return ok(name);
}

/**
 * What the pane proposes before the office chooses: the workbook's only source, or the source
 * named as the notice is (its short title); with several sources and none of that name, nothing,
 * so that a notice never replaces a source nobody chose.
 * @example defaultSourceChoice(['稳就业'], '纪要') //=> { kind: 'update', name: '稳就业' }
 * @example defaultSourceChoice(['稳就业', '纪要'], '其他') //=> null
 */
export function defaultSourceChoice(sources: readonly string[], noticeTitle: string): SourceChoice {
  const own = newSourceName(noticeTitle);
  if (own.length > 0 && sources.includes(own)) return { kind: 'update', name: own };
  const only = sources.length === 1 ? sources[0] : undefined;
  return only === undefined ? null : { kind: 'update', name: only };
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
