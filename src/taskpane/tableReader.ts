// The domain code that reads a task-list table, loaded when a sheet is first read.
export { readTaskTables } from '../domain/table/readTaskTables';
export { columnLines } from '../domain/table/overview';
