/** Minimal argument reader: positional words, `--flag`, `--key value`, `-o value`. */
export type Args = {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
  /** Every value of a repeatable option (`--unit A --unit B`), in order; its last one is also in `values`. */
  lists?: Map<string, string[]>;
};

export class UsageError extends Error {}

/**
 * A repeated option is a usage error (DESIGN §11), except the `repeatable` value options, whose
 * values are collected in `lists`.
 */
export function readArgs(argv: string[], valueOptions: readonly string[], repeatable: readonly string[] = []): Args {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('-') && a.length > 1) {
      // Only the first `=` ends the name: `--columns=任务=改革举措` keeps its value whole.
      const eq = a.indexOf('=');
      const key = eq < 0 ? a : a.slice(0, eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      if (valueOptions.includes(key)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${key} 需要一个值`);
        if (values.has(key) && !repeatable.includes(key)) throw new UsageError(`${key} 只能给一次`);
        values.set(key, v);
        lists.set(key, [...(lists.get(key) ?? []), v]);
      } else {
        if (flags.has(key)) throw new UsageError(`${key} 只能给一次`);
        flags.add(key);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags, values, lists };
}

/** Every value given for an option (a repeatable one may have several); [] when absent. */
export function valuesOf(args: Args, key: string): string[] {
  return args.lists?.get(key) ?? (args.values.has(key) ? [args.values.get(key) as string] : []);
}

/** Refuse flags a command does not know, so a typo is not silently ignored. */
export function checkFlags(args: Args, known: readonly string[]): void {
  for (const f of [...args.flags, ...args.values.keys()]) {
    if (!known.includes(f)) throw new UsageError(`未知选项 ${f}`);
  }
}

/** The one file a command reads: none is the usage, more than one is a stray argument (DESIGN §11). */
export function singleFile(args: Args, usage: string): string {
  const [file, ...stray] = args.positional;
  if (file === undefined) throw new UsageError(usage);
  if (stray.length > 0) throw new UsageError(`多余的参数 ${stray.join(' ')}；${usage}`);
  return file;
}
