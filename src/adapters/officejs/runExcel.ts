/**
 * One `Excel.run` per user action. When the user is typing in a cell Excel refuses API calls;
 * we wait a moment and retry once. Every other error goes to the caller: never swallowed.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    if (!isCellEditMode(e)) throw e;
    await wait(1500);
    try {
      return await Excel.run(batch);
    } catch (again) {
      if (isCellEditMode(again)) throw new Error('Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑，再重试。');
      throw again;
    }
  }
}

function isCellEditMode(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'InvalidOperationInCellEditMode';
}
