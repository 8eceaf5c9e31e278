/**
 * The cell formats (styles.xml `cellXfs`) the scorer's cells need, added to a workbook's own
 * styles part without touching what is there: every existing font, fill, border, number format
 * and xf keeps its index, so every cell the user formatted keeps its look. New entries are
 * appended, one per distinct look (memoised), and the section counts updated.
 */
import { attr, escapeAttr, isNameEnd, setAttr } from './xml';

export interface Alignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrapText?: boolean;
  indent?: number;
}

/** One look, relative to an existing cell format `from` (its font and border are kept). */
export interface Look {
  /** The cellXfs index to start from (a neighbouring cell's); 0, the workbook default, if absent. */
  from?: number;
  /** Keep `from`'s fill, number format and alignment too (a copy of that cell's look, changed only where said). */
  whole?: boolean;
  /** A number format code ('0.00%', '@', '0'); 'General' by default. */
  numFmt?: string;
  /** Bold, size and/or typeface on top of `from`'s font. */
  font?: { bold?: boolean; size?: number; name?: string };
  /** A solid fill, '#RRGGBB'. */
  fill?: string;
  /** A thin border of this colour ('#RRGGBB') on every side. */
  border?: string;
  /** Replaces the alignment (merged into `from`'s with `whole`). */
  alignment?: Alignment;
}

/** Excel's built-in number formats the scorer writes, by code. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

/** The elements under a styles.xml section, as text, and where the section sits. */
interface Section {
  name: string;
  items: string[];
  added: string[];
}

const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type SectionName = (typeof SECTION_ORDER)[number];
const CHILD: Record<SectionName, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
};

