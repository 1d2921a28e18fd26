import { lazy } from 'react';

// Shown only after the clerk has given a notice or asked for a change: loaded then, not at start.
export const NoticeSummary = lazy(() => import(/* webpackChunkName: "summary-of-notice" */ './NoticeSummary').then((m) => ({ default: m.NoticeSummary })));
export const ChangesDialog = lazy(() => import(/* webpackChunkName: "changes" */ './ChangesDialog').then((m) => ({ default: m.ChangesDialog })));
// Asked only of a workbook that already has tasks.
export const SourceQuestion = lazy(() => import(/* webpackChunkName: "sources" */ './SourceQuestion').then((m) => ({ default: m.SourceQuestion })));
// Said only of a generated workbook whose notice is of an earlier year.
export const YearEndAsOfNote = lazy(() => import(/* webpackChunkName: "messages" */ './YearEndAsOfNote').then((m) => ({ default: m.YearEndAsOfNote })));
// The reading of a sheet, with a picker per column: shown once a sheet has been read.
export const SheetTablePreview = lazy(() => import(/* webpackChunkName: "sheet-preview" */ './SheetTablePreview').then((m) => ({ default: m.SheetTablePreview })));
