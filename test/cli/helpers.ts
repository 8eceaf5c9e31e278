/** Shared helpers of the CLI tests: temp dirs, small workbooks, hashes, the in-process runner, LibreOffice. */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'examples', 'chi-so-cchc-2021-tu-ky.xlsx');

export function tempDir(prefix = 'par-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, collecting what it prints. */
export async function runCli(args: string[], cwd = ROOT): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

export type Rows = ExcelJS.CellValue[][];

/** A small valid scoring table: title, blank row, header (row 3), max row (row 4), units on rows 5–8. */
export function smallTable(): Rows {
  return [
    ['BẢNG ĐIỂM THỬ'],
    [],
    ['STT', 'Tên đơn vị', 'Lĩnh vực A', 'Lĩnh vực B', 'Lĩnh vực C', 'Tổng điểm'],
    [null, 'Điểm tối đa', 30, 30, 40, 100],
    [1, 'Xã A', 28, 27, 36, 91],
    [2, 'Xã B', 25, 24, 33, 82],
    [3, 'Xã C', 20, 15, 38, 73],
    [4, 'Xã D', 15, 15, 20, 50],
  ];
}

export const SMALL_SHEET = 'Bảng điểm';

/** Sets a cell of a Rows table by A1 address. */
export function setCell(rows: Rows, address: string, value: ExcelJS.CellValue): Rows {
  const m = /^([A-Z])(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  const r = Number(m[2]) - 1;
  const c = m[1].charCodeAt(0) - 65;
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  while (row.length <= c) row.push(null);
  row[c] = value;
  return rows;
}

/** Writes a workbook with the given sheets (cells from row 1, column A). */
export async function writeWorkbook(file: string, sheets: { name: string; rows: Rows }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Header texts of a sheet's row (1-based), up to the last non-empty cell. */
export function rowTexts(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
  });
  return out;
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function exec(
  cmd: string,
  args: string[],
  opts: { timeout: number; env?: NodeJS.ProcessEnv },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: opts.timeout, env: opts.env, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

export function findSoffice(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  throw new Error('LibreOffice (soffice) is not installed: `apt-get install -y libreoffice-calc` (.ci/run does it)');
}

/**
 * Opens workbooks in LibreOffice headless and exports every sheet to CSV (LibreOffice ≥ 7.2:
 * `<file>-<sheet>.csv`). Returns, per workbook, the parsed rows of each sheet by name.
 * A private profile directory avoids the lock of a user's running LibreOffice.
 */
export async function libreOfficeSheets(files: string[]): Promise<Map<string, Map<string, string[][]>>> {
  const soffice = findSoffice();
  const outDir = tempDir('par-lo-out-');
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  const home = tempDir('par-lo-home-');
  try {
    await exec(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 180_000, env: { ...process.env, HOME: home } },
    );
    const result = new Map<string, Map<string, string[][]>>();
    const produced = fs.readdirSync(outDir);
    for (const file of files) {
      const base = path.basename(file).replace(/\.xls[xm]$/i, '');
      const sheets = new Map<string, string[][]>();
      for (const name of produced) {
        if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
        const sheet = name.slice(base.length + 1, -'.csv'.length);
        sheets.set(sheet.normalize('NFC'), parseCsv(fs.readFileSync(path.join(outDir, name), 'utf8')));
      }
      if (sheets.size === 0) throw new Error(`LibreOffice produced no CSV for ${file}: ${produced.join(', ')}`);
      result.set(file, sheets);
    }
    return result;
  } finally {
    for (const d of [outDir, profile, home]) fs.rmSync(d, { recursive: true, force: true });
  }
}

/**
 * Converts a file with LibreOffice headless (`--convert-to <format>`, e.g. 'pdf' or
 * 'xlsx:Calc MS Excel 2007 XML') into `outDir`; returns the converted file's path. A private
 * profile and HOME per run, so that runs (and a user's LibreOffice) never collide.
 */
export async function libreOfficeConvert(file: string, format: string, outDir: string): Promise<string> {
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  const home = tempDir('par-lo-home-');
  try {
    await exec(
      findSoffice(),
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        file,
      ],
      {
        timeout: 180_000,
        env: { ...process.env, HOME: home },
      },
    );
  } finally {
    for (const d of [profile, home]) fs.rmSync(d, { recursive: true, force: true });
  }
  return path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
}

export interface PdfPage {
  /** The page's text as pdftotext -layout lays it out. */
  text: string;
  /** Size in points (A4 portrait: 595 × 842). */
  width: number;
  height: number;
}

/** A PDF's pages: text by pdftotext, size by pdfinfo (poppler-utils). */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout: text } = await exec('pdftotext', ['-layout', pdf, '-'], { timeout: 60_000 });
  const { stdout: info } = await exec('pdfinfo', ['-f', '1', '-l', '100000', pdf], { timeout: 60_000 });
  const texts = text.split('\f');
  return [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m, i) => ({
    text: texts[i] ?? '',
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
