import { useCallback } from 'react';
import type { SheetTableRead, WorkbookHost } from '../host/hostTypes';
import { useHostAction, type HostAction } from './useHostAction';
import type { TableNotice } from '../domain/table/readTaskTables';

/** What a read of the sheet holds, read as a task-list table: shown before anything is written. */
export type SheetPreview = {
  sheet: SheetTableRead;
  table: TableNotice;
  /** How each table's columns were understood, a line a column (`责任单位 → 牵头单位`). */
  columns: string[][];
  /** Not one cell holds anything: there is no table to preview, only that to say. */
  empty: boolean;
};

export type SheetTable = {
  /** 从当前工作表读取 / 读取选中区域: one read of the workbook, nothing written. */
  read: HostAction<['sheet' | 'selection'], SheetPreview>;
  preview: SheetPreview | null;
  clear(): void;
};

/** The table reader loads with the first read, beside the read itself. */
const tableReader = () => import(/* webpackChunkName: "table" */ './tableReader');

/** The active sheet (or the selection) as a task-list table, read through the host and previewed. */
export function useSheetTable(host: WorkbookHost): SheetTable {
  const readSheet = useCallback(async (from: 'sheet' | 'selection', _progress: unknown): Promise<SheetPreview> => {
    const [sheet, reader] = await Promise.all([host.readSheetTable(from), tableReader()]);
    const table = reader.readTaskTables([sheet.grid], { format: 'sheet' });
    const empty = sheet.grid.rows.every((row) => row.every((cell) => cell.trim() === ''));
    return { sheet, table, columns: table.source.tables.map((t) => reader.columnLines(t.columns)), empty };
  }, [host]);
  const read = useHostAction(readSheet);
  return { read, preview: read.state.status === 'done' ? read.state.result : null, clear: read.reset };
}
