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

/** The lead column is named; the second unit column's header (协同方) is no word Duban knows, so it goes unread. */
const PARTNER: SheetTableRead = {
  sheet: '分工表',
  address: 'A1:E5',
  mergeNote: null,
  grid: {
    name: '工作表“分工表”',
    rows: [
      ['2020年重点任务分工表', '', '', '', ''],
      ['序号', '重点任务', '牵头部门', '协同方', '完成时限'],
      ['1', '开展职业技能培训。', '市人社局', '市财政局、市教委', '12月底前'],
      ['2', '支持高校毕业生就业。', '市教委', '市人社局', '9月底前'],
      ['3', '建设创业孵化基地。', '市科技局', '市财政局、市商务局', '10月底前'],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
  },
};

function fakeHost(read: SheetTableRead | Error, generated = false, sources = ['分工通知']): WorkbookHost & { calls: string[]; built: TableInput[]; previewed: TableInput[]; sourcesAsked: Array<string | null> } {
  const calls: string[] = [];
  /** The 事项来源 each preview and generation was asked for. */
  const sourcesAsked: Array<string | null> = [];
  const built: TableInput[] = [];
  const previewed: TableInput[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    calls,
    sourcesAsked,
    built,
    previewed,
    unavailableReason: null,
    warnings: [],
    describeWorkbook: async () => ({ generated, ledgers: generated ? [{ unit: '市教委', sheet: '台账-市教委' }] : [], sources: generated ? sources : [], asOf: null, year: null }),
    readSheetTable: async (from) => {
      calls.push(`read ${from}`);
      if (read instanceof Error) throw read;
      return read;
    },
    generateFromTable: async (table, source) => {
      calls.push('generateFromTable');
      sourcesAsked.push(source);
      built.push(table);
      return { sheets: 9, ledgers: 3, syncs: 4, keptRows: 0, removedRows: 0 };
    },
    previewUpdate: async (source, asSource) => {
      sourcesAsked.push(asSource);
      calls.push(`preview ${source === null ? '任务清单' : typeof source === 'string' ? '通知' : '分工表'}`);
      if (source !== null && typeof source !== 'string') previewed.push(source);
      return { headline: '新增任务 3 项，修改 0 项，移出 1 项；已填写的台账行移动 0 行', lines: [], movedRows: 0, unchanged: false, findings: [], blocked: null, warning: null };
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
    setAsOf: unused,
    validate: unused,
    fixAndValidate: unused,
    selectCell: unused,
  };
}

/** Each column's picker as `label value`: how the preview says the column is read. */
function pickedColumns(preview: HTMLElement): string[] {
  const list = within(preview).getByRole('list', { name: '各列的识别' });
  return within(list)
    .getAllByRole('combobox')
    .map((el) => {
      const select = el as HTMLSelectElement;
      return `${select.labels[0]?.textContent ?? ''} ${select.value}`;
    });
}

describe('分工 · 从当前工作表读取', () => {
  it('reads the active sheet, previews tasks, units, roles, columns and problems, and writes nothing until asked', async () => {
    const host = fakeHost(TABLE);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(within(preview).getByText('已读取：工作表“分工表” A1:E5')).toBeInTheDocument();
    expect(within(preview).getByText('表头在第 2 行，任务 3 行。各列的识别（可逐列更改）：')).toBeInTheDocument();
    expect(pickedColumns(preview)).toEqual(['“序号”列作为 编号', '“重点任务”列作为 任务', '“牵头部门”列作为 牵头单位', '“配合单位”列作为 配合单位', '“完成时限”列作为 完成时限']);
    // Nothing chosen yet: nothing to restore.
    expect(within(preview).getByRole('button', { name: '恢复自动识别' })).toHaveAttribute('aria-disabled', 'true');
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

describe('分工 · a table read from a sheet is one 事项来源 among the workbook’s (issue 25)', () => {
  it('over two sources, asks which the table is before 按此表生成工作簿; the answer goes to the preview and the generation', async () => {
    const host = fakeHost(TABLE, true, ['分工通知', '市政府第12次常务会议纪要']);
    render(<App host={host} />);
    await waitFor(() => expect(screen.getByRole('button', { name: '重新生成工作簿' })).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    const question = await within(preview).findByRole('radiogroup', { name: '这张分工表是（工作簿中已有 2 个事项来源）' });
    const build = within(preview).getByRole('button', { name: '按此表生成工作簿' });
    // Nothing chosen (no source is named as the table is): it cannot be applied yet, and says why.
    expect(build).toHaveAttribute('aria-disabled', 'true');
    expect(document.getElementById(build.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/事项来源/);
    fireEvent.click(within(question).getByRole('radio', { name: '作为新的事项来源添加' }));
    const name = within(preview).getByRole('textbox', { name: /新事项来源的名称/ });
    fireEvent.change(name, { target: { value: '市政府第12次常务会议纪要' } });
    // A name already used is refused beside the field.
    expect(build).toHaveAttribute('aria-disabled', 'true');
    fireEvent.change(name, { target: { value: '2020年重点任务分工表' } });
    await waitFor(() => expect(build).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(build);
    const dialog = await screen.findByRole('dialog', { name: '重新生成工作簿？', hidden: true });
    await waitFor(() => expect(dialog).toHaveTextContent('作为新的事项来源“2020年重点任务分工表”加入：已有来源的任务不变。'));
    const confirm = within(dialog).getByRole('button', { name: '重新生成', hidden: true });
    await waitFor(() => expect(confirm).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(confirm);
    await waitFor(() => expect(host.calls).toEqual(['read sheet', 'preview 分工表', 'generateFromTable']));
    expect(host.sourcesAsked).toEqual(['2020年重点任务分工表', '2020年重点任务分工表']);
    // Once written, the pane says what was applied: the new source and the preview's counts.
    expect(await screen.findByText(/已生成 9 张工作表/)).toHaveTextContent('作为新的事项来源“2020年重点任务分工表”加入：已有来源的任务不变。新增任务 3 项');
  });

  it('over one source named otherwise, nothing is chosen: a table is never taken for an update of the notice by default', async () => {
    const host = fakeHost(TABLE, true, ['落实国务院《政府工作报告》重点工作任务分工']);
    render(<App host={host} />);
    await waitFor(() => expect(screen.getByRole('button', { name: '重新生成工作簿' })).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(await within(preview).findByRole('radio', { name: '更新已有来源：落实国务院《政府工作报告》重点工作任务分工' })).not.toBeChecked();
    const build = within(preview).getByRole('button', { name: '按此表生成工作簿' });
    expect(build).toHaveAttribute('aria-disabled', 'true');
    expect(document.getElementById(build.getAttribute('aria-describedby') ?? '')?.textContent).toBe('请选择这张分工表是更新已有的事项来源“落实国务院《政府工作报告》重点工作任务分工”，还是作为新的事项来源添加。');
  });

  it('over a workbook from before sources (分工通知), the table updates it without a choice to make', async () => {
    const host = fakeHost(TABLE, true);
    render(<App host={host} />);
    await waitFor(() => expect(screen.getByRole('button', { name: '重新生成工作簿' })).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(await within(preview).findByRole('radio', { name: '更新已有来源：分工通知' })).toBeChecked();
    expect(within(preview).getByRole('button', { name: '按此表生成工作簿' })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

describe('分工 · 各列的识别 can be changed column by column (issue 22)', () => {
  /** Render the pane over `host`, read the sheet, and wait for the preview's figures. */
  const read = async (host: WorkbookHost): Promise<HTMLElement> => {
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    await within(preview).findByText('任务 3');
    return preview;
  };
  const partner = (preview: HTMLElement) => within(preview).getByRole('combobox', { name: '“协同方”列作为' }) as HTMLSelectElement;

  it('naming an unread unit column reads its units; 生成 builds with the same choice; 恢复自动识别 undoes it', async () => {
    const host = fakeHost(PARTNER);
    const preview = await read(host);
    expect(partner(preview).value).toBe('不用');
    expect(within(preview).getByText('单位 3')).toBeInTheDocument();
    expect(within(preview).getByText('配合 0')).toBeInTheDocument();
    // A table names no issuer or date: no line of dashes for them.
    expect(preview).not.toHaveTextContent('— · —');
    // The choices are the words --columns takes.
    expect([...partner(preview).options].map((o) => o.value)).toEqual(['编号', '任务', '牵头单位', '责任单位', '配合单位', '指导单位', '完成时限', '板块', '不用']);

    fireEvent.change(partner(preview), { target: { value: '配合单位' } });
    await within(preview).findByText('单位 5');
    expect(within(preview).getByText('配合 5')).toBeInTheDocument();
    expect(within(preview).getByText('牵头 3')).toBeInTheDocument();
    expect(partner(preview).value).toBe('配合单位');
    expect(within(preview).getByText('按指定')).toBeInTheDocument();
    // Re-read from the cells already read: Excel is not asked again.
    expect(host.calls).toEqual(['read sheet']);

    expect(within(preview).getByRole('button', { name: '恢复自动识别' })).not.toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(within(preview).getByRole('button', { name: '恢复自动识别' }));
    await within(preview).findByText('单位 3');
    expect(partner(preview).value).toBe('不用');
    expect(within(preview).getByRole('button', { name: '恢复自动识别' })).toHaveAttribute('aria-disabled', 'true');

    fireEvent.change(partner(preview), { target: { value: '责任单位' } });
    await within(preview).findByText('单位 5');
    fireEvent.click(within(preview).getByRole('button', { name: '按此表生成工作簿' }));
    await screen.findByText(/已生成 9 张工作表/);
    expect(host.built).toEqual([{ format: 'sheet', grids: [PARTNER.grid], columns: [{ header: '协同方', as: 'responsible' }] }]);
  });

  it('a kind moves from column to column: the column that had it is no longer read as it', async () => {
    const host = fakeHost(PARTNER);
    const preview = await read(host);
    fireEvent.change(partner(preview), { target: { value: '牵头单位' } });
    // 市科技局 was only ever a lead in 牵头部门: it is gone; 市财政局 and 市商务局 came with 协同方.
    await within(preview).findByText('单位 4');
    expect(pickedColumns(preview)).toEqual(['“序号”列作为 编号', '“重点任务”列作为 任务', '“牵头部门”列作为 不用', '“协同方”列作为 牵头单位', '“完成时限”列作为 完成时限']);
    expect(within(preview).getByText('牵头 5')).toBeInTheDocument();
  });

  it('a new read starts again from the automatic reading', async () => {
    const host = fakeHost(PARTNER);
    const preview = await read(host);
    fireEvent.change(partner(preview), { target: { value: '配合单位' } });
    await within(preview).findByText('单位 5');
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    await waitFor(() => expect(host.calls).toEqual(['read sheet', 'read sheet']));
    const again = await screen.findByRole('region', { name: '分工表预览' });
    await within(again).findByText('单位 3');
    expect(partner(again).value).toBe('不用');
  });

  it('with no task column, the header found is offered and naming the task column reads the tasks', async () => {
    const host = fakeHost({ ...TABLE, grid: { name: '工作表“分工表”', rows: [['序号', '名称', '牵头单位'], ['1', '稳就业', '市人社局'], ['2', '保民生', '市民政局']], merges: [] } });
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '从当前工作表读取' }));
    const preview = await screen.findByRole('region', { name: '分工表预览' });
    expect(preview).toHaveTextContent('但没有任务列');
    expect(within(preview).getByText('表头在第 1 行，任务 0 行。各列的识别（可逐列更改）：')).toBeInTheDocument();
    expect(within(preview).getByRole('button', { name: '按此表生成工作簿' })).toHaveAttribute('aria-disabled', 'true');

    fireEvent.change(within(preview).getByRole('combobox', { name: '“名称”列作为' }), { target: { value: '任务' } });
    await within(preview).findByText('任务 2');
    expect(preview).not.toHaveTextContent('但没有任务列');
    expect(within(preview).getByRole('button', { name: '按此表生成工作簿' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('over a workbook Duban already made, the changes preview and 重新生成 read the table with the same choice', async () => {
    const host = fakeHost(PARTNER, true);
    const preview = await read(host);
    await waitFor(() => expect(screen.getByRole('button', { name: '重新生成工作簿' })).toBeInTheDocument());
    fireEvent.change(partner(preview), { target: { value: '配合单位' } });
    await within(preview).findByText('单位 5');
    fireEvent.click(within(preview).getByRole('button', { name: '按此表生成工作簿' }));
    const dialog = await screen.findByRole('dialog', { name: '重新生成工作簿？', hidden: true });
    const confirm = within(dialog).getByRole('button', { name: '重新生成', hidden: true });
    await waitFor(() => expect(confirm).not.toHaveAttribute('aria-disabled', 'true'));
    fireEvent.click(confirm);
    await waitFor(() => expect(host.calls).toEqual(['read sheet', 'preview 分工表', 'generateFromTable']));
    const chosen = { format: 'sheet', grids: [PARTNER.grid], columns: [{ header: '协同方', as: 'support' }] };
    expect(host.previewed).toEqual([chosen]);
    expect(host.built).toEqual([chosen]);
  });
});