/** The child elements `<tag …/>` or `<tag …>…</tag>` of a section's inner XML, as text. */
function children(inner: string, tag: string): string[] {
  const out: string[] = [];
  const open = `<${tag}`;
  let i = 0;
  for (;;) {
    const start = inner.indexOf(open, i);
    if (start < 0) break;
    // `<font` must not match `<fontX`: the name ends at whitespace, '/' or '>'.
    if (!isNameEnd(inner.charCodeAt(start + open.length))) {
      i = start + open.length;
      continue;
    }
    const tagEnd = inner.indexOf('>', start);
    if (inner[tagEnd - 1] === '/') {
      out.push(inner.slice(start, tagEnd + 1));
      i = tagEnd + 1;
      continue;
    }
    const close = `</${tag}>`;
    // Children of the same name do not nest in these sections.
    const end = inner.indexOf(close, tagEnd);
    out.push(inner.slice(start, end + close.length));
    i = end + close.length;
  }
  return out;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function alignmentXml(a: Alignment): string {
  let s = '<alignment';
  if (a.horizontal) s += ` horizontal="${a.horizontal}"`;
  if (a.vertical) s += ` vertical="${a.vertical}"`;
  if (a.wrapText) s += ' wrapText="1"';
  if (a.indent) s += ` indent="${a.indent}"`;
  return `${s}/>`;
}

function alignmentOf(xf: string): Alignment {
  const m = /<alignment\b[^>]*>/.exec(xf);
  if (!m) return {};
  const a: Alignment = {};
  const h = attr(m[0], 'horizontal');
  const v = attr(m[0], 'vertical');
  if (h === 'left' || h === 'center' || h === 'right') a.horizontal = h;
  if (v === 'top' || v === 'center' || v === 'bottom') a.vertical = v;
  const wrap = attr(m[0], 'wrapText');
  if (wrap === '1' || wrap === 'true') a.wrapText = true;
  const indent = Number(attr(m[0], 'indent') ?? '0');
  if (indent > 0) a.indent = indent;
  return a;
}

function rgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** A font with its child `<name …/>` set to `element` (replaced, or added before `</font>`). */
function setFontChild(font: string, name: string, element: string): string {
  const re = new RegExp(`<${name}\\b[^>]*/>`);
  return re.test(font) ? font.replace(re, element) : font.replace('</font>', `${element}</font>`);
}

/** A thin border of one colour on every side. */
function borderXml(color: string): string {
  return `<border>${['left', 'right', 'top', 'bottom'].map((side) => `<${side} style="thin"><color rgb="${rgb(color)}"/></${side}>`).join('')}<diagonal/></border>`;
}

/** A cellXfs `<xf>` from its parts' indexes, the cell style it derives from, its alignment and protection. */
function xfXml(
  ids: { numFmtId: number; fontId: number; fillId: number; borderId: number },
  xfId: string,
  alignment: Alignment,
  protection: string,
): string {
  const { numFmtId, fontId, fillId, borderId } = ids;
  const hasAlignment = Object.keys(alignment).length > 0;
  let tag = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="${xfId}"`;
  if (numFmtId !== 0) tag += ' applyNumberFormat="1"';
  if (fontId !== 0) tag += ' applyFont="1"';
  if (fillId !== 0) tag += ' applyFill="1"';
  if (borderId !== 0) tag += ' applyBorder="1"';
  if (hasAlignment) tag += ' applyAlignment="1"';
  if (protection) tag += ' applyProtection="1"';
  const body = (hasAlignment ? alignmentXml(alignment) : '') + protection;
  return body ? `${tag}>${body}</xf>` : `${tag}/>`;
}

/** The workbook's styles part, with the looks the scorer asks for added. */
export class StyleBook {
  private readonly xml: string;
  private readonly sections = new Map<SectionName, Section>();
  private readonly memo = new Map<string, number>();

  constructor(stylesXml: string | null) {
    this.xml = stylesXml ?? MINIMAL_STYLES;
    for (const name of SECTION_ORDER) {
      const inner = this.inner(name);
      this.sections.set(name, { name, items: inner === null ? [] : children(inner, CHILD[name]), added: [] });
    }
    if (this.section('cellXfs').items.length === 0)
      this.section('cellXfs').added.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    if (this.section('fonts').items.length === 0)
      this.section('fonts').added.push('<font><sz val="11"/><name val="Calibri"/></font>');
    if (this.section('fills').items.length === 0)
      this.section('fills').added.push(
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
      );
    if (this.section('borders').items.length === 0)
      this.section('borders').added.push('<border><left/><right/><top/><bottom/><diagonal/></border>');
  }

  /** Whether any look was added (the styles part must be written back). */
  get changed(): boolean {
    return SECTION_ORDER.some((n) => this.section(n).added.length > 0);
  }

  private section(name: SectionName): Section {
    return this.sections.get(name) as Section;
  }

  /** The inner XML of `<name …>…</name>`, '' for `<name/>`, null when absent. */
  private inner(name: string): string | null {
    const m = new RegExp(`<${name}\\b[^>]*?(/>|>)`).exec(this.xml);
    if (!m) return null;
    if (m[1] === '/>') return '';
    const start = m.index + m[0].length;
    const end = this.xml.indexOf(`</${name}>`, start);
    return end < 0 ? '' : this.xml.slice(start, end);
  }

  private all(name: SectionName): string[] {
    const s = this.section(name);
    return s.added.length === 0 ? s.items : [...s.items, ...s.added];
  }

  private add(name: SectionName, item: string): number {
    const s = this.section(name);
    const known = s.items.indexOf(item);
    if (known >= 0) return known;
    const added = s.added.indexOf(item);
    if (added >= 0) return s.items.length + added;
    s.added.push(item);
    return s.items.length + s.added.length - 1;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let max = 163;
    for (const f of this.all('numFmts')) {
      const id = Number(attr(f, 'numFmtId'));
      if (attr(f, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    this.section('numFmts').added.push(`<numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
    return max + 1;
  }

  private xfAt(index: number): string {
    const xfs = this.all('cellXfs');
    return xfs[index] ?? xfs[0];
  }

  /** The fonts index of `fontId`'s font changed as `look` says (added when new). */
  private fontFor(fontId: number, look: NonNullable<Look['font']>): number {
    let font = this.all('fonts')[fontId] ?? this.all('fonts')[0];
    if (/^<font\b[^>]*\/>$/.test(font)) font = '<font></font>';
    if (look.bold && !/<b\s*\/>|<b\s+val="(1|true)"\s*\/>/.test(font))
      font = font.replace(/<b\b[^>]*\/>/, '').replace(/^<font\b[^>]*>/, (open) => `${open}<b/>`);
    if (look.size !== undefined) font = setFontChild(font, 'sz', `<sz val="${look.size}"/>`);
    if (look.name !== undefined) {
      // A theme font (<scheme>) would win over the name in Excel; the family follows the name.
      font = setFontChild(
        font.replace(/<(scheme|family)\b[^>]*\/>/g, ''),
        'name',
        `<name val="${escapeAttr(look.name)}"/>`,
      );
    }
    return this.add('fonts', font === '<font></font>' ? '<font/>' : font);
  }

  /** The font size (points) of a cell format, 11 when its font does not say. */
  fontSize(xfIndex: number): number {
    const font = this.all('fonts')[Number(attr(this.xfAt(xfIndex), 'fontId') ?? '0')] ?? '';
    const sz = /<sz\b[^>]*>/.exec(font);
    const size = sz ? Number(attr(sz[0], 'val')) : NaN;
    return Number.isFinite(size) && size > 0 ? size : 11;
  }

  /** The number format, font, fill and border indexes of a look on top of the cell format `base`. */
  private partIds(look: Look, base: string): { numFmtId: number; fontId: number; fillId: number; borderId: number } {
    const num = (name: string) => Number(attr(base, name) ?? '0');
    return {
      numFmtId: look.numFmt !== undefined ? this.numFmtId(look.numFmt) : look.whole ? num('numFmtId') : 0,
      fontId: look.font ? this.fontFor(num('fontId'), look.font) : num('fontId'),
      fillId: look.fill
        ? this.add(
            'fills',
            `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(look.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
          )
        : look.whole
          ? num('fillId')
          : 0,
      borderId: look.border ? this.add('borders', borderXml(look.border)) : num('borderId'),
    };
  }

  /** The cellXfs index of a look (added on first use). */
  xf(look: Look): number {
    const key = JSON.stringify(look);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const base = this.xfAt(look.from ?? 0);
    const ids = this.partIds(look, base);
    const alignment = look.whole ? { ...alignmentOf(base), ...(look.alignment ?? {}) } : (look.alignment ?? {});
    const protection = look.whole ? (/<protection\b[^>]*\/>/.exec(base)?.[0] ?? '') : '';
    const index = this.add('cellXfs', xfXml(ids, attr(base, 'xfId') ?? '0', alignment, protection));
    this.memo.set(key, index);
    return index;
  }

  /** The styles part with the added looks. */
  toXml(): string {
    let xml = this.xml;
    // Sections in reverse order, so earlier offsets stay valid while later ones are rewritten.
    for (const name of [...SECTION_ORDER].reverse()) {
      const s = this.section(name);
      if (s.added.length === 0) continue;
      const count = s.items.length + s.added.length;
      const m = new RegExp(`<${name}\\b[^>]*?(/>|>)`).exec(xml);
      if (m) {
        const openTag = m[1] === '/>' ? `${m[0].slice(0, -2)}>` : m[0];
        const start = m.index;
        const innerStart = m.index + m[0].length;
        const end = m[1] === '/>' ? innerStart : xml.indexOf(`</${name}>`, innerStart);
        const inner = m[1] === '/>' ? '' : xml.slice(innerStart, end);
        const rebuilt = `${setAttr(openTag, 'count', String(count))}${inner}${s.added.join('')}</${name}>`;
        xml = xml.slice(0, start) + rebuilt + xml.slice(m[1] === '/>' ? innerStart : end + `</${name}>`.length);
      } else {
        // Insert before the first section that follows it in the schema's order, else after the root's start tag.
        const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
        const after = ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
        let at = -1;
        for (const next of [...later, ...after]) {
          const n = new RegExp(`<${next}\\b`).exec(xml);
          if (n) {
            at = n.index;
            break;
          }
        }
        if (at < 0) at = xml.indexOf('</styleSheet>');
        xml = `${xml.slice(0, at)}<${name} count="${count}">${s.added.join('')}</${name}>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
