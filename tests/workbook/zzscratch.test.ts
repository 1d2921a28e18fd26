import { loadExcelClientLibrary, type CapturedRequest } from '../support/officeClientLibrary';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlan } from '../../src/adapters/officejs/applyPlan';
import { scaledNotice } from '../../scripts/bench/parseBench';
const u = (x: unknown) => Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
function analyse(r: CapturedRequest) {
  const by: Record<string, { n: number; bytes: number; payload: number }> = {};
  let payload = 0;
  for (const a of r.body.Actions) {
    const key = a.ActionType === 1 ? 'instantiate' : a.ActionType === 3 && a.Name === '_KeepReference' ? 'keepRef' : `${a.ActionType === 4 ? 'set' : a.ActionType === 3 ? 'call' : 'q'}:${a.Name}`;
    const p = a.ActionType === 4 || a.ActionType === 3 ? u(a.ArgumentInfo?.Arguments ?? []) : 0;
    const e = (by[key] ??= { n: 0, bytes: 0, payload: 0 });
    e.n++; e.bytes += u(a) + 1; e.payload += p; payload += p;
  }
  let paths = 0; const pby: Record<string, { n: number; bytes: number }> = {};
  for (const [k, p] of Object.entries(r.body.ObjectPaths)) { const b = u(p) + k.length + 4; paths += b; const e = (pby[`${p.ObjectPathType}:${p.Name}`] ??= { n: 0, bytes: 0 }); e.n++; e.bytes += b; }
  return { bytes: r.bytes, payload, paths, nPaths: Object.keys(r.body.ObjectPaths).length, nActions: r.body.Actions.length, by: Object.entries(by).sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 14).map(([k, v]) => `${k} n=${v.n} b=${v.bytes} p=${v.payload}`), pby: Object.entries(pby).sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 8).map(([k, v]) => `${k} n=${v.n} b=${v.bytes}`) };
}
it.each([1, 10])('x%i', async (k) => {
  const lib = loadExcelClientLibrary();
  const { plan } = prepareWorkbook({ noticeText: scaledNotice(k), previous: null, asOf: null });
  const stats = await lib.Excel.run((c) => applyPlan(c, plan, { dataValidation: true, conditionalFormats: true }));
  lib.requests.forEach((r, i) => console.log(k, i, stats.requests[i], JSON.stringify(analyse(r), null, 1)));
});
