import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/captureIo';
import { printWithLibreOffice } from '../support/printPdf';
import { sheetPart, xlsxParts } from '../support/xlsxParts';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

/**
 * Charts in the .xlsx the CLI writes (DrawingML parts added after exceljs saves): 完成率 by unit
 * (bar) and task status (pie) on every build, the trend (line) once 调度记录 has snapshots; and
 * LibreOffice draws them when it prints 汇总.
 */
describe('charts in the CLI workbook', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'duban-charts-')), 'book.xlsx');
  let parts: Map<string, string>;
  beforeAll(async () => {
    expect((await cli(['build', SEED, '-o', file, '--as-of', '2020-12-01'])).code).toBe(0);
    expect((await cli(['summary', file, '--snapshot'])).code).toBe(0);
    parts = xlsxParts(file);
  }, 60_000);

  it('汇总 has a drawing with a bar, a pie and a line chart over its own cells', () => {
    const summary = sheetPart(parts, '汇总');
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(summary)?.[1];
    expect(rid).toBeDefined();
    // <drawing> after the page setup and outside every conditional format.
    expect(summary.indexOf('<drawing')).toBeGreaterThan(summary.lastIndexOf('</conditionalFormatting>'));
    expect(summary.indexOf('<drawing')).toBeGreaterThan(summary.indexOf('<headerFooter'));
    const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => parts.get(n) as string);
    const kinds = charts.map((c) => /<c:(bar|pie|line)Chart>/.exec(c)?.[1]).sort();
    expect(kinds).toEqual(['bar', 'line', 'pie']);
    const bar = charts.find((c) => c.includes('<c:barChart>')) as string;
    expect(bar).toMatch(/<c:cat><c:strRef><c:f>&apos;汇总&apos;!\$A\$12:\$A\$\d+<\/c:f>/);
    expect(bar).toMatch(/<c:val><c:numRef><c:f>&apos;汇总&apos;!\$N\$12:\$N\$\d+<\/c:f>/);
    for (const name of [...parts.keys()].filter((n) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(n))) {
      expect(parts.get('[Content_Types].xml')).toContain(`PartName="/${name}"`);
    }
  });

  it('a write that does not lay out 汇总 (催办单) keeps its three charts', async () => {
    expect((await cli(['remind', file, '--write'])).code).toBe(0);
    const after = xlsxParts(file);
    const kinds = [...after.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => /<c:(bar|pie|line)Chart>/.exec(after.get(n) as string)?.[1]).sort();
    expect(kinds).toEqual(['bar', 'line', 'pie']);
  });

  it('LibreOffice draws the charts when it prints 汇总', () => {
    const pages = printWithLibreOffice(file).filter((p) => p.text.startsWith('督办汇总'));
    const text = pages.map((p) => p.text).join('');
    expect(text).toContain('各单位完成率');
    expect(text).toContain('完成率趋势');
    // The pie's title is also a table title on 汇总: the chart adds one more.
    expect(text.split('任务状态').length - 1).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
