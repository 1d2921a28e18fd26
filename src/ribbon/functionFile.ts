// The ribbon's function file (manifest: FunctionFile → commands.html). The ribbon button opens the task
// pane (ShowTaskpane), so no function commands are registered; Office still requires the file to call Office.onReady.
import { whenOfficeReady } from '../adapters/officejs/officeReady';

void whenOfficeReady();
