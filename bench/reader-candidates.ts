/**
 * Which XML tokenizer reads a worksheet (issue 12, item 6): each candidate turns the bench's
 * 10,000 × 30 sheet (bench/data.ts, written by exceljs as bench/scorer.ts writes it) into the same
 * sparse cells (address → raw value), and the run prints, per candidate, the median time of five
 * reads and the child process's peak RSS. Each candidate runs in its own node process, so one's
 * garbage does not count against the next.
 *
 *   npx tsc -p tsconfig.bench.json && node build/bench/bench/reader-candidates.js [--short]
 *
 * Candidates: `saxes` (strict, namespace-aware when asked), `sax` (the older streaming parser),
 * each with and without namespace processing, and `reader`: src/cli/ooxml/read.ts as it stands
 * (the sheet reader the scorer uses, whatever tokenizer it is built on).
 *
 * Figures (2 vCPU shared with other jobs, load average ~6, node 20.20; 9.1 MB sheet part,
 * 320,064 cells), 2026-12-02:
 *   saxes 6.0.0 without namespaces  287 ms, peak RSS 105 MB
 *   saxes 6.0.0 with namespaces     558 ms, peak RSS 106 MB
 *   sax 1.6.1 without namespaces    631 ms, peak RSS 106 MB
 *   sax 1.6.1 with namespaces     1,735 ms, peak RSS 109 MB
 *   the hand-written scanner it replaced: 179 ms, peak RSS 174 MB (a dense grid; 860 lines)
 * Chosen: saxes without its namespace processing (local names matched; the workbook part, where a
 * prefix must be resolved for r:id, follows xmlns declarations itself): the fastest strict parser,
 * about twice sax. A later run (load ~7, 08:16 UTC), with the scorer's reader built on it (events
 * → sparse grid, values and formats): saxes 240 ms, saxes with namespaces 326 ms, sax 535 ms,
 * sax with namespaces 1,001 ms, the reader 396 ms (peak RSS 176 MB).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SHORT, median, nowMs, num } from './common';
import { scoringGrid } from './data';
import { ZipArchive } from '../src/cli/ooxml/zip';
import { readSheetXml } from '../src/cli/ooxml/read';

const UNITS = SHORT ? 1_000 : 10_000;
const FIELDS = 30;
const RUNS = SHORT ? 2 : 5;

/** What every candidate computes: the cell count and a checksum over addresses and values. */
interface Tally {
  cells: number;
  sum: number;
}

type Candidate = (xml: string) => Tally;

/** The event handlers every tokenizer drives: a cell's address, its value's text, its end. */
function cellCollector(): {
  open(name: string, attrs: (n: string) => string | undefined): void;
  text(t: string): void;
  close(name: string): void;
  tally: Tally;
} {
  const tally: Tally = { cells: 0, sum: 0 };
  let inValue = false;
  let ref = '';
  let value = '';
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  return {
    tally,
    open(name, attrs) {
      const l = local(name);
      if (l === 'c') {
        ref = attrs('r') ?? '';
        value = '';
      } else if (l === 'v' || l === 't') inValue = true;
    },
    text(t) {
      if (inValue) value += t;
    },
    close(name) {
      const l = local(name);
      if (l === 'v' || l === 't') inValue = false;
      else if (l === 'c') {
        tally.cells++;
        const n = Number(value);
        tally.sum += (Number.isFinite(n) ? n : value.length) + ref.length;
      }
    },
  };
}

function saxesCandidate(xmlns: boolean): Candidate {
  return (xml) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SaxesParser } = require('saxes') as typeof import('saxes');
    const c = cellCollector();
    const p = new SaxesParser({ xmlns });
    p.on('opentag', (node) => {
      const attrs = node.attributes as Record<string, string | { value: string }>;
      c.open(node.name, (n) => {
        const a = attrs[n];
        return a === undefined ? undefined : typeof a === 'string' ? a : a.value;
      });
    });
    p.on('text', (t) => c.text(t));
    p.on('closetag', (node) => c.close(node.name));
    p.write(xml).close();
    return c.tally;
  };
}

