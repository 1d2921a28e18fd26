/** Where a command writes: injected so tests run commands in-process. */
export type Io = {
  out(text: string): void;
  err(text: string): void;
  /** Progress for long runs; a no-op unless stderr is a terminal. */
  progress(text: string): void;
};

export const processIo: Io = {
  out: (text) => {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  err: (text) => {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K`);
  },
};
