/**
 * The narrative as a Word document, shared by the CLI (--report x.docx) and the task pane ("Tải về
 * .docx"): set as Vietnamese administrative documents are (Decree 30/2020/NĐ-CP): Times New Roman
 * 13 pt, A4, justified body, headings as Word headings (so they show in the navigation pane), list
 * items as list paragraphs, page numbers centred at the top from page 2. Imports the engine and the
 * docx package only; each shell packs it (a Buffer in Node, a Blob in the pane) and loads it lazily.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Header,
  LevelFormat,
  PageNumber,
  Packer,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';
import { A4_MM, ND30_MARGINS_MM, PRINT_FONT, type Lang, type Narrative } from '../engine';

/** Font and size of the body (half-points: 26 = 13 pt). */
export const DOCX_FONT = PRINT_FONT;
export const DOCX_SIZE = 26;
const BULLETS = 'report-bullets';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A paragraph of the narrative: a heading, a justified body paragraph (first line indented) or a list item. */
function narrativeParagraph(p: Narrative['paragraphs'][number]): Paragraph {
  const children = [new TextRun(p.text)];
  if (p.level === 'bullet') {
    return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, alignment: AlignmentType.JUSTIFIED, children });
  }
  if (p.level === 0) {
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: convertMillimetersToTwip(10) },
      children,
    });
  }
  return new Paragraph({ heading: HEADINGS[p.level], children });
}

/** Styles: Times New Roman 13 pt in the document's language, bold black headings. */
function documentStyles(lang: Lang) {
  const heading = (size: number) => ({
    run: { font: DOCX_FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 120, after: 120 } },
  });
  return {
    default: {
      document: {
        run: { font: DOCX_FONT, size: DOCX_SIZE, language: { value: lang === 'vi' ? 'vi-VN' : 'en-US' } },
        paragraph: { spacing: { after: 120, line: 288 } },
      },
      heading1: heading(28),
      heading2: heading(DOCX_SIZE),
      heading3: heading(DOCX_SIZE),
    },
  };
}

/** List items as "-" bullets, hanging under the body's first-line indent. */
const BULLET_NUMBERING = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '-',
          alignment: AlignmentType.LEFT,
          style: {
            paragraph: { indent: { left: convertMillimetersToTwip(10), hanging: convertMillimetersToTwip(5) } },
          },
        },
      ],
    },
  ],
};

/** The page: A4, Decree 30/2020 margins (src/engine/print-setup.ts, shared with the report sheet), numbers from page 2. */
function pageSection(children: Paragraph[]) {
  return {
    // Page numbers centred at the top from the second page on, as Decree 30/2020/NĐ-CP asks:
    // the first page has a header of its own (titlePage), left empty.
    headers: {
      first: new Header({ children: [] }),
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT] })],
          }),
        ],
      }),
    },
    properties: {
      titlePage: true,
      page: {
        size: { width: convertMillimetersToTwip(A4_MM.width), height: convertMillimetersToTwip(A4_MM.height) },
        margin: {
          top: convertMillimetersToTwip(ND30_MARGINS_MM.top),
          bottom: convertMillimetersToTwip(ND30_MARGINS_MM.bottom),
          left: convertMillimetersToTwip(ND30_MARGINS_MM.left),
          right: convertMillimetersToTwip(ND30_MARGINS_MM.right),
        },
      },
    },
    children,
  };
}

/** The narrative as a Word document model (docx's Document: pack it with Packer). */
export function narrativeDocument(n: Narrative, lang: Lang): Document {
  const title = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    children: [new TextRun(n.title)],
  });
  return new Document({
    creator: 'par-index-scorer',
    title: n.title,
    styles: documentStyles(lang),
    numbering: BULLET_NUMBERING,
    sections: [pageSection([title, ...n.paragraphs.map(narrativeParagraph)])],
  });
}

/** The .docx as a Blob (the pane's download). */
export function narrativeDocxBlob(n: Narrative, lang: Lang): Promise<Blob> {
  return Packer.toBlob(narrativeDocument(n, lang));
}

/** The .docx's bytes (the CLI's file). */
export function narrativeDocxBuffer(n: Narrative, lang: Lang): Promise<Buffer> {
  return Packer.toBuffer(narrativeDocument(n, lang));
}
