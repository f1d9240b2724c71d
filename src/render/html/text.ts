/** Text in HTML: escaping, runs (bold, links to anchors of the same document), paragraphs, titles and headings. */
import type { CellContent, HeadingBlock, RichText, TitleBlock } from '../../layout/layout.js';

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** An anchor of the Layout (role:cs-manager, department:1) as an HTML id: letters, digits, dashes and underscores only. */
export const anchorId = (anchor: string): string => escapeHtml(anchor.replace(/[^A-Za-z0-9_-]/g, '-'));

/** A link to an anchor of the same document. */
export const anchorHref = (anchor: string): string => `#${anchorId(anchor)}`;

/** Text with its line breaks kept (a "\n" in a value is a soft break, as in the other formats). */
const withBreaks = (text: string): string => escapeHtml(text).replaceAll('\n', '<br>');

export function runsHtml(text: RichText): string {
  return text
    .map((run) => {
      const inner = run.bold ? `<strong>${withBreaks(run.text)}</strong>` : withBreaks(run.text);
      return run.link === undefined ? inner : `<a href="${anchorHref(run.link)}">${inner}</a>`;
    })
    .join('');
}

export const paragraphHtml = (text: RichText, className?: string): string => `<p${className ? ` class="${className}"` : ''}>${runsHtml(text)}</p>`;

/** A cell's paragraphs: one as plain content, several as paragraphs. */
export function cellContentHtml(content: CellContent): string {
  return content.length === 1 ? runsHtml(content[0] ?? []) : content.map((paragraph) => paragraphHtml(paragraph)).join('');
}

/** The heading element for a depth of the outline: h1 for a document's title, one deeper for each level. */
const headingTag = (depth: number): string => `h${Math.min(6, Math.max(1, depth + 1))}`;

export function titleHtml(block: TitleBlock): string {
  const tag = headingTag(block.outline ?? 0);
  return `<${tag} class="title"${block.anchor === undefined ? '' : ` id="${anchorId(block.anchor)}"`}>${escapeHtml(block.text)}</${tag}>`;
}

export function headingHtml(block: HeadingBlock): string {
  const tag = headingTag(block.outline ?? block.level);
  return `<${tag} class="heading${block.level}"${block.anchor === undefined ? '' : ` id="${anchorId(block.anchor)}"`}>${escapeHtml(block.text)}</${tag}>`;
}
