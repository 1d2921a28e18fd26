/**
 * @jest-environment jsdom
 */
import '../support/paneDom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import type { SheetTableRead, WorkbookHost } from '../../src/host/hostTypes';
import type { TableInput } from '../../src/domain/table/readTaskTables';

const TABLE: SheetTableRead = {
  sheet: '分工表',
  address: 'A1:E5',
  mergeNote: null,
  grid: {
    name: '工作表“分工表”',
    rows: [
      ['2020年重点任务分工表', '', '', '', ''],
      ['序号', '重点任务', '牵头部门', '配合单位', '完成时限'],
      ['1', '开展职业技能培训。', '市人社局', '市财政局、市教委', '12月底前'],
      ['2', '支持高校毕业生就业。', '市教委', '', '9月底前'],
      ['3', '建设创业孵化基地。', '市火星局', '', '尽快'],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
  },
};

function fakeHost(read: SheetTableRead | Error, generated = false): WorkbookHost & { calls: string[]; built: TableInput[] } {
  const calls: string[] = [];
  const built: TableInput[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    calls,
    built,
    unavailableReason: null,
    warnings: [],
    describeWorkbook: async () => ({ generated, ledgers: generated ? [{ unit: '市教委', sheet: '台账-市教委' }] : [] }),
    readSheetTable: async (from) => {
      calls.push(`read ${from}`);
      if (read instanceof Error) throw read;
      return read;
    },
    generateFromTable: async (table) => {
      calls.push('generateFromTable');
      built.push(table);
      return { sheets: 9, ledgers: 3, syncs: 4, keptRows: 0, removedRows: 0 };
    },
    previewUpdate: async (source) => {
      calls.push(`preview ${source === null ? '任务清单' : typeof source === 'string' ? '通知' : '分工表'}`);
      return { headline: '新增任务 3 项，修改 0 项，移出 1 项；已填写的台账行移动 0 行', lines: [], movedRows: 0, unchanged: false, findings: [], blocked: null };
    },
    updateFromTaskList: unused,
    distributeUnavailable: null,
    distributeDelivery: 'download',
    distributionUnits: unused,
    distribute: unused,
    collect: unused,
    remind: unused,
    circular: unused,
    snapshot: unused,
    generate: unused,
    refreshSummary: unused,
    validate: unused,
    fixAndValidate: unused,
    selectCell: unused,
  };
}

describe('分工 · 从当前工作表读取', () => {
  it('reads the active sheet, previews tasks, units, roles, columns and problems, and writes nothing until asked', async () => {
    const host = fakeHost(TABLE);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(within(preview).getByText('已读取：工作表“分工表” A1:E5')).toBeInTheDocument();
    expect(within(preview).getByText('表头在第 2 行，任务 3 行。各列的识别：')).toBeInTheDocument();
    const columns = within(within(preview).getByRole('list', { name: '各列的识别' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(columns).toEqual(['序号 → 编号', '重点任务 → 任务', '牵头部门 → 牵头单位', '配合单位 → 配合单位', '完成时限 → 完成时限']);
    expect(await within(preview).findByText('任务 3')).toBeInTheDocument();
    expect(within(preview).getByText('单位 4')).toBeInTheDocument();
    expect(within(preview).getByText('牵头 3')).toBeInTheDocument();
    expect(within(preview).getByText('配合 2')).toBeInTheDocument();
    expect(preview).toHaveTextContent('不在单位名录中，请在单位名录中补充或更正：市火星局（任务 3）');
    expect(preview).toHaveTextContent('任务 3（第 5 行）的时限无法识别：尽快');
    expect(preview).toHaveTextContent('工作表“分工表”保持原样');
    expect(host.calls).toEqual(['read sheet']);

    fireEvent.click(within(preview).getByRole('button', { name: '按此表生成工作簿' }));
    await screen.findByText(/已生成 9 张工作表（其中台账 3 张）/);
    expect(host.calls).toEqual(['read sheet', 'generateFromTable']);
    expect(host.built).toEqual([{ format: 'sheet', grids: [TABLE.grid] }]);
  });

  it('读取选中区域 reads the selection; 取消 puts the preview away', async () => {
    const host = fakeHost(TABLE);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '读取选中区域' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    fireEvent.click(within(preview).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '分工表预览' })).not.toBeInTheDocument());
    expect(host.calls).toEqual(['read selection']);
  });

  it('a sheet with no task column: the reason, and nothing to build', async () => {
    const host = fakeHost({ ...TABLE, grid: { name: '工作表“分工表”', rows: [['序号', '牵头单位'], ['1', '市教委']], merges: [] } });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(preview).toHaveTextContent('但没有任务列');
    expect(within(preview).getByRole('button', { name: '按此表生成工作簿' })).toHaveAttribute('aria-disabled', 'true');
    expect(preview).toHaveTextContent('没有读到任何任务');
  });

  it('a blank sheet says 表格是空的, not a preview of zeros', async () => {
    const host = fakeHost({ sheet: 'Sheet1', address: 'A1', mergeNote: null, grid: { name: '工作表“Sheet1”', rows: [['']], merges: [] } });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    expect(await screen.findByText(/表格是空的：工作表“Sheet1”A1 没有内容/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '分工表预览' })).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/任务 0/);
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await waitFor(() => expect(screen.queryByText(/表格是空的/)).not.toBeInTheDocument());
  });

  it('says why a sheet could not be read', async () => {
    const host = fakeHost(new Error('工作表“任务清单”是督办生成的工作表，不能作为分工表读取。'));
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    await waitFor(() => expect(document.body.textContent).toMatch(/读取工作表失败工作表“任务清单”是督办生成的工作表/));
  });

  it('over a workbook Duban already made, shows what the table changes before 重新生成', async () => {
    const host = fakeHost(TABLE, true);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    await waitFor(() => expect(screen.getByRole('button', { name: '重新生成工作簿' })).toBeInTheDocument());
    fireEvent.click(within(preview).getByRole('button', { name: '按此表生成工作簿' }));
    const dialog = await screen.findByRole('dialog', { name: '重新生成工作簿？' });
    await waitFor(() => expect(dialog).toHaveTextContent('新增任务 3 项，修改 0 项，移出 1 项'));
    // As in App.test: under jsdom, tabster's modalizer may leave the surface aria-hidden with focus inside it.
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    expect(host.calls).toEqual(['read sheet', 'preview 分工表']);
    fireEvent.click(within(preview).getByRole('button', { name: '按此表生成工作簿' }));
    const again = await screen.findByRole('dialog', { name: '重新生成工作簿？', hidden: true });
    const confirm = within(again).getByRole('button', { name: '重新生成', hidden: true });
    await waitFor(() => expect(confirm).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(confirm);
    await waitFor(() => expect(host.calls).toEqual(['read sheet', 'preview 分工表', 'preview 分工表', 'generateFromTable']));
  });
});
