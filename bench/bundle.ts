/**
 * Figure 4: the task pane's initial JavaScript, gzipped: a production webpack build into a
 * temporary directory (dist/ is left alone), then every local <script> taskpane.html loads,
 * gzipped at level 9 (office.js comes from Microsoft's CDN and is not counted). Lazy chunks
 * (the tabs not on the first screen) are listed apart. webpack's own size line is echoed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { ROOT, bytes, verdict } from './common';

const TARGET_KB = 350;

function main(): void {
  const entry = path.join(ROOT, 'src', 'taskpane', 'index.tsx');
  if (!fs.existsSync(entry)) {
    console.log('bundle taskpane: skipped: no src/taskpane/index.tsx');
    return;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-dist-'));
  try {
    const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const r = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`webpack exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    const printed = /taskpane bundle: [^\n]*/.exec(r.stdout)?.[0] ?? 'no size line printed';
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
      .map((m) => m[1])
      .filter((src) => !/^(https?:)?\/\//.test(src));
    let raw = 0;
    let gz = 0;
    for (const s of scripts) {
      const buf = fs.readFileSync(path.join(out, s));
      raw += buf.length;
      gz += zlib.gzipSync(buf, { level: 9 }).length;
    }
    const initial = new Set(scripts);
    const lazy = fs.readdirSync(out).filter((f) => f.endsWith('.js') && !initial.has(f) && !f.startsWith('commands'));
    let lazyGz = 0;
    for (const f of lazy) lazyGz += zlib.gzipSync(fs.readFileSync(path.join(out, f)), { level: 9 }).length;
    console.log(
      `bundle taskpane initial JS (${scripts.map((s) => s.replace(/\.[0-9a-f]{8}\.js$/, '.js')).join(' + ')}): ${bytes(raw)}, gzip ${bytes(gz)} ` +
        `(target ≤ ${TARGET_KB} KB: ${verdict(gz <= TARGET_KB * 1024)}); lazy chunks ${lazy.length}, gzip ${bytes(lazyGz)}; webpack: "${printed}"`,
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main();
