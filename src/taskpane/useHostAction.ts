import { useCallback, useRef, useState } from 'react';
import type { Progress } from '../host/hostTypes';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null }
  | { status: 'done'; result: T }
  | { status: 'failed'; message: string; detail: string | null };

export type HostAction<A extends unknown[], T> = { state: ActionState<T>; run(...args: A): Promise<void>; reset(): void };

/**
 * Run one workbook operation and keep the state the pane shows: progress while running (each
 * phase and batch as the host reports it), the result, or the error — shown, never swallowed.
 * A second run while one is going is ignored.
 */
export function useHostAction<A extends unknown[], T>(action: (...args: [...A, (p: Progress) => void]) => Promise<T>, after?: () => void): HostAction<A, T> {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const busy = useRef(false);
  const run = useCallback(
    async (...args: A) => {
      if (busy.current) return;
      busy.current = true;
      setState({ status: 'running', progress: null });
      try {
        const result = await action(...args, (progress: Progress) => setState({ status: 'running', progress }));
        setState({ status: 'done', result });
      } catch (e) {
        const detail = typeof e === 'object' && e !== null && 'detail' in e ? ((e as { detail: string | null }).detail ?? null) : null;
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e), detail });
      } finally {
        busy.current = false;
        after?.();
      }
    },
    [action, after],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
