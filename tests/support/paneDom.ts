/** What the task pane needs of jsdom, for the pane's React tests (import it first). */
import { configure } from '@testing-library/react';

// CI machines are shared: give the pane time (parsing the 120-task example) rather than fail on load.
configure({ asyncUtilTimeout: 15000 });

// jsdom has no layout engine and no ResizeObserver, which Fluent's Textarea asks for.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;
