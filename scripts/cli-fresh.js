#!/usr/bin/env node
/*
 * Makes sure build/cli/par-score.js (the scorer's bin) is built from the sources as they are:
 * `npm run score` calls it first. The bin is built at install (`prepare`); this rebuilds it only
 * when a source it is made from is newer than the bin, so a plain run costs a few stat calls.
 * Anything the build prints goes to stderr: stdout stays the scorer's.
 *   node scripts/cli-fresh.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'build', 'cli', 'par-score.js');
const SOURCES = [
  'src/engine',
  'src/cli',
  'package.json',
  'webpack.cli.config.js',
  'tsconfig.json',
  'tsconfig.cli.json',
];

/** The newest modification time of a file, or of any file under a folder. */
function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

function binTime() {
  try {
    return fs.statSync(BIN).mtimeMs;
  } catch {
    return -1;
  }
}

const built = binTime();
const sources = Math.max(
  ...SOURCES.map((s) => path.join(ROOT, s))
    .filter((s) => fs.existsSync(s))
    .map(newest),
);
if (built >= sources) process.exit(0);

process.stderr.write(
  built < 0 ? 'Building the scorer (build/cli) …\n' : "The scorer's sources changed: rebuilding build/cli …\n",
);
const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
const r = spawnSync(process.execPath, [webpackCli, '--config', 'webpack.cli.config.js'], {
  cwd: ROOT,
  stdio: ['ignore', 2, 2],
});
process.exit(r.status === null ? 1 : r.status);
