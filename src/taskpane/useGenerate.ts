import { useCallback, useState } from 'react';
import type { GenerateResult, Progress, WorkbookHost } from './hostTypes';

export type GenerateState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; result: GenerateResult }
  | { status: 'failed'; message: string };

/** Runs "生成工作簿" on the host and keeps the state the pane shows; errors are shown, never swallowed. */
export function useGenerate(host: WorkbookHost): { state: GenerateState; run(noticeText: string): Promise<void> } {
  const [state, setState] = useState<GenerateState>({ status: 'idle' });
  const run = useCallback(
    async (noticeText: string) => {
      setState({ status: 'running', progress: null });
      try {
        const result = await host.generate(noticeText, (progress) => setState({ status: 'running', progress }));
        setState({ status: 'done', result });
      } catch (e) {
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [host],
  );
  return { state, run };
}
