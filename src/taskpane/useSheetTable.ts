import { useCallback, useMemo, useState } from 'react';
import type { SheetTableRead, WorkbookHost } from '../host/hostTypes';
import { useHostAction, type HostAction } from './useHostAction';
import type { TableInput, TableNotice } from '../domain/table/readTaskTables';
import type { ColumnChoice } from '../domain/table/types';
import type { ColumnPick } from '../domain/table/overview';

/** One table of the preview: where its header is, the tasks under it, and its columns as the picker shows them. */
export type PreviewTable = { name: string; headerRow: number; tasks: number; columns: ColumnPick[] };

/** What a read of the sheet holds, read as a task-list table (with the clerk's column choices): shown before anything is written. */
export type SheetPreview = {
  sheet: SheetTableRead;
  table: TableNotice;
  /**
   * The tables read, each with its columns. Where no table was read for want of a task column, the
   * header that was found (0 tasks), so the clerk can name the task column.
   */
  tables: PreviewTable[];
  /** The meanings a column may be given: 任务, 牵头单位, …, 不用. */
  words: readonly string[];
  /** The clerk changed how some column is read (恢复自动识别 has something to undo). */
  chosen: boolean;
  /** What 按此表生成工作簿 builds from: the sheet's cells and the same column choices. */
  input: TableInput;
  /** Not one cell holds anything: there is no table to preview, only that to say. */
  empty: boolean;
};

export type SheetTable = {
  /** 从当前工作表读取 / 读取选中区域: one read of the workbook, nothing written; a new read starts from the automatic reading. */
  read: HostAction<['sheet' | 'selection'], unknown>;
  preview: SheetPreview | null;
  /** Read one column as `word` (one of `preview.words`): the table is read again from the cells already read. */
  choose(header: string, word: string): void;
  /** 恢复自动识别: forget the clerk's choices. */
  resetColumns(): void;
  clear(): void;
};

/** The table reader loads with the first read, beside the read itself. */
const tableReader = () => import(/* webpackChunkName: "table" */ './tableReader');
type Reader = Awaited<ReturnType<typeof tableReader>>;
type SheetRead = { sheet: SheetTableRead; reader: Reader };

/**
 * The active sheet (or the selection) as a task-list table, read through the host and previewed.
 * The clerk's column choices re-read the cells already read (no second trip to Excel) and go with
 * the table to 生成, as `--columns` does on the command line.
 */
export function useSheetTable(host: WorkbookHost): SheetTable {
  const readSheet = useCallback(async (from: 'sheet' | 'selection', _progress: unknown): Promise<SheetRead> => {
    const [sheet, reader] = await Promise.all([host.readSheetTable(from), tableReader()]);
    return { sheet, reader };
  }, [host]);
  const action = useHostAction(readSheet);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const { run: runRead, reset: resetRead } = action;
  const run = useCallback(async (from: 'sheet' | 'selection') => {
    setChoices([]);
    await runRead(from);
  }, [runRead]);
  const read = useMemo(() => ({ state: action.state, run, reset: resetRead }), [action.state, run, resetRead]);
  const done = action.state.status === 'done' ? action.state.result : null;
  const preview = useMemo(() => (done === null ? null : previewOf(done, choices)), [done, choices]);
  const choose = useCallback((header: string, word: string) => {
    if (done !== null) setChoices((before) => done.reader.chooseColumn(before, header, word));
  }, [done]);
  const resetColumns = useCallback(() => setChoices([]), []);
  const clear = useCallback(() => {
    setChoices([]);
    resetRead();
  }, [resetRead]);
  return { read, preview, choose, resetColumns, clear };
}

function previewOf({ sheet, reader }: SheetRead, choices: ColumnChoice[]): SheetPreview {
  const input: TableInput = { format: 'sheet', grids: [sheet.grid], ...(choices.length === 0 ? {} : { columns: choices }) };
  const { grids, ...how } = input;
  const table = reader.readTaskTables(grids, how);
  const readings = table.source.tables.length > 0 ? table.source.tables : table.headerWithoutTask === undefined ? [] : [table.headerWithoutTask];
  return {
    sheet,
    table,
    tables: readings.map((t) => ({ name: t.name, headerRow: t.headerRow, tasks: t.tasks, columns: reader.columnPicks(t.columns) })),
    words: reader.PICKER_WORDS,
    chosen: choices.length > 0,
    input,
    empty: sheet.grid.rows.every((row) => row.every((cell) => cell.trim() === '')),
  };
}
