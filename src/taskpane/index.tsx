import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadPaneTheme } from './theme';
import { NO_EXCEL_HOST, type WorkbookHost } from '../host/hostTypes';
import { officeJsLoaded, officeThemeKind, whenOfficeReady } from '../adapters/officejs/officeReady';
import { defaultIsSetSupported, excelHostFacts, officePlatform } from '../adapters/officejs/excelHostFacts';
import { lazyHost } from '../host/lazyHost';

/** boot.js (loaded before office.js) shows advice when Office does not answer; see taskpane.html. */
type Boot = { started(): void; failed(what: 'office-js' | 'bundle'): void; isShowingProblem(): boolean };
const boot = (window as unknown as { DubanBoot?: Boot }).DubanBoot;

async function start(): Promise<void> {
  // No office.js at all (blocked network, incomplete intranet copy): boot.js says what to check.
  if (!officeJsLoaded()) {
    boot?.failed('office-js');
    return;
  }
  const info = await whenOfficeReady();
  boot?.started();
  // Outside Excel (a browser test) an `Excel` object model may be injected; the adapter uses it as is.
  // The actions (and the workbook code under them) load on first use, after the first screen.
  const host: WorkbookHost =
    info.host === 'excel' || typeof Excel !== 'undefined'
      ? lazyHost(excelHostFacts(defaultIsSetSupported, officePlatform()), () => import(/* webpackChunkName: "workbook" */ '../adapters/officejs/excelHost').then((m) => m.createExcelHost()))
      : NO_EXCEL_HOST;
  const theme = officeThemeKind();
  await loadPaneTheme(theme);
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App host={host} theme={theme} />);
}

void start();
