/* eslint-disable no-undef */
/*
 * The headless scorer (src/cli/bin.ts, which runs src/cli/main.ts) bundled into one file, build/cli/par-score.js: the
 * package's bin. One file starts faster than ~45 compiled modules (no module resolution, one
 * read); the engine is the same code the add-in runs. `docx` is bundled too, as a chunk of its
 * own (build/cli/report-files.js) loaded only when a report file is asked for: the installed scorer needs
 * no package beside it, so `npm install -g par-index-scorer-<version>.tgz` works offline.
 *   npm run build:cli
 */
'use strict';

const path = require('path');
const webpack = require('webpack');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: { 'par-score': './src/cli/bin.ts' },
  output: {
    path: path.resolve(__dirname, 'build', 'cli'),
    filename: '[name].js',
    chunkFilename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: 'tsconfig.cli.json', compilerOptions: { module: 'es2022' } },
        },
      },
    ],
  },
  // Readable stack traces in a user's bug report: not minified (the file is read once, from disk).
  optimization: { minimize: false, splitChunks: false },
  devtool: false,
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })],
  performance: { hints: false },
  stats: 'errors-warnings',
};
