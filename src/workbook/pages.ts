import type { PrintPlan } from './plan';
import { LEGEND_LINE } from './colours';

/**
 * How each sheet Duban lays out prints (DESIGN §5), in one place: the builders lay sheets out with
 * these, and every write restores them on the sheets it does not rewrite (restorePaper), whoever
 * saved the file last.
 */
type Page = Omit<PrintPlan, 'header'>;

const TABLE: Page = { orientation: 'landscape', fitToWidth: true, titleRows: [1, 1] };

export const PAGE = {
  tasks: TABLE,
  targets: TABLE,
  directory: TABLE,
  ledger: TABLE,
  validation: TABLE,
  conflicts: TABLE,
  matrix: { orientation: 'landscape', fitToWidth: false, titleRows: [1, 1], titleColumns: [0, 1] },
  history: { orientation: 'portrait', fitToWidth: true, titleRows: [1, 1] },
  summary: { orientation: 'landscape', fitToWidth: true },
} as const satisfies Record<string, Page>;

/** The left of a ledger's page header: the unit; its centre says what the colours mean, as paper has no legend. */
export const ledgerHeaderLeft = (unit: string): string => `${unit} 工作台账`;
export const withLegend = (print: PrintPlan): PrintPlan => ({ ...print, header: { ...print.header, center: LEGEND_LINE } });
