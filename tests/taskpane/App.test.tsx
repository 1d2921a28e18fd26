/**
 * @jest-environment jsdom
 */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { webDarkTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { paneTheme } from '../../src/taskpane/theme';
import { officeThemeKind } from '../../src/adapters/officejs/officeReady';
import type { WorkbookHost } from '../../src/taskpane/hostTypes';

// CI machines are shared: give the pane time (parsing the 120-task example) rather than fail on load.
configure({ asyncUtilTimeout: 15000 });

// jsdom has no layout engine and no ResizeObserver, which Fluent's Textarea asks for.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const NOTICE = '某市人民政府关于印发任务分工的通知\n（一）教育\n1．新建幼儿园20所。（市教育局牵头，12月底前完成）\n2023年1月10日';

function fakeHost(overrides: Partial<WorkbookHost> = {}, generated = true): WorkbookHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    describeWorkbook: async () => ({ generated, ledgers: generated ? [{ unit: '市教育局', sheet: '台账-市教育局' }] : [] }),
    unavailableReason: null,
    warnings: [],
    generate: async (text, onProgress) => {
      calls.push(`generate ${text.length}`);
      onProgress({ step: '写入工作表', done: 1, total: 2 });
      return { sheets: 9, ledgers: 1, syncs: 4, keptRows: 0, removedRows: 0 };
    },
    refreshSummary: async () => ({ asOf: '2023-02-01', tasks: 1, done: 0, overdue: 0, dueSoon: 0, completionRate: 0 }),
    remind: async () => ({ asOf: '2023-02-01', units: 2, rows: 5 }),
    snapshot: async (replace) => {
      calls.push(`snapshot ${replace}`);
      return { asOf: '2023-02-01', clash: true, replaced: replace, rows: 12 };
    },
    validate: async () => ({
      asOf: '2023-02-01',
      errors: 1,
      warnings: 0,
      findings: [{ code: 'REQUIRED_EMPTY', severity: 'error', sheet: '台账-市教育局', cell: 'H2', task: '1.1', unit: '市教育局', message: '“具体措施”未填写', fixable: false }],
    }),
    fixAndValidate: async () => {
      throw new Error('not used');
    },
    selectCell: async (sheet, cell) => {
      calls.push(`select ${sheet}!${cell}`);
    },
    ...overrides,
  };
}

const tab = (name: string): void => void fireEvent.click(screen.getByRole('tab', { name }));

