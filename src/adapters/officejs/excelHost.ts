import type { WorkbookHost } from '../../taskpane/hostTypes';

/** The WorkbookHost backed by Excel (Office.js). Filled in by the workbook issue. */
export function createExcelHost(): WorkbookHost {
  return {
    unavailableReason: null,
    generate: () => Promise.reject(new Error('尚未实现')),
  };
}
