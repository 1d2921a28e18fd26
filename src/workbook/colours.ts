/**
 * The colours a clerk reads (DESIGN §9): one per 预警 and one for the columns a unit types into.
 * Every sheet that colours by them shows the legend (汇总's block, each ledger's page header).
 */
export const WARN_COLOURS = {
  逾期: { fill: '#F8D7DA', font: '#842029', name: '红' },
  临期: { fill: '#FFE5B4', font: '#7A4A00', name: '橙' },
  逾期完成: { fill: '#E2D9F3', font: '#432874', name: '紫' },
  按时完成: { fill: '#D1E7DD', font: '#0F5132', name: '绿' },
} as const;

export type ColouredWarning = keyof typeof WARN_COLOURS;

/** Data cells of the columns a unit fills in: shaded so a clerk sees where to type. */
export const FILL_COLUMN_SHADE = '#FFFBE6';

/** The full-width space a Chinese line is spaced with. */
const IDEOGRAPHIC_SPACE = '\u3000';

/** The legend as one line of text, for a page header where colours cannot be shown. */
export const LEGEND_LINE = `图例：${(Object.keys(WARN_COLOURS) as ColouredWarning[]).map((w) => `${WARN_COLOURS[w].name}＝${w}`).join(IDEOGRAPHIC_SPACE)}${IDEOGRAPHIC_SPACE}浅黄底列由本单位填写`;
