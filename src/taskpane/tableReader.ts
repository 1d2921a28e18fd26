// The domain code that reads a task-list table, loaded when a sheet is first read.
export { readTaskTables } from '../domain/table/readTaskTables';
export { columnPicks } from '../domain/table/overview';
export { PICKER_WORDS, chooseColumn } from '../domain/table/columnChoices';
