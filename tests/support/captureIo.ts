import type { Io } from '../../src/cli/io';

export type Captured = Io & { stdout: string; stderr: string };

export function captureIo(): Captured {
  const io: Captured = {
    stdout: '',
    stderr: '',
    out: (t) => {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      io.stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    progress: () => undefined,
  };
  return io;
}
