// Ribbon commands. The ribbon button opens the task pane (ShowTaskpane in manifest.xml), so no
// function commands are registered yet; Office.onReady is still required for the function file.
import { whenOfficeReady } from '../adapters/officejs/officeReady';

void whenOfficeReady();
