import fs from 'node:fs';
import path from 'node:path';

const html = fs.readFileSync(path.resolve(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
const directives = new Map(
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0])
    .map(([name, ...sources]) => [name, sources]),
);

test('the task pane page has a Content Security Policy', () => {
  expect(csp).not.toBe('');
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
});

test('scripts come only from the add-in itself and Office.js hosts; nothing else is reachable off-host', () => {
  expect(directives.get('script-src')).toEqual([
    "'self'",
    'https://appsforoffice.microsoft.com',
    'https://ajax.aspnetcdn.com',
  ]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  for (const [name, sources] of directives) {
    for (const s of sources) {
      const allowed = [
        "'self'",
        "'none'",
        'data:',
        "'unsafe-inline'",
        'https://appsforoffice.microsoft.com',
        'https://ajax.aspnetcdn.com',
      ];
      expect({ directive: name, source: s, allowed: allowed.includes(s) }).toEqual({
        directive: name,
        source: s,
        allowed: true,
      });
    }
  }
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
});

test("Office.js is loaded from Microsoft's CDN, in <head>, as a released add-in must", () => {
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).toContain(
    '<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
  );
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});
