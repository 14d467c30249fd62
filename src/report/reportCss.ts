/**
 * The stylesheet of every HTML report, inlined so the file works offline. Sized for a
 * laptop screen (one readable column, charts scaled to fit), with print rules that keep
 * charts and tables whole and drop navigation.
 */
export const REPORT_CSS = `
:root { --ink: #1d232a; --muted: #5b6570; --line: #d9dee3; --band: #f5f7f9; --accent: #2f5f8a; --warn-bg: #fff4e5; --warn: #b35900; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.page-head, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
.page-head { padding-top: 28px; }
.kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 13px; }
h1 { margin: 4px 0 8px; font-size: 30px; line-height: 1.2; }
h2 { margin: 40px 0 12px; padding-top: 8px; border-top: 2px solid var(--ink); font-size: 22px; }
.description { margin: 0 0 16px; max-width: 46em; color: #2f3840; }
.intro { color: var(--muted); max-width: 46em; }
.warning { margin: 16px 0; padding: 12px 16px; border-left: 6px solid var(--warn); background: var(--warn-bg); font-size: 17px; }
.warning strong { color: var(--warn); text-transform: uppercase; letter-spacing: .03em; margin-right: .4em; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px 24px; margin: 16px 0; padding: 12px 16px; background: var(--band); border-radius: 6px; }
.facts div { min-width: 0; }
.facts dt { color: var(--muted); font-size: 13px; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.toc ol { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 15px; }
a { color: var(--accent); }
.table-wrap { margin: 12px 0 20px; max-width: 100%; }
/* tables never scroll sideways: cells wrap (long words too), and below 720px rows stack */
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #8a939c; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .4em; border-radius: 2px; vertical-align: -.05em; }
.cell-note { display: block; margin-top: 2px; color: var(--muted); font-size: 13px; font-weight: normal; max-width: 32em; }
.verdict { margin: 8px 0 12px; padding: 12px 16px; border-left: 6px solid var(--accent); background: #eef4f9; font-size: 19px; line-height: 1.4; max-width: 46em; }
table.headline { font-size: 15px; }
table.headline td:nth-child(2) { min-width: 15em; width: 30%; }
table.headline td.num .cell-note { font-size: 12px; }
.terms { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px 24px; margin: 12px 0; }
.terms div { min-width: 0; }
.terms dt { font-weight: 600; }
.terms dd { margin: 2px 0 0; color: #2f3840; }
figure.chart { margin: 20px 0 28px; padding: 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
/* each chart carries its width (1.2x its drawn size, the same for all): at most the column */
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
/* the SVGs name DejaVu Sans (the font their PNGs use); fall back to a similar wide sans */
figure.chart svg text { font-family: "DejaVu Sans", "Bitstream Vera Sans", Verdana, sans-serif; }
figcaption { margin-top: 8px; color: var(--muted); font-size: 14px; }
.chart-files { margin-left: .6em; white-space: nowrap; }
figcaption .chart-files:first-child { margin-left: 0; }
pre { margin: 8px 0 16px; padding: 12px 14px; background: #1d232a; color: #f3f5f7; border-radius: 6px; overflow-x: auto; font-size: 14px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.code-caption { margin-bottom: 4px; }
ul.files { padding-left: 1.2em; }
ul.files .note { color: var(--muted); }
footer { margin-top: 40px; padding-bottom: 32px; color: var(--muted); font-size: 13px; }
footer::before { content: ""; display: block; margin-bottom: 12px; border-top: 1px solid var(--line); }
@media (max-width: 640px) { body { font-size: 15px; } h1 { font-size: 24px; } .page-head, main, footer { padding: 0 12px; } .verdict { font-size: 17px; } }
/* narrow screens: every row becomes a card of "column: value" lines */
@media screen and (max-width: 720px) {
  table, thead, tbody, tr, th, td, caption { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tbody tr { margin: 0 0 10px; border: 1px solid var(--line); border-radius: 6px; }
  tbody tr:nth-child(even) td { background: none; }
  td { display: grid; grid-template-columns: minmax(0, 40%) minmax(0, 1fr); gap: 8px; text-align: left; border-bottom: 1px solid #eef0f2; }
  td.num, table.headline td.num { text-align: left; white-space: normal; }
  td::before { content: attr(data-label); color: var(--muted); font-size: 13px; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  .page-head, main, footer { max-width: none; padding: 0; }
  .toc, .chart-files { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18pt; }
  figure.chart, .warning, .facts, pre, tr { break-inside: avoid; page-break-inside: avoid; }
  figure.chart { border: none; padding: 0; }
  .table-wrap, .table-wrap.scroll { max-height: none; overflow: visible; border: none; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 4px; }
  table.headline td.num { white-space: normal; }
  .verdict { font-size: 13pt; }
  a { color: inherit; text-decoration: none; }
  ul.files a::after { content: " (" attr(href) ")"; color: var(--muted); }
  pre { background: none; color: var(--ink); border: 1px solid var(--line); white-space: pre-wrap; }
}
`;
