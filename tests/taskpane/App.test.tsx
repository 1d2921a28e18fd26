/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import type { WorkbookHost } from '../../src/taskpane/hostTypes';

// jsdom has no layout engine and no ResizeObserver, which Fluent's Textarea asks for.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const NOTICE = '某市人民政府关于印发任务分工的通知\n（一）教育\n1．新建幼儿园20所。（市教育局牵头，12月底前完成）\n2023年1月10日';

function fakeHost(overrides: Partial<WorkbookHost> = {}): WorkbookHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    unavailableReason: null,
    warnings: [],
    generate: async (text, onProgress) => {
      calls.push(`generate ${text.length}`);
      onProgress({ step: '写入工作表', done: 1, total: 2 });
      return { sheets: 9, ledgers: 1, syncs: 4, keptRows: 0, removedRows: 0 };
    },
    refreshSummary: async () => ({ asOf: '2023-02-01', tasks: 1, done: 0, overdue: 0, dueSoon: 0, completionRate: 0 }),
    validate: async () => ({
      asOf: '2023-02-01',
      errors: 1,
      warnings: 0,
      findings: [{ code: 'REQUIRED_EMPTY', severity: 'error', sheet: '台账-市教育局', cell: 'H2', task: '1.1', unit: '市教育局', message: '"具体措施"未填写', fixable: false }],
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

describe('task pane (React, with a fake host)', () => {
  it('parses what is pasted and generates through the host', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    expect(screen.getByRole('button', { name: '生成工作簿' })).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: NOTICE } });
    expect(screen.getByText('任务 1')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '生成工作簿' }));
    await screen.findByText(/已生成 9 张工作表（其中台账 1 张）/);
    expect(host.calls).toEqual([`generate ${NOTICE.length}`]);
  });

  it('lists findings in a grid and goes to a cell on click', async () => {
    const host = fakeHost();
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    const grid = await screen.findByRole('grid', { name: '校验发现的问题' });
    expect(grid).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '台账-市教育局!H2' }));
    await waitFor(() => expect(host.calls).toContain('select 台账-市教育局!H2'));
  });

  it('shows a host error instead of swallowing it', async () => {
    render(<App host={fakeHost({ refreshSummary: () => Promise.reject(new Error('当前工作簿还没有督办工作表')) })} />);
    fireEvent.click(screen.getByRole('button', { name: '刷新汇总' }));
    await screen.findByText('刷新汇总失败：当前工作簿还没有督办工作表');
  });

  it('says what an old Excel cannot do', () => {
    render(<App host={fakeHost({ warnings: ['此版本 Excel 不支持数据验证'] })} />);
    expect(screen.getByText('此版本 Excel 不支持数据验证')).toBeInTheDocument();
  });
});
