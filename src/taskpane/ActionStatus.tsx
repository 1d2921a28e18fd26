import { Suspense, lazy } from 'react';
import type { ActionState } from './useHostAction';

// An idle action shows nothing: the message bars and progress bars load with the first action.
const View = lazy(() => import(/* webpackChunkName: "messages" */ './ActionStatusView').then((m) => ({ default: m.ActionStatusView })));

/** Where one stage shows its last action (see ActionStatusView); nothing while the action is idle. */
export function ActionStatus<T>(props: { label: string; state: ActionState<T>; success(result: T): string }) {
  if (props.state.status === 'idle') return null;
  return (
    <Suspense fallback={null}>
      <View {...(props as { label: string; state: ActionState<unknown>; success(result: unknown): string })} />
    </Suspense>
  );
}
