/**
 * Offline checks of the add-in manifest: XML Schema validation with xmllint against the committed
 * Office schemas (test/schemas/office-addin-manifest), rejection of a broken copy, and the icons
 * it references (exist, are PNGs of the size their file name and <bt:Image size> state).
 * Needs `xmllint` on PATH (Debian/Ubuntu package libxml2-utils).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.join(ROOT, 'test', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const DEV_URL = 'https://localhost:3000/';

function xmllint(file: string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (r.error) {
    throw new Error(`cannot run xmllint (install libxml2-utils): ${r.error.message}`);
  }
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const manifestXml = fs.readFileSync(MANIFEST, 'utf8');

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema (offline)', () => {
    const { status, output } = xmllint(MANIFEST);
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it('rejects a copy without <Id>', () => {
    expect(manifestXml).toMatch(/<Id>[0-9a-fA-F-]{36}<\/Id>/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
    try {
      const broken = path.join(dir, 'manifest.xml');
      fs.writeFileSync(broken, manifestXml.replace(/\s*<Id>[^<]*<\/Id>/, ''));
      const { status, output } = xmllint(broken);
      expect(status).not.toBe(0);
      expect(output).toMatch(/fails to validate/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is an Excel task-pane add-in with the expected essentials', () => {
    expect(manifestXml).toContain('xsi:type="TaskPaneApp"');
    expect(manifestXml).toMatch(/<Host Name="Workbook"\s*\/>/);
    expect(manifestXml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifestXml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(manifestXml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\s*\/>/);
    expect(manifestXml).toContain(`<SourceLocation DefaultValue="${DEV_URL}taskpane.html"/>`);
    expect(manifestXml).toContain('<OfficeTab id="TabHome">');
    expect(manifestXml).toContain('<FunctionFile resid="Commands.Url"/>');
  });

  it('has a SupportUrl, in its schema place, pointing at the user guide the build ships (issue 17, item 10)', () => {
    expect(manifestXml).toContain(`<SupportUrl DefaultValue="${DEV_URL}help.html"/>`);
    // The guide exists and webpack copies it beside taskpane.html.
    expect(fs.existsSync(path.join(ROOT, 'src', 'taskpane', 'help.html'))).toBe(true);
    // Quotes as the formatter leaves them: compare without them.
    expect(fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8').replace(/['"]/g, '')).toContain(
      '{ from: src/taskpane/help.html, to: help.html }',
    );
    // The schema fixes the order: a SupportUrl after <Hosts> is refused.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const moved = manifestXml
      .replace(/\s*<SupportUrl [^>]*\/>/, '')
      .replace('</Hosts>', `</Hosts>\n  <SupportUrl DefaultValue="${DEV_URL}help.html"/>`);
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, moved);
    expect(xmllint(file).status).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('references icons that exist with the PNG dimensions their names state', () => {
    const urls = [...manifestXml.matchAll(/"https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)"/g)];
    const sizes = new Set(urls.map((m) => Number(m[2])));
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const [, rel, n] of urls) {
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: Number(n), height: Number(n) });
    }
  });

  it('uses each ribbon <bt:Image size="N"> with an N x N icon', () => {
    const images = new Map<string, string>();
    for (const m of manifestXml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)) images.set(m[1], m[2]);
    const uses = [...manifestXml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, size, resid] of uses) {
      const url = images.get(resid);
      expect(url).toBeDefined();
      const file = path.join(ROOT, url!.replace(DEV_URL, ''));
      expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});
