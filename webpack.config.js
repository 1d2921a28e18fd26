// Task pane and ribbon-command bundles.
//
// office.js comes from Microsoft's CDN by default, as Microsoft documents (DESIGN §8). Intranets
// without internet build with OFFICE_JS=self: office.js is then served from our own origin together
// with every file it loads after itself (host scripts, the mapping table, string folders); a partial
// copy leaves the pane blank inside Excel. DIST_DIR moves the output (the tests build both modes).
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { officeJsMode, officeJsSource, officeJsFiles, OFFICE_CDN, cspFor } = require('./scripts/officeJs.cjs');
const { addinBaseUrl, rewriteManifest } = require('./scripts/addinBaseUrl.cjs');

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const mode = officeJsMode(process.env.OFFICE_JS);
  // ADDIN_BASE_URL=https://… (real deployment): dist/manifest.xml names that base, not localhost:3000.
  const base = addinBaseUrl(process.env.ADDIN_BASE_URL);
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      // Classic scripts keep their order: boot.js (the 10 s watchdog), office.js, then the bundle.
      scriptLoading: 'blocking',
      inject: 'body',
      templateParameters: { officeJs: officeJsSource(mode), officeJsMode: mode, csp: cspFor(mode) },
    });
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/ribbon/functionFile.ts',
    },
    output: { path: path.resolve(__dirname, process.env.DIST_DIR || 'dist'), filename: '[name].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // exceljs's prebuilt browser file carries its own JSZip (3.10.1) beside the one mammoth and our
      // charts use: its transpiled sources share the one copy. Node built-ins they name get the
      // browser packages; fs and crypto are only reached by file paths and sheet passwords, which
      // the pane never uses.
      alias: { exceljs$: require.resolve('exceljs/dist/es5/exceljs.bare.js'), 'fast-csv': false },
      fallback: { fs: false, crypto: false, stream: require.resolve('readable-stream'), events: require.resolve('events/'), buffer: require.resolve('buffer/') },
    },
    module: {
      rules: [
        { test: /\.txt$/, type: 'asset/source' },
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } } },
      ],
    },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'], process: require.resolve('./scripts/processShim.cjs') }),
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', './src/ribbon/functionFile.html', ['commands']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/boot.js', to: 'boot.js' },
          { from: 'manifest.xml', to: 'manifest.xml', ...(base ? { transform: (content) => rewriteManifest(content.toString('utf8'), base) } : {}) },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          ...(mode === 'self' ? officeJsFiles() : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' }, static: false },
  };
  if (dev && process.env.WEBPACK_SERVE) {
    try {
      const certs = require('office-addin-dev-certs');
      config.devServer.server = { type: 'https', options: await certs.getHttpsServerOptions() };
    } catch (e) {
      console.warn(`dev-server: no trusted localhost certificate (${e.message}); serving http`);
    }
  }
  console.log(`office.js: ${mode === 'cdn' ? OFFICE_CDN : 'served from our origin (office/)'}`);
  console.log(`manifest: ${base ? `${base}/ (ADDIN_BASE_URL)` : 'https://localhost:3000/ (set ADDIN_BASE_URL=https://… for real use)'}`);
  return config;
};
