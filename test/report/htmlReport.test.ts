import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineSvg } from '../../src/report/html.js';
import { htmlReport } from '../../src/report/htmlReport.js';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="300" height="100" viewBox="0 0 300 100"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';

describe('htmlReport (shared by run and experiment reports)', () => {
  it('escapes every piece of text, so a scenario name cannot inject markup', () => {
    const page = htmlReport({
      title: 'A <b>bold</b> & "quoted" scenario',
      description: "it's <script>alert(1)</script>",
      warnings: [{ title: 'Note', text: '<i>x</i>' }],
      facts: [{ label: 'seed', value: '<1>' }],
      sections: [
        {
          id: 'one',
          title: 'T & U',
          blocks: [
            {
              kind: 'table',
              columns: [{ label: '<th>' }, { label: 'n', numeric: true }],
              rows: [
                ['<td>', '1'],
                [
                  { text: 'link', href: 'a"b.csv' },
                  { text: '2', strong: true },
                ],
              ],
            },
          ],
        },
        {
          id: 'two',
          title: 'Code',
          blocks: [
            { kind: 'code', text: 'kopsim run --set a=<b>' },
            { kind: 'paragraph', text: '5 > 4' },
          ],
        },
      ],
    });
    expect(page).not.toContain('<b>bold</b>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; scenario</title>');
    expect(page).toContain('it&#39;s &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<a href="a&quot;b.csv">link</a>');
    expect(page).toContain('<td class="num" data-label="n"><strong>2</strong></td>');
    expect(page).toContain('<th scope="col" class="num">n</th>');
    expect(page).toContain('<pre><code>kopsim run --set a=&lt;b&gt;</code></pre>');
    expect(page).toContain('<nav class="toc"'); // more than one section: a table of contents
  });

  it('inlines a chart with ids and references prefixed, an accessible label and a common scale', () => {
    const out = inlineSvg(svg, 'gini', 'Gini & co');
    expect(out).toContain('id="gini-clip1"');
    expect(out).toContain('clip-path="url(#gini-clip1)"');
    expect(out).toContain('href="#gini-clip1"');
    expect(out).toContain('<svg role="img" aria-label="Gini &amp; co" data-chart="gini" style="width: 360px"');
    expect(out).toContain('class="marks chart-svg"');
    expect(out).toContain('<rect width="10" height="10"/>'); // inner widths untouched
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
