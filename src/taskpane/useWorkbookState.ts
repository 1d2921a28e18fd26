import { useCallback, useEffect, useState } from 'react';
import type { WorkbookHost, WorkbookState } from './hostTypes';

/**
 * What the open workbook holds, read when the pane opens and after every action, so a stage that
 * needs a generated workbook can say so. Null until the first read answers (or when it failed).
 */
export function useWorkbookState(host: WorkbookHost): { workbook: WorkbookState | null; refresh(): void } {
  const [workbook, setWorkbook] = useState<WorkbookState | null>(null);
  const refresh = useCallback(() => {
    if (host.unavailableReason !== null) return;
    host.describeWorkbook().then(setWorkbook, () => setWorkbook(null));
  }, [host]);
  useEffect(refresh, [refresh]);
  return { workbook, refresh };
}
