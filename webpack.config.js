// Task pane and ribbon-command bundles. office.js is copied from node_modules and served from our
// own origin, so the add-in loads nothing from outside it (and works offline in tests).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/package.json'));

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: path.join(OFFICE_JS, 'dist', 'office.js'), to: 'office/office.js' },
          { from: path.join(OFFICE_JS, 'dist', 'o15apptofilemappingtable.js'), to: 'office/o15apptofilemappingtable.js' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
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
  return config;
};
