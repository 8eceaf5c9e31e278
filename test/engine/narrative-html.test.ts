/** The narrative as HTML for "copy as formatted text": escaped, headings without skipped levels, the administrative font. */
import { narrativeToHtml, type Narrative } from '../../src/engine';

const narrative: Narrative = {
  title: 'II. KẾT QUẢ <ĐÁNH GIÁ> & XẾP LOẠI',
  paragraphs: [
    { id: 'a', level: 2, text: '1. Kết quả' },
    { id: 'b', level: 0, text: 'Huyện "Tứ Kỳ" đạt 83,30%.' },
    { id: 'c', level: 3, text: '1.1. Cấp xã' },
    { id: 'd', level: 'bullet', text: 'Nhóm A' },
  ],
} as Narrative;

test('escaped text, the title as h1 and the levels used as h2, h3 (none skipped), Times New Roman in a well-formed style attribute', () => {
  const html = narrativeToHtml(narrative, 'vi');
  expect(html).toContain('<h1 ');
  expect(html).toContain('KẾT QUẢ &lt;ĐÁNH GIÁ&gt; &amp; XẾP LOẠI');
  expect(html).toMatch(/<h2 [^>]*>1\. Kết quả<\/h2>/);
  expect(html).toMatch(/<h3 [^>]*>1\.1\. Cấp xã<\/h3>/);
  expect(html).toContain('Huyện &quot;Tứ Kỳ&quot; đạt 83,30%.');
  expect(html).toContain('>- Nhóm A</p>');
  // Parsed as HTML, every element's style keeps the font (a stray double quote would cut it off).
  for (const m of html.matchAll(/style="([^"]*)"/g)) expect(m[1]).toContain("font-family:'Times New Roman',serif");
});
