import type { WorkbookHost } from './hostTypes';

/** The host's actions: every member that is a function. */
type Action = { [K in keyof WorkbookHost]: WorkbookHost[K] extends (...args: never[]) => unknown ? K : never }[keyof WorkbookHost];
/** What the pane reads before anything runs (its first screen's warnings). */
export type HostFacts = Omit<WorkbookHost, Action>;

// Listed so the compiler names any action added to the port and not forwarded here.
const ACTIONS: { [K in Action]: true } = {
  generate: true,
  previewUpdate: true,
  updateFromTaskList: true,
  readSheetTable: true,
  generateFromTable: true,
  refreshSummary: true,
  setAsOf: true,
  remind: true,
  circular: true,
  snapshot: true,
  validate: true,
  fixAndValidate: true,
  distributionUnits: true,
  distribute: true,
  collect: true,
  selectCell: true,
  describeWorkbook: true,
};

/**
 * A host whose facts are known at once and whose actions load their implementation on first use:
 * the workbook code (parsing, plans, Office.js calls) stays out of the script the pane starts
 * with, so the first screen does not wait for it. The load is made once; a failed load is tried
 * again at the next action.
 */
export function lazyHost(facts: HostFacts, load: () => Promise<WorkbookHost>): WorkbookHost {
  let loading: Promise<WorkbookHost> | null = null;
  const loaded = (): Promise<WorkbookHost> => {
    loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
  const actions = Object.fromEntries(
    (Object.keys(ACTIONS) as Action[]).map((name) => [name, async (...args: unknown[]) => ((await loaded())[name] as (...a: unknown[]) => unknown)(...args)]),
  ) as Pick<WorkbookHost, Action>;
  return { ...facts, ...actions };
}
