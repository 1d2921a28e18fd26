// Import boundaries (DESIGN §1), checked by `npm run deps` inside `npm test`. The floors, lowest
// first: domain (pure rules, with domain/grid: a sheet's values read back and cell addresses) ←
// host (the port between pane and Office.js adapter) ← workbook (the plan) ← adapters ← cli,
// taskpane, ribbon. An import may point down or sideways, never up, and no file may reach itself.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'Shared types go in a file of their own, so two files never import each other.', from: {}, to: { circular: true } },
    { name: 'domain-is-the-floor', severity: 'error', comment: 'The domain imports only itself (and no Office.js, React, exceljs or DOM; eslint checks packages).', from: { path: '^src/domain/' }, to: { path: '^src/', pathNot: '^src/domain/' } },
    { name: 'host-port-stands-on-domain', severity: 'error', comment: 'The host port is a contract of types over domain data.', from: { path: '^src/host/' }, to: { path: '^src/', pathNot: '^src/(domain|host)/' } },
    { name: 'workbook-below-adapters', severity: 'error', comment: 'The plan is data built from domain data; adapters apply it, never the other way.', from: { path: '^src/workbook/' }, to: { path: '^src/(adapters|cli|taskpane|ribbon)/' } },
    { name: 'adapters-below-front-ends', severity: 'error', comment: 'Adapters implement the host port; they never reach into the pane or the CLI.', from: { path: '^src/adapters/' }, to: { path: '^src/(cli|taskpane|ribbon)/' } },
    { name: 'officejs-only-in-its-adapter', severity: 'error', comment: 'The xlsx adapter runs under Node and in the pane; it never touches Office.js.', from: { path: '^src/adapters/xlsx/' }, to: { path: '^src/adapters/officejs/' } },
    { name: 'front-ends-apart', severity: 'error', comment: 'The CLI and the pane share the engine below them, not each other.', from: { path: '^src/cli/' }, to: { path: '^src/(taskpane|ribbon)/' } },
    { name: 'pane-through-the-port', severity: 'error', comment: 'Components reach the workbook through the host port; only the entry point wires the Office.js adapter.', from: { path: '^src/taskpane/', pathNot: '^src/taskpane/index\\.tsx$' }, to: { path: '^src/(adapters|cli)/' } },
    { name: 'pane-apart-from-cli', severity: 'error', from: { path: '^src/(taskpane|ribbon)/' }, to: { path: '^src/cli/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs'] },
  },
};
