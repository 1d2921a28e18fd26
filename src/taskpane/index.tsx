import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NO_EXCEL_HOST, type WorkbookHost } from './hostTypes';
import { whenOfficeReady } from '../adapters/officejs/officeReady';
import { createExcelHost } from '../adapters/officejs/excelHost';

async function start(): Promise<void> {
  const info = await whenOfficeReady();
  // Outside Excel (a browser test) an `Excel` object model may be injected; the adapter uses it as is.
  const host: WorkbookHost = info.host === 'excel' || typeof Excel !== 'undefined' ? createExcelHost() : NO_EXCEL_HOST;
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App host={host} />);
}

void start();
