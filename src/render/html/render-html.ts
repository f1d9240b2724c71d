/**
 * Layout → one self-contained HTML file: semantic elements (headings, lists, tables with header
 * cells, links between roles, org charts as inline SVG), styled from the template — fonts,
 * colours, grid or rows, spacing — with print CSS that lays it out on the template's pages, header
 * and footer included. Nothing is fetched: no fonts, scripts or images from elsewhere. The same
 * Layout gives the same bytes.
 */
import type { Layout, LayoutStyle, PageSetup } from '../../layout/layout.js';
import { blocksHtml } from './blocks.js';
import { ColumnWidths } from './tables.js';
import { cssString, marginBoxesCss, screenHeaderHtml } from './page-furniture.js';
import { escapeHtml } from './text.js';

function fontStack(latin: string, eastAsia: string): string {
  // The template's fonts first, then what a machine has for Chinese when it lacks them.
  return [cssString(latin), cssString(eastAsia), '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'].join(',');
}

/** @param cover the first page is a cover: no header or footer on it. */
function css(style: LayoutStyle, page: PageSetup, margins: string, cover: boolean): string {
  const c = style.colors;
  const body = fontStack(style.fonts.body.latin, style.fonts.body.eastAsia);
  const heading = fontStack(style.fonts.heading.latin, style.fonts.heading.eastAsia);
  const cellBorder = style.tableStyle === 'grid' ? `border:0.75pt solid #${c.border}` : `border:0;border-bottom:0.5pt solid #${c.border}`;
  const m = page.margins;
  return [
    `:root{color:#${c.text};font-family:${body};font-size:${style.sizes.body}pt;line-height:${style.lineHeight}}`,
    `body{margin:0;background:#eceff1}`,
    `main{box-sizing:border-box;width:${page.width}pt;max-width:100%;margin:16pt auto;padding:${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt;background:#fff;box-shadow:0 1pt 4pt rgba(0,0,0,.2)}`,
    `h1,h2,h3,h4,h5,h6{font-family:${heading};color:#${c.heading};margin:${style.blockSpacing * 1.5}pt 0 ${style.blockSpacing}pt;break-after:avoid}`,
    `.title{font-size:${style.sizes.title}pt;text-align:${style.titleAlign}}`,
    `.heading1{font-size:${style.sizes.heading1}pt${style.headingRule ? `;border-bottom:0.75pt solid #${c.accent};padding-bottom:2pt` : ''}}`,
    `.heading2{font-size:${style.sizes.heading2}pt}`,
    `p{margin:0 0 ${style.blockSpacing}pt;text-align:justify}`,
    `a{color:#${c.link};text-decoration:none}a:hover{text-decoration:underline}`,
    `.list{margin:0 0 ${style.blockSpacing}pt;padding:0;list-style:none}.list li{display:flex;gap:0.4em}.list .label{flex:none;min-width:1.6em}`,
    `table{width:100%;border-collapse:collapse;margin:0 0 ${style.blockSpacing}pt;font-size:${style.sizes.table}pt;table-layout:fixed}`,
    `th,td{${cellBorder};padding:3pt 5pt;vertical-align:top;text-align:left;overflow-wrap:anywhere}`,
    `th{font-weight:bold}.field-grid th,th.shaded,thead th{background:#${c.labelFill};text-align:center;vertical-align:middle}`,
    `td.bold{font-weight:bold}td p{margin:0}thead{display:table-header-group}tr{break-inside:auto}`,
    `.cover{min-height:${page.height - m.top - m.bottom}pt;display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center}`,
    `.cover-title{font-family:${heading};font-size:${style.sizes.title * 1.6}pt;font-weight:bold;margin-bottom:${style.blockSpacing * 3}pt;text-align:center}.cover-line{text-align:center}`,
    `.contents ol{list-style:none;padding:0}.contents .depth1{padding-left:2em}.contents-title{font-family:${heading};font-size:${style.sizes.heading1}pt;font-weight:bold}`,
    `.org-chart{margin:0 0 ${style.blockSpacing}pt}.org-chart svg{max-width:100%;height:auto}`,
    `.box{fill:#fff;stroke:#${c.border};stroke-width:0.75}.box.plain{stroke-dasharray:3 2}.edge{fill:none;stroke:#${c.border};stroke-width:0.75}`,
    `.box-text{font-size:10.5px;text-anchor:middle;fill:#${c.text}}.box-detail{font-size:9px;text-anchor:middle;fill:#${c.text}}a .box-text{fill:#${c.link}}`,
    `.chart-caption{font-size:${style.sizes.footer}pt}`,
    `.path{display:flex;flex-wrap:wrap;align-items:center;gap:0.3em 0;list-style:none;padding:0;margin:0 0 ${style.blockSpacing}pt}`,
    `.path li+li::before{content:"→";margin:0 0.5em;color:#${c.border}}.step{display:inline-block;border:0.75pt solid #${c.border};padding:2pt 6pt}.step.plain{border-style:dashed}`,
    `.page-header{display:flex;justify-content:space-between;align-items:center;gap:1em;font-size:${style.sizes.footer}pt;border-bottom:0.5pt solid #${c.border};margin-bottom:${style.blockSpacing}pt}.page-header img{height:1.6em;width:auto}`,
    `@page{size:${page.width}pt ${page.height}pt;margin:${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt;${margins}}`,
    ...(cover ? ['@page :first{@top-left{content:none}@top-center{content:none}@top-right{content:none}@bottom-left{content:none}@bottom-center{content:none}@bottom-right{content:none}}'] : []),
    `@media print{body{background:none}main{width:auto;margin:0;padding:0;box-shadow:none}.page-header{display:none}.page-break{break-before:page}a{color:inherit}}`,
  ].join('\n');
}

export function renderHtml(layout: Layout, options: { readonly createdAt: Date }): Uint8Array {
  const { meta, style, page } = layout;
  const widths = new ColumnWidths();
  const body = `${screenHeaderHtml(layout.header?.text, layout.header?.logo)}\n${blocksHtml(layout.blocks, widths)}`;
  const styles = `${css(style, page, marginBoxesCss(layout.header?.text, layout.footer), layout.blocks[0]?.kind === 'cover')}\n${widths.css()}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    '<meta name="generator" content="roledoc">',
    ...(meta.author === '' ? [] : [`<meta name="author" content="${escapeHtml(meta.author)}">`]),
    `<meta name="keywords" content="${escapeHtml(meta.keywords.join(', '))}">`,
    `<meta name="description" content="${escapeHtml(meta.subject)}">`,
    `<meta name="dcterms.created" content="${options.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}">`,
    ...(meta.roleIds === undefined ? [] : [`<meta name="roledoc.roles" content="${escapeHtml(meta.roleIds.join(' '))}">`]),
    `<style>\n${styles}\n</style>`,
  ];
  const html = `<!DOCTYPE html>\n<html lang="${escapeHtml(meta.lang)}">\n<head>\n${head.join('\n')}\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
  return new TextEncoder().encode(html);
}
