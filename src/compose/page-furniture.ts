/**
 * What every page carries besides its content: the running header (text and logo) and the footer,
 * from the template's header/footer text with its {placeholders} filled in. Pure.
 */
import type { Layout, PageSetup, PageText, PageTextPart, PlacedImage } from '../layout/layout.js';
import type { Locale } from '../locale/locale.js';
import type { LogoImage, PageTextPlaceholder, PageTextSpec, Template } from '../model/template.js';
import { headerLogoRoom } from '../layout/geometry.js';
import { POINTS_PER_MM } from './style.js';

/** The words the placeholders stand for; {page} and {pages} are filled in by the reader's page. */
export type PageTextValues = Readonly<Record<Exclude<PageTextPlaceholder, 'page' | 'pages'>, string>>;

/** The footer when the template sets none: the locale's 第 {page} 页 / 共 {pages} 页, centred. */
function defaultFooter(locale: Locale): PageTextSpec {
  return { center: locale.pageFooter };
}

/** One position's text as parts: words with their placeholders filled, page fields kept as fields. */
function partsOf(text: string | undefined, values: PageTextValues): PageTextPart[] {
  if (text === undefined) return [];
  const parts: PageTextPart[] = [];
  const pieces = text.split(/(\{page\}|\{pages\})/);
  pieces.forEach((piece, index) => {
    if (piece === '{page}' || piece === '{pages}') {
      parts.push({ field: piece === '{page}' ? 'page' : 'pages' });
      return;
    }
    let words = piece.replace(/\{(title|role|department|organization)\}/g, (_, name: keyof PageTextValues) => values[name]);
    // An empty {organization} must not leave the other words off-centre.
    if (index === 0) words = words.trimStart();
    if (index === pieces.length - 1) words = words.trimEnd();
    if (words !== '') parts.push({ text: words });
  });
  return parts;
}

function pageText(spec: PageTextSpec, values: PageTextValues): PageText {
  return { left: partsOf(spec.left, values), center: partsOf(spec.center, values), right: partsOf(spec.right, values) };
}

const isEmpty = (text: PageText): boolean => text.left.length + text.center.length + text.right.length === 0;

/** A logo `heightMm` tall, as wide as its proportions make it, but never larger than `room` (points). */
export function placedLogo(logo: LogoImage, heightMm: number, room: { readonly width: number; readonly height: number }): PlacedImage {
  const round = (value: number): number => Math.round(value * 100) / 100;
  const tall = heightMm * POINTS_PER_MM;
  const wide = (tall * logo.widthPx) / logo.heightPx;
  // A logo too big for its place is made smaller, never stretched or cut.
  const scale = Math.min(1, room.width / wide, room.height / tall);
  return { image: { format: logo.format, data: logo.data, widthPx: logo.widthPx, heightPx: logo.heightPx }, width: round(wide * scale), height: round(tall * scale) };
}

/**
 * Header and footer of a document. `defaultHeader` is what the document shows when the template
 * sets no header: nothing for a single role, the organisation and title for the handbook.
 */
export function pageFurniture(
  template: Template,
  locale: Locale,
  values: PageTextValues,
  defaultHeader: PageTextSpec | undefined,
  page: PageSetup,
): Pick<Layout, 'header' | 'footer'> {
  const footer = pageText(template.footer ?? defaultFooter(locale), values);
  const headerSpec = template.header ?? defaultHeader;
  const text = headerSpec === undefined ? undefined : pageText(headerSpec, values);
  const logo = template.logo === undefined ? undefined : placedLogo(template.logo, template.logo.header_height_mm, headerLogoRoom(page));
  if ((text === undefined || isEmpty(text)) && logo === undefined) return { footer };
  return { footer, header: { text: text ?? { left: [], center: [], right: [] }, ...(logo ? { logo } : {}) } };
}
