import { errorCode } from './runExcel';
import { SheetProtectedError, WriteInterruptedError } from './applyPlan';

/** An error as the pane shows it: a plain Chinese sentence with the next step, and Excel's own text. */
export type ExplainedError = { message: string; detail: string | null };

/**
 * Excel's error codes a user can meet, in plain Chinese with what to do next. Codes are those of
 * `OfficeExtension.ErrorCodes` and `Excel.ErrorCodes`.
 */
const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，再点一次。',
  ItemNotFound: '找不到需要的工作表或名称，可能已被删除或改名。请重新“生成工作簿”或重新“校验”。',
  AccessDenied: 'Excel 拒绝了修改：工作簿或工作表受保护，或文件是只读的。请在“审阅”选项卡撤销保护，或另存为可编辑的副本后再试。',
  GeneralException: 'Excel 内部出错，操作没有完成。请保存工作簿后再试；若反复出现，请关闭并重新打开工作簿。',
  ApiNotFound: '此版本 Excel 不支持所需的功能。请使用 Excel 2019、Microsoft 365 或网页版 Excel。',
  NotImplemented: '此版本 Excel 不支持所需的功能。请使用 Excel 2019、Microsoft 365 或网页版 Excel。',
  UnsupportedOperation: '此版本 Excel 不支持所需的功能。请使用 Excel 2019、Microsoft 365 或网页版 Excel。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据超过了网页版 Excel 的上限。请改用桌面版 Excel，或把通知分成几部分处理。',
  InsertDeleteConflict: '其他人正在同时编辑这个工作簿，修改发生了冲突。请稍后再试。',
  Conflict: '其他人正在同时编辑这个工作簿，修改发生了冲突。请稍后再试。',
  ActivityLimitReached: 'Excel 暂时忙不过来（操作太频繁）。请等几秒钟再试。',
  RequestAborted: '操作被中断（工作簿可能已关闭或重新加载）。请重新打开任务窗格再试。',
};

/**
 * Turn whatever an action threw into what the pane shows. Our own errors already speak Chinese;
 * Excel's are mapped by code; anything else keeps its text and gets a generic next step.
 * @example explainError({ code: 'ItemNotFound', message: 'The requested resource doesn't exist.' }).message
 * //=> '找不到需要的工作表或名称，可能已被删除或改名。…'
 */
export function explainError(e: unknown): ExplainedError {
  const raw = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as { message: unknown }).message) : String(e);
  const code = errorCode(e);
  const rawText = code ? `${code}: ${raw}` : raw;
  if (e instanceof SheetProtectedError) return { message: e.message, detail: describeCause(e.cause) };
  if (e instanceof WriteInterruptedError) {
    const advice = e.code ? BY_CODE[e.code] : undefined;
    return { message: advice ? `${e.message}\n${advice}` : e.message, detail: describeCause(e.cause) };
  }
  const ours = /[\u4e00-\u9fff]/.test(raw);
  const cause = describeCause((e as { cause?: unknown } | null)?.cause);
  // Our own sentence (what happened) keeps its place; Excel's code adds what to do next.
  if (code && BY_CODE[code]) return { message: ours ? `${raw}\n${BY_CODE[code]}` : (BY_CODE[code] as string), detail: cause ?? rawText };
  // Messages of our own (Chinese) are already plain; Excel's English ones get a next step.
  if (ours) return { message: raw, detail: cause ?? (code ? rawText : null) };
  return { message: '操作没有完成。请保存工作簿后再试；若反复出现，请把下面的详细信息告诉管理员。', detail: rawText };
}

function describeCause(cause: unknown): string | null {
  if (cause === undefined || cause === null) return null;
  const code = errorCode(cause);
  const message = typeof cause === 'object' && 'message' in cause ? String((cause as { message: unknown }).message) : String(cause);
  return code ? `${code}: ${message}` : message;
}
