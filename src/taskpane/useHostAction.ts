import { useCallback, useState } from 'react';
import type { Progress } from './hostTypes';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; result: T }
  | { status: 'failed'; message: string };

/**
 * Run one workbook operation and keep the state the pane shows: progress while running, the
 * result, or the error message — errors are shown, never swallowed.
 */
export function useHostAction<A extends unknown[], T>(action: (...args: [...A, (p: Progress) => void]) => Promise<T>): { state: ActionState<T>; run(...args: A): Promise<void> } {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const run = useCallback(
    async (...args: A) => {
      setState({ status: 'running', progress: null });
      try {
        const result = await action(...args, (progress: Progress) => setState({ status: 'running', progress }));
        setState({ status: 'done', result });
      } catch (e) {
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [action],
  );
  return { state, run };
}
