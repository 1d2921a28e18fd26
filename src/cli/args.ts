/** Minimal argument reader: positional words, `--flag`, `--key value`, `-o value`. */
export type Args = { positional: string[]; flags: Set<string>; values: Map<string, string> };

export class UsageError extends Error {}

export function readArgs(argv: string[], valueOptions: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('-') && a.length > 1) {
      const [key, inline] = a.split('=', 2) as [string, string | undefined];
      if (valueOptions.includes(key)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${key} 需要一个值`);
        values.set(key, v);
      } else {
        flags.add(key);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags, values };
}

/** Refuse flags a command does not know, so a typo is not silently ignored. */
export function checkFlags(args: Args, known: readonly string[]): void {
  for (const f of [...args.flags, ...args.values.keys()]) {
    if (!known.includes(f)) throw new UsageError(`未知选项 ${f}`);
  }
}
