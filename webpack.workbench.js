/* eslint-disable no-undef */
/*
 * Webpack config of the workbench (a development tool, never shipped in dist/): the task pane
 * App on a fake Excel host beside an HTML grid of the fake workbook. Output: build/workbench/.
 *   npm run workbench            build, then serve on http://localhost:3100 (PORT overrides)
 */
'use strict';

const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (env = {}, options = {}) => ({
  mode: options.mode || 'development',
  devtool: false,
  entry: { workbench: './src/workbench/index.tsx' },
  output: {
    path: path.resolve(__dirname, 'build', 'workbench'),
    filename: '[name].js',
    chunkFilename: '[name].[contenthash:8].js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js'],
    // exceljs's "browser" field points at its self-contained browser build (dist/exceljs.min.js).
    aliasFields: ['browser'],
  },
  module: {
    // The browser build of exceljs is a prebuilt UMD bundle: nothing to parse for imports.
    noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            compilerOptions: { module: 'es2020', sourceMap: false },
          },
        },
      },
    ],
  },
  plugins: [
    // The version the pane shows (src/taskpane/version.ts), as in webpack.config.js.
    new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(require('./package.json').version) }),
    new HtmlWebpackPlugin({
      filename: 'index.html',
      template: './src/workbench/workbench.html',
      chunks: ['workbench'],
    }),
  ],
  performance: { hints: false },
});
