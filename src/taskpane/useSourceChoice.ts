import { useCallback, useMemo, useState } from 'react';
import type { WorkbookState } from '../host/hostTypes';
import { defaultSourceChoice, newSourceName, sourceOption, type SourceChoice, type SourceSubject } from '../domain/sources/choice';

/** The id of a new source's name problem, which 重新生成工作簿 is described by while it is shown. */
export const SOURCE_NAME_PROBLEM_ID = 'source-name-problem';

export type SourceQuestion = {
  /** Whether to ask: the workbook already has tasks and there is a notice to apply. */
  asked: boolean;
  /** What is asked about: a notice, or a table read from a sheet. */
  subject: SourceSubject;
  /** The workbook's sources, in 任务清单's order. */
  sources: string[];
  /** 更新已有来源 or 作为新的事项来源添加; null until chosen (several sources, none named as the notice is). */
  kind: 'update' | 'add' | null;
  /** The source to update. */
  target: string | null;
  /** The new source's name, as typed (prefilled from the notice's title). */
  name: string;
  setKind(kind: 'update' | 'add'): void;
  setTarget(name: string): void;
  setName(name: string): void;
  /** What generate and the changes preview get: the source option, null for the workbook's only source. */
  source: string | null;
  /** Why the notice cannot be applied as chosen (nothing chosen, a name empty or already used), or null. */
  problem: string | null;
};

/** What the office said, for the workbook's sources and the notice it was said about. */
type Said = { about: string; kind: 'update' | 'add' | null; target: string | null; name: string };

/**
 * 更新已有来源 or 作为新的事项来源添加 (DESIGN §13): asked when the open workbook already has tasks,
 * before the changes preview. The rules are the domain's (sourceOption): the answer becomes the
 * `source` option the CLI's `--source` gives. Proposed at first: the source named as the notice is,
 * or the only source when nothing tells them apart (defaultSourceChoice). What the office chose holds while the workbook's sources and the
 * notice's title stay the same; after the workbook changes (a source added) it is proposed again.
 */
export function useSourceChoice(workbook: WorkbookState | null, noticeTitle: string | null, subject: SourceSubject = '通知'): SourceQuestion {
  const sources = useMemo(() => workbook?.sources ?? [], [workbook]);
  const title = noticeTitle ?? '';
  const about = `${sources.join('\u0000')}\u0001${title}`;
  const proposed = useMemo((): Said => {
    const choice = defaultSourceChoice(sources, title);
    return { about, kind: choice?.kind ?? null, target: choice?.kind === 'update' ? choice.name : null, name: newSourceName(title) };
  }, [about, sources, title]);
  const [said, setSaid] = useState<Said | null>(null);
  const now = said !== null && said.about === about ? said : proposed;
  const change = useCallback((patch: Partial<Omit<Said, 'about'>>) => setSaid({ ...now, ...patch }), [now]);
  const choice: SourceChoice = now.kind === 'add' ? { kind: 'add', name: now.name } : now.kind === 'update' && now.target !== null ? { kind: 'update', name: now.target } : null;
  const { source, problem } = sourceOption(choice, sources, subject);
  return {
    asked: noticeTitle !== null && sources.length > 0,
    subject,
    sources,
    kind: now.kind,
    target: now.target,
    name: now.name,
    setKind: (kind) => change({ kind, target: kind === 'update' ? (now.target ?? (sources.length === 1 ? (sources[0] as string) : null)) : now.target }),
    setTarget: (target) => change({ kind: 'update', target }),
    setName: (name) => change({ kind: 'add', name }),
    source,
    problem,
  };
}
