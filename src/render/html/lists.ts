/** A numbered list: an ordered list whose labels are the template's own (1. / 一、 / （1）/ ①), the same as in Word and PDF. */
import type { ListBlock } from '../../layout/layout.js';
import { inlineLabel } from '../../layout/numbering.js';
import { escapeHtml, runsHtml } from './text.js';

export function listHtml(block: ListBlock): string {
  const bulleted = block.numbering === '•';
  const tag = bulleted ? 'ul' : 'ol';
  const items = block.items.map((item, index) => `<li><span class="label" aria-hidden="true">${escapeHtml(inlineLabel(block.numbering, index).trim())}</span>${runsHtml(item)}</li>`);
  return `<${tag} class="list">${items.join('')}</${tag}>`;
}
