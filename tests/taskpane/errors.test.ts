import { explainError } from '../../src/adapters/officejs/errors';
import { SheetProtectedError, WriteInterruptedError } from '../../src/adapters/officejs/applyPlan';

const excelError = (code: string, message = 'An internal error has occurred.') => Object.assign(new Error(message), { code });

describe('errors from Excel, as the pane shows them', () => {
  it.each([
    ['InvalidOperationInCellEditMode', '按 Enter 或 Esc'],
    ['ItemNotFound', '已被删除或改名'],
    ['AccessDenied', '撤销保护'],
    ['GeneralException', '保存工作簿后再试'],
    ['ApiNotFound', 'Excel 2019、Microsoft 365 或网页版'],
    ['RequestPayloadSizeLimitExceeded', '网页版 Excel 的上限'],
    ['InsertDeleteConflict', '同时编辑'],
  ])('%s: plain Chinese with the next step, Excel\'s own text as detail', (code, advice) => {
    const { message, detail } = explainError(excelError(code));
    expect(message).toContain(advice);
    expect(message).not.toContain('An internal error'); // Excel's English stays in the detail
    expect(detail).toBe(`${code}: An internal error has occurred.`);
  });

  it('a write interrupted half-way says how far it got, what is safe, and what Excel said', () => {
    const e = new WriteInterruptedError(1, 3, excelError('GeneralException'));
    const { message, detail } = explainError(e);
    expect(message).toContain('写入在第 2/3 批时中断');
    expect(message).toContain('已填写的台账内容都还在');
    expect(message).toContain('保存工作簿后再试');
    expect(detail).toBe('GeneralException: An internal error has occurred.');
  });

  it('a password-protected sheet names the sheet and what to do', () => {
    const { message } = explainError(new SheetProtectedError(['台账-市财政局'], excelError('AccessDenied')));
    expect(message).toContain('台账-市财政局');
    expect(message).toContain('撤销工作表保护');
  });

  it('our own Chinese messages pass through; unknown English ones get a generic next step', () => {
    expect(explainError(new Error('当前工作簿还没有督办工作表，请先点击“生成工作簿”。'))).toEqual({ message: '当前工作簿还没有督办工作表，请先点击“生成工作簿”。', detail: null });
    const unknown = explainError(new Error('Something odd'));
    expect(unknown.message).toContain('操作没有完成');
    expect(unknown.detail).toBe('Something odd');
  });
});
