import type { Lang } from '../i18n/lang.js';
import { locale } from '../i18n/locale.js';
import { escapeHtml, inlineSvg } from './html.js';
import { REPORT_CSS } from './reportCss.js';

/** A table cell: text, or text with a link (relative, for files next to the report). */
export type ReportCell =
  | string
  | {
      readonly text: string;
      readonly href?: string;
      readonly strong?: boolean;
      /** Shown muted (e.g. an effect not distinguishable from zero). */
      readonly muted?: boolean;
      /** A colour swatch before the text (a strategy's chart colour), CSS hex. */
      readonly swatch?: string;
      /** A second line in smaller type (e.g. what a strategy is). */
      readonly note?: string;
    };

/** One piece of a report section. Text is always escaped; there is no raw-HTML block. */
export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A sentence that answers the report's question, set large above its table. */
  | { readonly kind: 'verdict'; readonly text: string }
  /** Terms and their explanations (a glossary). */
  | { readonly kind: 'terms'; readonly terms: readonly { readonly term: string; readonly text: string }[] }
  | {
      readonly kind: 'table';
      readonly caption?: string;
      /** Column headings; `numeric` columns are right-aligned with tabular figures. */
      readonly columns: readonly { readonly label: string; readonly numeric?: boolean }[];
      readonly rows: readonly (readonly ReportCell[])[];
      /** Long tables scroll on screen and print in full. */
      readonly scroll?: boolean;
      /** Extra class of the table (e.g. 'headline'). */
      readonly className?: string;
    }
  | {
      readonly kind: 'chart';
      /** File name stem in `charts/`; also the prefix of the inlined SVG's ids. */
      readonly name: string;
      readonly title: string;
      readonly svg: string;
      readonly caption?: string;
      /** Links under the chart (e.g. to its PNG, SVG and Vega-Lite files). */
      readonly links?: readonly { readonly href: string; readonly label: string }[];
    }
  | { readonly kind: 'code'; readonly text: string; readonly caption?: string }
  | {
      readonly kind: 'links';
      readonly links: readonly { readonly href: string; readonly label: string; readonly note?: string }[];
    };

export interface ReportSection {
  /** Anchor id (letters, digits, dashes). */
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly blocks: readonly ReportBlock[];
}

/**
 * A report page: runs and experiments build one of these and `htmlReport` turns it into
 * one self-contained HTML file (inline CSS, inline SVG, no scripts, nothing fetched).
 */
export interface HtmlReport {
  /** Language of the page (its `lang` attribute and the few words of the frame); default English. */
  readonly lang?: Lang;
  /** Page title and main heading. */
  readonly title: string;
  /** A short line under the heading (e.g. "kopsim run report"). */
  readonly kicker?: string;
  readonly description?: string;
  /** Shown prominently under the heading, e.g. "stopped early". */
  readonly warnings?: readonly { readonly title: string; readonly text: string }[];
  /** Key facts as a definition list: seed, version, months... */
  readonly facts?: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly ReportSection[];
  readonly footer?: string;
}

/** Renders a report as one self-contained HTML document. Deterministic: no clocks. */
export function htmlReport(doc: HtmlReport): string {
  const out: string[] = [];
  const lang = doc.lang ?? 'en';
  out.push(
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  );
  // Blocks every fetch the page might attempt: the report must work offline and leak nothing.
  out.push(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
  );
  out.push(`<title>${escapeHtml(doc.title)}</title>`, `<style>${REPORT_CSS}</style>`, '</head>', '<body>');
  out.push('<header class="page-head">');
  if (doc.kicker) out.push(`<p class="kicker">${escapeHtml(doc.kicker)}</p>`);
  out.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.description) out.push(`<p class="description">${escapeHtml(doc.description)}</p>`);
  for (const w of doc.warnings ?? [])
    out.push(`<div class="warning" role="alert"><strong>${escapeHtml(w.title)}</strong> ${escapeHtml(w.text)}</div>`);
  if (doc.facts && doc.facts.length > 0) {
    out.push('<dl class="facts">');
    for (const f of doc.facts) out.push(`<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`);
    out.push('</dl>');
  }
  if (doc.sections.length > 1) {
    out.push(`<nav class="toc" aria-label="${escapeHtml(locale(lang).t('report.contents'))}"><ol>`);
    for (const s of doc.sections) out.push(`<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`);
    out.push('</ol></nav>');
  }
  out.push('</header>', '<main>');
  for (const s of doc.sections) {
    out.push(`<section id="${escapeHtml(s.id)}">`, `<h2>${escapeHtml(s.title)}</h2>`);
    if (s.intro) out.push(`<p class="intro">${escapeHtml(s.intro)}</p>`);
    for (const b of s.blocks) out.push(block(b));
    out.push('</section>');
  }
  out.push('</main>');
  if (doc.footer) out.push(`<footer>${escapeHtml(doc.footer)}</footer>`);
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'verdict':
      return `<p class="verdict">${escapeHtml(b.text)}</p>`;
    case 'terms':
      return `<dl class="terms">${b.terms.map((t) => `<div><dt>${escapeHtml(t.term)}</dt><dd>${escapeHtml(t.text)}</dd></div>`).join('')}</dl>`;
    case 'code':
      return `${b.caption ? `<p class="code-caption">${escapeHtml(b.caption)}</p>` : ''}<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'links':
      return `<ul class="files">${b.links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>${l.note ? ` <span class="note">${escapeHtml(l.note)}</span>` : ''}</li>`).join('')}</ul>`;
    case 'chart': {
      const links =
        b.links && b.links.length > 0
          ? `<span class="chart-files">${b.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' · ')}</span>`
          : '';
      const caption =
        b.caption || links ? `<figcaption>${b.caption ? escapeHtml(b.caption) : ''}${links}</figcaption>` : '';
      return `<figure class="chart" id="chart-${escapeHtml(b.name)}">${inlineSvg(b.svg, b.name, b.title)}${caption}</figure>`;
    }
    case 'table': {
      const head = b.columns
        .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
        .join('');
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r.map((cell, i) => `<td${b.columns[i]?.numeric ? ' class="num"' : ''} data-label="${escapeHtml(b.columns[i]?.label ?? '')}">${cellHtml(cell)}</td>`).join('')}</tr>`,
        )
        .join('\n');
      const caption = b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : '';
      return `<div class="table-wrap${b.scroll ? ' scroll' : ''}"><table${b.className ? ` class="${escapeHtml(b.className)}"` : ''}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
    }
  }
}

function cellHtml(cell: ReportCell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  const text = escapeHtml(cell.text);
  const linked = cell.href ? `<a href="${escapeHtml(cell.href)}">${text}</a>` : text;
  const swatch = cell.swatch ? `<span class="swatch" style="background:${escapeHtml(cell.swatch)}"></span>` : '';
  const strong = cell.strong ? `<strong>${swatch}${linked}</strong>` : `${swatch}${linked}`;
  const inner = cell.muted ? `<span class="muted">${strong}</span>` : strong;
  return cell.note ? `${inner}<span class="cell-note">${escapeHtml(cell.note)}</span>` : inner;
}
