import { useCallback, useMemo } from 'react';
import type { SheetTableRead, WorkbookHost } from '../host/hostTypes';
import { useHostAction, type HostAction } from './useHostAction';
import { readTaskTables, type TableNotice } from '../domain/table/readTaskTables';

export type SheetTable = {
  /** 从当前工作表读取 / 读取选中区域: one read of the workbook, nothing written. */
  read: HostAction<['sheet' | 'selection'], SheetTableRead>;
  /** What the last read holds, read as a task-list table: shown before anything is written. */
  preview: { sheet: SheetTableRead; table: TableNotice } | null;
  clear(): void;
};

/** The active sheet (or the selection) as a task-list table, read through the host and previewed. */
export function useSheetTable(host: WorkbookHost): SheetTable {
  const readSheet = useCallback((from: 'sheet' | 'selection', _progress: unknown) => host.readSheetTable(from), [host]);
  const read = useHostAction(readSheet);
  const result = read.state.status === 'done' ? read.state.result : null;
  const preview = useMemo(() => (result === null ? null : { sheet: result, table: readTaskTables([result.grid], { format: 'sheet' }) }), [result]);
  return { read, preview, clear: read.reset };
}