function saxCandidate(xmlns: boolean): Candidate {
  return (xml) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sax = require('sax') as {
      parser(
        strict: boolean,
        opts: object,
      ): { onopentag: unknown; ontext: unknown; onclosetag: unknown; write(s: string): { close(): void } };
    };
    const c = cellCollector();
    const p = sax.parser(true, { xmlns });
    p.onopentag = (node: { name: string; attributes: Record<string, string | { value: string }> }) =>
      c.open(node.name, (n) => {
        const a = node.attributes[n];
        return a === undefined ? undefined : typeof a === 'string' ? a : a.value;
      });
    p.ontext = (t: string) => c.text(t);
    p.onclosetag = (name: string) => c.close(name);
    p.write(xml).close();
    return c.tally;
  };
}

/** The scorer's own sheet reader over the same part. */
const readerCandidate: Candidate = (xml) => {
  const { grid } = readSheetXml(xml, [], { formatOf: () => null, isDate: () => false });
  const tally: Tally = { cells: 0, sum: 0 };
  grid.forEach((row) =>
    row.forEach((v) => {
      tally.cells++;
      tally.sum += typeof v === 'number' ? v : typeof v === 'string' ? v.length : 0;
    }),
  );
  return tally;
};

const CANDIDATES: Record<string, Candidate> = {
  'saxes (no namespaces)': saxesCandidate(false),
  'saxes (namespaces)': saxesCandidate(true),
  'sax (no namespaces)': saxCandidate(false),
  'sax (namespaces)': saxCandidate(true),
  'reader (src/cli/ooxml/read.ts)': readerCandidate,
};

/** In the child: read the part RUNS times with one candidate, print {ms, cells, sum}. */
function child(name: string, file: string): void {
  const xml = fs.readFileSync(file, 'utf8');
  const candidate = CANDIDATES[name];
  candidate(xml); // warm-up
  const times: number[] = [];
  let tally: Tally = { cells: 0, sum: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t0 = nowMs();
    tally = candidate(xml);
    times.push(nowMs() - t0);
  }
  process.stdout.write(
    JSON.stringify({ ms: median(times), ...tally, maxRssKb: process.resourceUsage().maxRSS }) + '\n',
  );
}

async function parent(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-reader-'));
  const book = path.join(dir, 'input.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  for (const row of scoringGrid(UNITS, FIELDS)) ws.addRow(row.map((v) => (v === null ? undefined : v)));
  await wb.xlsx.writeFile(book);
  const zip = ZipArchive.read(fs.readFileSync(book));
  const part = path.join(dir, 'sheet1.xml');
  fs.writeFileSync(part, zip.bytes('xl/worksheets/sheet1.xml'));
  const size = fs.statSync(part).size;
  console.log(
    `reader candidates, ${num(UNITS)} units × ${FIELDS} fields: sheet part ${num(size / 1024 / 1024, 1)} MB; node ${process.version}, median of ${RUNS} reads after a warm-up, peak RSS of the child process`,
  );
  // A child that only reads the file: what the process costs before any parsing.
  for (const name of Object.keys(CANDIDATES)) {
    const r = spawnSync(process.execPath, [__filename, '--candidate', name, part, ...(SHORT ? ['--short'] : [])], {
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      console.log(`${name}: failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const out = JSON.parse(r.stdout) as { ms: number; cells: number; sum: number; maxRssKb: number };
    console.log(
      `${name}: ${num(out.ms, 0)} ms, peak RSS ${num(out.maxRssKb / 1024, 0)} MB, ${num(out.cells)} cells (checksum ${num(out.sum, 2)})`,
    );
  }
  if (!process.env.PAR_BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
}

const at = process.argv.indexOf('--candidate');
if (at >= 0) child(process.argv[at + 1], process.argv[at + 2]);
else
  parent().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
