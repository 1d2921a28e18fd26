import { useCallback, useEffect, useState } from 'react';
import type { WorkbookHost, WorkbookState } from '../host/hostTypes';

const NONE: WorkbookState = { generated: false, ledgers: [], sources: [], asOf: null, year: null };

/**
 * What the open workbook holds, read when the pane opens and after 生成工作簿, so a stage that
 * needs a generated workbook can say so. Null until the first read answers; outside Excel, or
 * when the read fails, nothing is generated (the stages say what to do first).
 */
export function useWorkbookState(host: WorkbookHost): { workbook: WorkbookState | null; refresh(): void } {
  const [workbook, setWorkbook] = useState<WorkbookState | null>(host.unavailableReason !== null ? NONE : null);
  const refresh = useCallback(() => {
    if (host.unavailableReason !== null) return;
    host.describeWorkbook().then(setWorkbook, () => setWorkbook(NONE));
  }, [host]);
  useEffect(refresh, [refresh]);
  return { workbook, refresh };
}
