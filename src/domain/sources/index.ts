/** 事项来源 (DESIGN §13): several notices, meeting decisions and instructions in one workbook. */
export { DEFAULT_SOURCE, SOURCE_HEADER, noticeShortTitle, shortName } from './names';
export { idPrefix, prefixIds, shortOfIds } from './ids';
export { joinSource, severalSourcesMessage, sourceOf, sourcesOf, splitBySource, tasksOfSource, type SourceJoin } from './bySource';
export { settleSourceIds } from './settle';
export { defaultSourceChoice, newSourceName, sourceOption, type SourceChoice } from './choice';
