/* eslint-disable no-undef */
/*
 * Webpack config of the task-pane add-in, after OfficeDev's Office-Addin-TaskPane-React template.
 *   npm run build       production build into dist/ (manifest URLs rewritten to $ADDIN_URL if set)
 *   npm run build:dev   development build
 *   npm run dev-server  https://localhost:3000 with office-addin-dev-certs certificates
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';

/** Production URL of the add-in's files (ADDIN_URL), with a trailing slash; dev URL if unset. */
function productionUrl() {
  const url = (process.env.ADDIN_URL || '').trim();
  if (!url) return urlDev;
  if (!/^https:\/\//i.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, got "${url}"`);
  return url.endsWith('/') ? url : `${url}/`;
}

async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * Prints the size of the JavaScript taskpane.html loads initially (the entry chunk plus the split
 * chunks it depends on), raw and gzipped, e.g. `taskpane bundle: 1234.5 KB (gzip 321.0 KB)`.
 */
class BundleSizePlugin {
  constructor(entry) {
    this.entry = entry;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('BundleSizePlugin', (compilation) => {
      const entrypoint = compilation.entrypoints.get(this.entry);
      if (!entrypoint) return;
      const files = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
      let raw = 0;
      let gzip = 0;
      for (const file of files) {
        // Read the emitted file: after emit, webpack keeps only the size of asset sources.
        const buf = fs.readFileSync(path.join(compilation.outputOptions.path, file));
        raw += buf.length;
        gzip += zlib.gzipSync(buf, { level: 9 }).length;
      }
      const kb = (n) => (n / 1024).toFixed(1);
      console.log(`${this.entry} bundle: ${kb(raw)} KB (gzip ${kb(gzip)} KB) [${files.join(', ')}]`);
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const urlProd = productionUrl();

  const config = {
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.html'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json emits CommonJS for Node (jest, CLI); ES modules let webpack tree-shake.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|tslib|use-sync-external-store|use-disposable)[\\/]/,
            name: 'vendor',
            chunks: 'initial',
            priority: 10,
          },
        },
      },
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'assets/*.png',
            to: 'assets/[name][ext]',
          },
          // The first-run panel's links (issue 17, item 10): the user guide and the sample workbook.
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'examples/chi-so-cchc-2021-tu-ky.xlsx', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform(content) {
              if (dev) return content;
              return content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
      // The version the pane shows (src/taskpane/version.ts).
      new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(require('./package.json').version) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
    ],
    performance: {
      // Fluent UI makes the vendor chunk larger than webpack's 244 KB default hint.
      hints: false,
    },
    devServer: {
      hot: true,
      headers: {
        'Access-Control-Allow-Origin': '*',
      },
      server: {
        type: 'https',
        options: serving ? await getHttpsOptions() : {},
      },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  if (!dev && !serving) config.plugins.push(new BundleSizePlugin('taskpane'));

  return config;
};
