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
.table-wrap { overflow-x: auto; margin: 12px 0 20px; }
.table-wrap.scroll { max-height: 26em; overflow-y: auto; border: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--band); position: sticky; top: 0; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
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
@media (max-width: 640px) { body { font-size: 15px; } h1 { font-size: 24px; } .page-head, main, footer { padding: 0 12px; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  .page-head, main, footer { max-width: none; padding: 0; }
  .toc, .chart-files { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18pt; }
  figure.chart, .warning, .facts, pre, tr { break-inside: avoid; page-break-inside: avoid; }
  figure.chart { border: none; padding: 0; }
  .table-wrap, .table-wrap.scroll { max-height: none; overflow: visible; border: none; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
  ul.files a::after { content: " (" attr(href) ")"; color: var(--muted); }
  pre { background: none; color: var(--ink); border: 1px solid var(--line); white-space: pre-wrap; }
}
`;
