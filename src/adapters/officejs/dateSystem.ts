import type { DateSystem } from '../../domain/time/isoDate';

/** `Workbook.use1904DateSystem` (ExcelApi 1.16); @types/office-js does not declare it yet. */
type WithDateSystem = { use1904DateSystem?: boolean };

/**
 * Queue the load of the workbook's date system with the next sync; the returned function reads it
 * after that sync. `Range.values` gives serials in the workbook's own system, and writes take
 * them so, hence both directions need it. Only ExcelApi 1.16 can say (`Workbook.use1904DateSystem`):
 * an older Excel cannot tell us, and we assume 1900, Excel's default, and the only system of
 * workbooks Excel has created on Windows and the web. A 1904 workbook opened in such an Excel (an
 * old Mac file in Office 2019) would have its dates read and written 1 462 days off.
 */
export function loadDateSystem(context: Excel.RequestContext, supported: boolean): () => DateSystem {
  if (!supported) return () => 1900;
  context.workbook.load('use1904DateSystem');
  return () => ((context.workbook as unknown as WithDateSystem).use1904DateSystem === true ? 1904 : 1900);
}
