/**
 * What one user action has done to the workbook so far. Once a write has been sent the action
 * must not be run again by itself: the user decides, having been told what was written.
 */
export type RunState = { wrote: boolean };

/** Retry after cell-edit mode only on hosts that ignore `delayForCellEdit`. */
const CELL_EDIT_WAIT_MS = 1500;

/**
 * One `Excel.run` per user action, with `delayForCellEdit` so Excel waits for the user to finish
 * typing in a cell instead of failing. Hosts older than that option fail with
 * InvalidOperationInCellEditMode: we wait a moment and retry once, but only when nothing was
 * written yet. Every other error goes to the caller: never swallowed.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext, state: RunState) => Promise<T>, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  const state: RunState = { wrote: false };
  const once = (): Promise<T> => Excel.run({ delayForCellEdit: true }, (context) => batch(context, state));
  try {
    return await once();
  } catch (e) {
    if (!isCellEditMode(e) || state.wrote) throw e;
    await wait(CELL_EDIT_WAIT_MS);
    try {
      return await once();
    } catch (again) {
      if (isCellEditMode(again) && !state.wrote) throw new Error('Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑，再重试。');
      throw again;
    }
  }
}

export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

function isCellEditMode(e: unknown): boolean {
  return errorCode(e) === 'InvalidOperationInCellEditMode';
}
