import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** A warning above or below the stages (an old Excel, outside Excel, a cell that could not be reached). */
export function PaneWarning({ children, alert = false }: { children: string; alert?: boolean }) {
  return (
    <MessageBar intent="warning" layout="multiline" role={alert ? 'alert' : undefined}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