describe('task pane (React, with a fake host)', () => {
  it('a newcomer sees the three steps, can load the example, and is told why 生成工作簿 waits', async () => {
    const host = fakeHost({}, false);
    render(<App host={host} />);
    expect(screen.getByRole('region', { name: '使用步骤' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成工作簿' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('先粘贴通知全文，或选择通知文件。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '试用示例通知' }));
    await screen.findByText('任务 120');
    expect(screen.getByText(/已读取：示例/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成工作簿' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('parses what is pasted and generates through the host in a new workbook, without asking', async () => {
    const host = fakeHost({}, false);
    render(<App host={host} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: NOTICE } });
    expect(screen.getByText('任务 1')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '生成工作簿' }));
    await screen.findByText(/已生成 9 张工作表（其中台账 1 张）/);
    expect(host.calls).toEqual([`generate ${NOTICE.length}`]);
  });

  it('says what was written differently from what was asked', async () => {
    const host = fakeHost({ generate: async () => ({ sheets: 9, ledgers: 1, syncs: 5, keptRows: 0, removedRows: 0, notes: ['单位名录中“市财政局”的台账工作表“财政/局”含有 Excel 不允许的字符，已改用“财政_局”'] }) }, false);
    render(<App host={host} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: NOTICE } });
    fireEvent.click(screen.getByRole('button', { name: '生成工作簿' }));
    await waitFor(() => expect(document.body.textContent).toMatch(/注意：单位名录中“市财政局”的台账工作表“财政\/局”/));
  });

  it('asks before regenerating a workbook Duban already made, and does nothing on 取消', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: NOTICE } });
    fireEvent.click(await screen.findByRole('button', { name: '重新生成工作簿' }));
    expect(await screen.findByRole('dialog', { name: '重新生成工作簿？' })).toHaveTextContent('撤销记录会被清空');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(host.calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '重新生成工作簿' }));
    fireEvent.click(await screen.findByRole('button', { name: '重新生成' }));
    await screen.findByText(/已生成 9 张工作表/);
    expect(host.calls).toEqual([`generate ${NOTICE.length}`]);
  });

  it('groups findings by unit and goes to a cell on click', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    tab('校验');
    await waitFor(() => expect(screen.getByRole('button', { name: '校验' })).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    // The date sits in its own span so it never breaks across lines: match the whole message.
    await waitFor(() => expect(document.body.textContent).toMatch(/校验完成（统计日期 2023-02-01）：错误 1 个/));
    fireEvent.click(screen.getByRole('button', { name: 'H2 任务1.1，台账-市教育局!H2' }));
    await waitFor(() => expect(host.calls).toContain('select 台账-市教育局!H2'));
  });

  it('校验 after a fix shows the new findings, not the fix’s', async () => {
    const finding = (cell: string, fixable: boolean) => ({ code: 'TEXT_DATE' as const, severity: 'warning' as const, sheet: '台账-市教育局', cell, task: '1.1', unit: '市教育局', message: '“更新日期”是文字', fixable });
    let round = 0;
    const host = fakeHost({
      validate: async () => ({ asOf: '2023-02-01', errors: 0, warnings: 1, findings: [finding(round++ === 0 ? 'P2' : 'P3', true)] }),
      fixAndValidate: async () => ({ asOf: '2023-02-01', errors: 0, warnings: 0, findings: [] }),
    });
    render(<App host={host} />);
    tab('校验');
    await waitFor(() => expect(screen.getByRole('button', { name: '校验' })).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    fireEvent.click(await screen.findByRole('button', { name: '把文字日期改为日期（1 处）' }));
    await waitFor(() => expect(document.body.textContent).toMatch(/已修正，校验完成/));
    expect(screen.getByText('没有发现问题。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    // The new text date (P3) is listed and fixable; the old fix message is gone.
    expect(await screen.findByRole('button', { name: 'P3 任务1.1，台账-市教育局!P3' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '把文字日期改为日期（1 处）' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(document.body.textContent).not.toMatch(/已修正/);
  });

  it('shows a host error with its detail instead of swallowing it', async () => {
    const error = Object.assign(new Error('Excel 内部出错，操作没有完成。'), { detail: 'GeneralException: An internal error has occurred.' });
    render(<App host={fakeHost({ refreshSummary: () => Promise.reject(error) })} />);
    tab('汇总');
    await waitFor(() => expect(screen.getByRole('button', { name: '刷新汇总' })).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('button', { name: '刷新汇总' }));
    await screen.findByText('Excel 内部出错，操作没有完成。');
    expect(screen.getByText('详细信息')).toBeInTheDocument();
    expect(screen.getByText('GeneralException: An internal error has occurred.')).toBeInTheDocument();
  });

  it('a stage that needs a workbook says what to do first', async () => {
    render(<App host={fakeHost({}, false)} />);
    tab('汇总');
    expect(await screen.findByText(/当前工作簿还没有督办工作表：请先在“分工”中生成工作簿，再刷新汇总。/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '刷新汇总' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows rates with what they are rates of', async () => {
    render(<App host={fakeHost({ refreshSummary: async () => ({ asOf: '2023-02-01', tasks: 5, done: 2, overdue: 1, dueSoon: 0, completionRate: 0.4 }) })} />);
    tab('汇总');
    await waitFor(() => expect(screen.getByRole('button', { name: '刷新汇总' })).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('button', { name: '刷新汇总' }));
    expect(await screen.findByText('40%（2/5）')).toBeInTheDocument();
  });

  it('存档本期 asks before replacing a date already in 调度记录, and 生成催办单 says what it wrote', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    tab('汇总');
    await waitFor(() => expect(screen.getByRole('button', { name: '存档本期' })).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(screen.getByRole('button', { name: '存档本期' }));
    expect(await screen.findByText(/调度记录中已有 2023-02-01 的记录/)).toBeInTheDocument();
    expect(host.calls).toEqual(['snapshot false']);
    fireEvent.click(screen.getByRole('button', { name: '替换该日记录' }));
    expect(await screen.findByText(/替换了该日原有的记录/)).toBeInTheDocument();
    expect(host.calls).toEqual(['snapshot false', 'snapshot true']);
    fireEvent.click(screen.getByRole('button', { name: '生成催办单' }));
    expect(await screen.findByText(/2 个单位、5 行，每个单位一页/)).toBeInTheDocument();
  });

  it('says what an old Excel cannot do', () => {
    render(<App host={fakeHost({ warnings: ['此版本 Excel 不支持数据验证'] })} />);
    expect(screen.getByText('此版本 Excel 不支持数据验证')).toBeInTheDocument();
  });

  it('follows the Office theme, light or dark, with a Chinese font stack', () => {
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { officeTheme: { bodyBackgroundColor: '#262626' } } };
    expect(officeThemeKind()).toBe('dark');
    office.Office = { context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } };
    expect(officeThemeKind()).toBe('light');
    delete office.Office;
    expect(officeThemeKind()).toBe('light');
    expect(paneTheme('dark').colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(paneTheme('light').fontFamilyBase).toMatch(/^"Segoe UI".*"Microsoft YaHei UI".*"PingFang SC".*"Noto Sans CJK SC"/);
  });
});
