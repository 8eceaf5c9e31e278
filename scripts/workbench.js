#!/usr/bin/env node
/**
 * The workbench: builds src/workbench with webpack.workbench.js into build/workbench/ and serves it
 * on http://localhost:3100 (PORT overrides), with the repo's examples/ under /examples/.
 * A development tool: nothing here goes into dist/ or the add-in.
 *
 *   node scripts/workbench.js               build, then serve
 *   node scripts/workbench.js --build-only  build and exit
 *   node scripts/workbench.js --no-build    serve what build/workbench holds
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'workbench');
const EXAMPLES = path.join(ROOT, 'examples');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function build() {
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'webpack.workbench.js'))(
    {},
    { mode: process.env.WORKBENCH_MODE || 'development' },
  );
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      const js = fs.readdirSync(OUT).filter((f) => f.endsWith('.js'));
      const kb = js.reduce((n, f) => n + fs.statSync(path.join(OUT, f)).size, 0) / 1024;
      console.log(`workbench built into ${path.relative(ROOT, OUT)}/ (${kb.toFixed(0)} KB of JavaScript)`);
      resolve();
    });
  });
}

/** Resolves a URL path inside a base directory, or null if it escapes it. */
function inside(base, urlPath) {
  const file = path.normalize(path.join(base, urlPath));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function serve(port) {
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = urlPath.startsWith('/examples/')
      ? inside(EXAMPLES, urlPath.slice('/examples/'.length))
      : inside(OUT, urlPath === '/' ? 'index.html' : urlPath);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  server.listen(port, 'localhost', () => console.log(`workbench: http://localhost:${server.address().port}/`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) await build();
  if (args.includes('--build-only')) return;
  serve(Number(process.env.PORT) || 3100);
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
