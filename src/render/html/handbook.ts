/** The handbook's own blocks: the cover and the contents, every entry a link. */
import type { ContentsBlock, CoverBlock } from '../../layout/layout.js';
import { imageHtml } from './page-furniture.js';
import { anchorHref, escapeHtml } from './text.js';

export function coverHtml(block: CoverBlock): string {
  const logo = block.logo ? `<p class="cover-logo">${imageHtml(block.logo)}</p>` : '';
  return `<section class="cover">${logo}<p class="cover-title">${escapeHtml(block.title)}</p>${block.lines.map((line) => `<p class="cover-line">${escapeHtml(line)}</p>`).join('')}</section>`;
}

export function contentsHtml(block: ContentsBlock): string {
  const entries = block.entries.map((entry) => `<li class="depth${entry.depth}"><a href="${anchorHref(entry.anchor)}">${escapeHtml(entry.text)}</a></li>`);
  return `<nav class="contents" aria-label="${escapeHtml(block.title)}"><p class="contents-title">${escapeHtml(block.title)}</p><ol>${entries.join('')}</ol></nav>`;
}
