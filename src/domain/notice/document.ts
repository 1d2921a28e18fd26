import type { Issue, NoticeMeta, ParsedNotice, Section, Task, UnitLoad } from './types';

/** The `duban parse --json` document (DESIGN §3, schema `duban.notice/1`). */
export type NoticeDocument = {
  schema: 'duban.notice/1';
  notice: NoticeMeta;
  sections: Section[];
  tasks: Array<Omit<Task, 'line'>>;
  units: UnitLoad[];
  issues: Issue[];
};

export function toNoticeDocument(parsed: ParsedNotice): NoticeDocument {
  return {
    schema: 'duban.notice/1',
    notice: parsed.notice,
    sections: parsed.sections,
    tasks: parsed.tasks.map(({ line: _line, ...task }) => task),
    units: parsed.units,
    issues: parsed.issues,
  };
}
