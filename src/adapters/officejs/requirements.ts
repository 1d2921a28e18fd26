/** What this Excel can do, checked once per action (DESIGN §8). */
export type ExcelFeatures = {
  /** ExcelApi 1.8: data validation. Office 2019 perpetual stops at 1.7. */
  dataValidation: boolean;
  /** ExcelApi 1.6: conditional formats. */
  conditionalFormats: boolean;
  /** ExcelApi 1.16: `Workbook.use1904DateSystem`; without it a workbook is taken to be in the 1900 date system. */
  dateSystem: boolean;
  /** ExcelApi 1.9: page layout (A4, orientation, fit to width, print titles, header and footer, page breaks). */
  pageLayout: boolean;
  /**
   * ExcelApi 1.10: comments (and 1.9's `getCellProperties` for hyperlinks). Without it a rebuild
   * cannot see a unit's comments and links, so it cannot warn before they are lost.
   */
  cellMarks?: boolean;
  /**
   * ExcelApi 1.18: `getCellProperties({ textRuns })`, a cell's text in runs of one font. With it a
   * rebuild names text formatted in parts (a bold word) as `build --update` does; without it such
   * formatting is lost unnamed (the values are kept).
   */
  textRuns?: boolean;
};

export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): ExcelFeatures {
  return {
    dataValidation: isSetSupported('ExcelApi', '1.8'),
    conditionalFormats: isSetSupported('ExcelApi', '1.6'),
    dateSystem: isSetSupported('ExcelApi', '1.16'),
    pageLayout: isSetSupported('ExcelApi', '1.9'),
    cellMarks: isSetSupported('ExcelApi', '1.10'),
    textRuns: isSetSupported('ExcelApi', '1.18'),
  };
}

/** Plain Chinese sentences for what will not work in this Excel. */
export function featureWarnings(f: ExcelFeatures): string[] {
  const out: string[] = [];
  if (!f.dataValidation) out.push('此版本 Excel 不支持数据验证（需要 ExcelApi 1.8，Office 2019 及更早的永久版不支持）：状态、成果形式的下拉列表和日期校验未添加，请用“校验”检查填报。');
  if (f.cellMarks === false) out.push('此版本 Excel 无法读取批注和超链接（需要 ExcelApi 1.10）：重新生成台账前，请自行确认台账中没有批注或超链接，重建后它们不会保留。');
  if (!f.conditionalFormats) out.push('此版本 Excel 不支持条件格式（需要 ExcelApi 1.6）：逾期、临期和责任矩阵不会自动着色。');
  if (!f.pageLayout) out.push('此版本 Excel 不支持页面设置（需要 ExcelApi 1.9）：纸张、方向、打印标题和页眉页脚未设置，打印前请在“页面布局”中设置。');
  return out;
}
