/**
 * The supervision loop (督办闭环, DESIGN §12) as pure rules: reporting rounds, extensions, review and
 * closing, pace. The 通报 (issue 24) reads 本期未报送/迟报 units and 慢于序时 targets from the
 * summary engine, which counts them with these functions.
 */
export * from './settings';
export * from './rounds';
export * from './rowState';
export * from './pace';
