import JSZip from 'jszip';
import type { ChartPlan } from '../../workbook/plan';
import { parseAddress, sheetRef } from '../../domain/grid/a1';
import type { RangeValues } from './cachedResults';

/**
 * Charts in the .xlsx the CLI writes. exceljs writes none, so after it has saved the package
 * this adds DrawingML parts: per sheet with charts a drawing (`xl/drawings/drawingN.xml`, one
 * anchor per chart) and its rels, per chart `xl/charts/chartN.xml` over the plan's ranges, the
 * sheet's `<drawing r:id>` and rels, and their content types. The series are references to the
 * sheet's cells, so Excel, WPS and LibreOffice redraw them from the live formulas; each carries a
 * cache of the figures as computed now (`values`), which a viewer that does not recalculate draws.
 */
export async function addCharts(bytes: Uint8Array, charts: ReadonlyMap<string, readonly ChartPlan[]>, values: RangeValues = () => []): Promise<Uint8Array> {
  const wanted = [...charts].filter(([, list]) => list.length > 0);
  if (wanted.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const workbook = await read('xl/workbook.xml');
  const workbookRels = await read('xl/_rels/workbook.xml.rels');
  let types = await read('[Content_Types].xml');
  let chartNo = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
  let drawingNo = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).length;
  for (const [sheetName, list] of wanted) {
    const rid = new RegExp(`<sheet [^>]*name="${escapeXml(sheetName)}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1] : undefined;
    if (!target) throw new Error(`chart sheet ${sheetName} is not in the package`);
    const sheetPath = `xl/${target.replace(/^\/?xl\//, '')}`;
    const sheetFile = sheetPath.slice(sheetPath.lastIndexOf('/') + 1);
    const relsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
    drawingNo++;
    const drawing = `drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    list.forEach((chart, i) => {
      chartNo++;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart, sheetName, values));
      types = addOverride(types, `/xl/charts/chart${chartNo}.xml`, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(chart, i + 1));
    });
    zip.file(`xl/drawings/${drawing}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`);
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relationships(drawingRels));
    types = addOverride(types, `/xl/drawings/${drawing}`, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    // The sheet's own rels may exist (hyperlinks): add to them.
    const existing = await read(relsPath);
    const ids = [...existing.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const drawingRid = `rId${Math.max(0, ...ids) + 1}`;
    const rel = `<Relationship Id="${drawingRid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/${drawing}"/>`;
    zip.file(relsPath, existing ? existing.replace('</Relationships>', `${rel}</Relationships>`) : relationships([rel]));
    zip.file(sheetPath, withDrawing(await read(sheetPath), drawingRid));
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function relationships(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

function addOverride(types: string, part: string, type: string): string {
  return types.includes(`PartName="${part}"`) ? types : types.replace('</Types>', `<Override PartName="${part}" ContentType="${type}"/></Types>`);
}

/** What comes before `<drawing>` in a worksheet (CT_Worksheet order); a data bar's own `<extLst>` sits inside conditionalFormatting. */
const BEFORE_DRAWING = ['sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags'];

/** The sheet with `<drawing r:id>` right after the last element that must precede it. */
function withDrawing(sheet: string, rid: string): string {
  const root = sheet.includes('xmlns:r=') ? sheet : sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  let at = -1;
  for (const name of BEFORE_DRAWING) {
    const close = root.lastIndexOf(`</${name}>`);
    if (close >= 0) at = Math.max(at, close + name.length + 3);
    const open = root.lastIndexOf(`<${name} `);
    const selfClose = open >= 0 ? root.indexOf('/>', open) : -1;
    if (selfClose >= 0 && selfClose < root.indexOf('>', open) + 1) at = Math.max(at, selfClose + 2);
  }
  if (at < 0) throw new Error('worksheet without sheetData');
  return `${root.slice(0, at)}<drawing r:id="${rid}"/>${root.slice(at)}`;
}

/** Chart size in cells: wide enough for unit names, tall enough for a bar per unit. */
const SIZE: Record<ChartPlan['type'], { cols: number; rows: number }> = { bar: { cols: 9, rows: 30 }, pie: { cols: 7, rows: 16 }, line: { cols: 8, rows: 14 } };

function anchorXml(chart: ChartPlan, rid: number): string {
  const { row, col } = parseAddress(chart.anchor);
  const size = SIZE[chart.type];
  const at = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + size.cols, row + size.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${rid + 1}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${rid}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** An absolute reference to a plan range on its sheet: `'汇总'!$A$12:$A$63`. */
function absolute(sheet: string, range: string): string {
  const [a, b] = range.split(':') as [string, string | undefined];
  const abs = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return escapeXml(`${sheetRef(sheet)}!${abs(a)}${b ? `:${abs(b)}` : ''}`);
}

/** A series' cached points: text for categories, numbers for values (a point without one is left out). */
function cache(kind: 'str' | 'num', points: Array<string | number | null>, formatCode: string): string {
  const pts = points
    .map((v, i) => (v === null || (kind === 'num' && typeof v !== 'number') ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join('');
  return kind === 'str'
    ? `<c:strCache><c:ptCount val="${points.length}"/>${pts}</c:strCache>`
    : `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${points.length}"/>${pts}</c:numCache>`;
}

function chartXml(chart: ChartPlan, sheet: string, values: RangeValues): string {
  const categories = values(sheet, chart.categories);
  const figures = values(sheet, chart.values);
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.title)}</c:v></c:tx>` +
    (chart.type === 'pie' ? '<c:varyColors val="1"/>' : '') +
    // The trend's categories are dates: numbers, shown through the axis's date format (as text they would read 43831).
    (chart.type === 'line'
      ? `<c:cat><c:numRef><c:f>${absolute(sheet, chart.categories)}</c:f>${cache('num', categories, 'yyyy-mm-dd')}</c:numRef></c:cat>`
      : `<c:cat><c:strRef><c:f>${absolute(sheet, chart.categories)}</c:f>${cache('str', categories, '')}</c:strRef></c:cat>`) +
    `<c:val><c:numRef><c:f>${absolute(sheet, chart.values)}</c:f>${cache('num', figures, chart.type === 'pie' ? 'General' : '0%')}</c:numRef></c:val>` +
    (chart.type === 'line' ? '<c:smooth val="0"/>' : '') +
    `</c:ser>`;
  const axes = '<c:axId val="1001"/><c:axId val="1002"/>';
  const plot =
    chart.type === 'pie'
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : chart.type === 'bar'
        ? `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axes}</c:barChart>${axesXml(true)}`
        : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>${axesXml(false)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>${chart.type === 'pie' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : ''}<c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/**
 * Category and value axes; a bar chart lists units top to bottom in sheet order. The trend's axis
 * is not automatic: as a date axis LibreOffice would label years (a lone 2020-10-15 shows as 2020-01-01).
 */
function axesXml(bars: boolean): string {
  const cat = `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${bars ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${bars ? 'l' : 'b'}"/>${bars ? '<c:numFmt formatCode="General" sourceLinked="1"/>' : '<c:numFmt formatCode="yyyy-mm-dd" sourceLinked="0"/>'}<c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="${bars ? 1 : 0}"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`;
  const val = `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bars ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="${bars ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/** Charts a plan asked for, per workbook and sheet, until the workbook is saved. */
const pending = new WeakMap<object, Map<string, readonly ChartPlan[]>>();

/** Remember a sheet's charts for the save (a rewritten sheet replaces what it had). */
export function rememberCharts(wb: object, sheet: string, charts: readonly ChartPlan[]): void {
  const map = pending.get(wb) ?? new Map<string, readonly ChartPlan[]>();
  map.set(sheet, charts);
  pending.set(wb, map);
}

/** The charts to add when `wb` is saved. */
export function chartsOf(wb: object): ReadonlyMap<string, readonly ChartPlan[]> {
  return pending.get(wb) ?? new Map();
}
