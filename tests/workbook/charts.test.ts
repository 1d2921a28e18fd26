import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
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
  }, 300_000);

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

  it('each series carries the figures 汇总 holds now, so a viewer that does not recalculate draws them', async () => {
    const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => parts.get(n) as string);
    const bar = charts.find((c) => c.includes('<c:barChart>')) as string;
    const pie = charts.find((c) => c.includes('<c:pieChart>')) as string;
    const points = (xml: string, cache: 'strCache' | 'numCache', within: 'cat' | 'val') =>
      [...(new RegExp(`<c:${within}>[\\s\\S]*?<c:${cache}>([\\s\\S]*?)</c:${cache}>`).exec(xml)?.[1] ?? '').matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => [Number(m[1]), m[2]]);
    const ws = (await openXlsx(file)).getWorksheet('汇总')!;
    const last = Number(/\$A\$12:\$A\$(\d+)/.exec(bar)?.[1]);
    const units = Array.from({ length: last - 11 }, (_, i) => [i, String(ws.getCell(`A${12 + i}`).value)]);
    expect(points(bar, 'strCache', 'cat')).toEqual(units);
    expect(units.map(([, u]) => u)).toContain('市财政局');
    const rates = points(bar, 'numCache', 'val');
    expect(rates).toHaveLength(units.length);
    // `cell.result`: exceljs' `cell.value` leaves out a result of 0.
    rates.forEach(([i, v]) => expect(Number(v)).toBeCloseTo(Number((ws.getCell(`N${12 + (i as number)}`) as unknown as { result: number }).result), 9));
    // The pie counts the statuses of all 120 tasks.
    expect(points(pie, 'numCache', 'val').reduce((n, [, v]) => n + Number(v), 0)).toBe(120);
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
