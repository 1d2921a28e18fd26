/**
 * @jest-environment jsdom
 */
import '../support/paneDom';
import { fireEvent, render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CircularPanel, REPORT_COMMAND } from '../../src/taskpane/CircularPanel';
import { useHostAction } from '../../src/taskpane/useHostAction';
import type { CircularResult, Progress } from '../../src/host/hostTypes';

const RESULT: CircularResult = { asOf: '2023-12-10', title: '关于重点任务推进情况的通报（2023年12月）', text: ['关于重点任务推进情况的通报（2023年12月）', '', '各责任单位：', '一、总体情况', '附件1', '任务编号\t责任单位'] };

function Harness({ action }: { action: (p: (x: Progress) => void) => Promise<CircularResult> }) {
  const circular = useHostAction(action);
  return (
    <FluentProvider theme={webLightTheme}>
      <CircularPanel circular={circular} running={false} />
    </FluentProvider>
  );
}

describe('生成通报 in the pane', () => {
  it('writes the sheet through the host, shows the text, copies it whole, and names the CLI command for the Word file', async () => {
    const writeText = jest.fn(async (_: string) => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const action = jest.fn(async () => RESULT);
    render(<Harness action={action} />);
    expect(screen.getByText(REPORT_COMMAND)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    expect(await screen.findByText(/已写入“通报”工作表/)).toHaveTextContent(RESULT.title);
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('textbox')).toHaveValue(RESULT.text.join('\n'));
    fireEvent.click(screen.getByRole('button', { name: '复制全文' }));
    expect(await screen.findByText('已复制。')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(RESULT.text.join('\n'));
  });

  it('when the host refuses the clipboard, selects the text for Ctrl+C instead of failing silently', async () => {
    Object.assign(navigator, { clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
    render(<Harness action={async () => RESULT} />);
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    await screen.findByRole('textbox');
    fireEvent.click(screen.getByRole('button', { name: '复制全文' }));
    expect(await screen.findByText(/请按 Ctrl\+C 复制/)).toBeInTheDocument();
  });

  it('shows the host\'s error', async () => {
    render(<Harness action={async () => Promise.reject(new Error('当前工作簿还没有督办工作表，请先点击“生成工作簿”。'))} />);
    fireEvent.click(screen.getByRole('button', { name: '生成通报' }));
    expect(await screen.findByText('当前工作簿还没有督办工作表，请先点击“生成工作簿”。')).toBeInTheDocument();
  });
});
