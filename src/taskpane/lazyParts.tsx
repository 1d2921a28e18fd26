import { lazy } from 'react';

// Shown only after the clerk has given a notice or asked for a change: loaded then, not at start.
export const NoticeSummary = lazy(() => import(/* webpackChunkName: "summary-of-notice" */ './NoticeSummary').then((m) => ({ default: m.NoticeSummary })));
export const ChangesDialog = lazy(() => import(/* webpackChunkName: "changes" */ './ChangesDialog').then((m) => ({ default: m.ChangesDialog })));
