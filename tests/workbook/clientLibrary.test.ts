import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExcelClientLibrary } from '../support/officeClientLibrary';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { scaledNotice } from '../../scripts/bench/parseBench';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const ALL = { dataValidation: true, conditionalFormats: true };

describe('the real Excel client library', () => {
  it.each([1, 5, 10])('seed x%i', async (k) => {
    const lib = loadExcelClientLibrary();
    const { plan } = prepareWorkbook({ noticeText: scaledNotice(k), previous: null, asOf: null });
    const t0 = Date.now();
    const stats = await lib.Excel.run((context) => applyPlan(context, plan, ALL));
    console.log(k, Date.now() - t0, 'ms', JSON.stringify(stats), lib.requests.map((r) => `${r.bytes}/${r.envelopeBytes}/${r.body.Actions.length}${r.cleanup ? 'C' : ''}`).join(' '), lib.workbook.sheets.length, lib.networkAttempts);
  });
});
