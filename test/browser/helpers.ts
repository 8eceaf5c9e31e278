/**
 * Shared by the browser suites: the workbench built once per change (several suites may start at
 * once in parallel jest workers: a lock directory serialises the build, a stamp skips a build
 * that is already newer than every source), served by scripts/workbench.js on a free port, and
 * Debian's Chromium launched headless through playwright-core. Nothing may leave localhost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const SHEET = 'Tổng hợp';

export const hasChromium = fs.existsSync(CHROMIUM);
export const describeIfChromium = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, 'localhost', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function startServer(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'workbench.js'), '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`workbench server did not start: ${out}`)), 20000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('workbench: http://')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workbench server exited (${code}): ${out}`));
    });
  });
}

export async function stopServer(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

const BUILD_DIR = path.join(ROOT, 'build', 'workbench');
const STAMP = path.join(ROOT, 'build', 'workbench.stamp');
const LOCK = path.join(ROOT, 'build', 'workbench.lock');
const INPUTS = ['src', 'examples', 'webpack.workbench.js', 'scripts/workbench.js'];

function newestMtime(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildIsFresh(): boolean {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(BUILD_DIR, 'index.html'))) return false;
  const built = Number(fs.readFileSync(STAMP, 'utf8'));
  return Number.isFinite(built) && INPUTS.every((p) => newestMtime(p) < built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds build/workbench/ unless a build newer than every source is there; one build at a time. */
export async function buildWorkbench(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 330000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another suite is building; a lock left by a killed run is stale after 6 minutes.
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 360000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`workbench build lock ${LOCK} held too long`);
      await sleep(250);
    }
  }
  try {
    if (buildIsFresh()) return;
    const started = Date.now();
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'workbench.js'), '--build-only'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300000,
    });
    if (build.status !== 0) throw new Error(`workbench build failed: ${build.stdout}\n${build.stderr}`);
    fs.writeFileSync(STAMP, String(started));
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds, serves and launches: what a suite's beforeAll does. */
export async function startWorkbench(): Promise<{ server: ChildProcess; browser: Browser; base: string }> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await buildWorkbench();
  const port = await freePort();
  const server = await startServer(port);
  const browser = await launchBrowser();
  return { server, browser, base: `http://localhost:${port}/` };
}

/**
 * A page on the workbench with the sample loaded; page errors collected into `errors`. The sample
 * holds no rules: the default is confirmed (confirmRulesIfAsked) unless `confirm` is false.
 */
export async function openWorkbench(
  browser: Browser,
  base: string,
  errors: string[],
  opts: { confirm?: boolean; query?: string; width?: number } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  // Nothing may leave localhost.
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === 'localhost' ? route.continue() : route.abort(),
  );
  await page.goto(base + (opts.query ?? ''));
  await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
  if (opts.confirm !== false) {
    await page.getByTestId('rules-confirm').waitFor({ timeout: 30000 });
    await confirmRulesIfAsked(page);
  }
  return page;
}

/** A grid cell of the workbench by its A1 address. */
export const gridCell = (page: Page, address: string) => page.locator(`table.wb-grid td[data-address="${address}"]`);

/** The sheet row (1-based) whose column B holds the unit's name. */
export async function rowOf(page: Page, name: string): Promise<number> {
  const address = await page
    .locator('table.wb-grid td[data-address^="B"]', { hasText: new RegExp(`^${name}$`) })
    .first()
    .getAttribute('data-address');
  return Number(address!.slice(1));
}

/**
 * A workbook with no stored rules asks to confirm the default or pick a preset before the first
 * write (issue 16 item 9): confirms the default when asked, and waits for the table to be read again.
 */
export async function confirmRulesIfAsked(page: Page): Promise<void> {
  const confirm = page.getByTestId('rules-confirm');
  if ((await confirm.count()) === 0) return;
  await confirm.click();
  await page.getByTestId('rules-notice').waitFor({ state: 'detached', timeout: 30000 });
  await page.getByTestId('found-unit-count').waitFor({ timeout: 30000 });
}

/** How far the pane scrolls sideways: 0, or the widest elements past its right edge (to fix). */
export async function paneOverflow(page: Page): Promise<number | string[]> {
  return page.getByTestId('pane').evaluate((el) => {
    const over = el.scrollWidth - el.clientWidth;
    if (over <= 0) return 0;
    const right = el.getBoundingClientRect().left + el.clientWidth;
    return [...el.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? ''}] ${Math.round(e.getBoundingClientRect().right - right)}px`,
      );
  });
}
