/**
 * The document's styles: fonts, sizes and spacing live here (document defaults, Normal, Title,
 * Heading 1/2, Table Text and the handbook's outline styles), so a user restyles the document from
 * Word's style gallery instead of run by run.
 */
import { AlignmentType, BorderStyle, LineRuleType } from 'docx';
import type { IFontAttributesProperties, IParagraphStylePropertiesOptions, IRunStylePropertiesOptions, ISpacingProperties, IStylesOptions } from 'docx';
import { headingAlignment, headingKindOf, headingSize, headingSpacing, lineHeight, type HeadingKind } from '../../layout/geometry.js';
import type { FontPair, Layout, LayoutStyle } from '../../layout/layout.js';
import { halfPoints, twips } from './units.js';

/** The paragraph style of everything inside a table: the table size, no space between paragraphs. */
export const TABLE_TEXT_STYLE = 'TableText';

/** The rule under a heading: ¾ pt. */
const HEADING_RULE_SIZE = 6;

/** Word's alignment for each of the Layout's positions. */
export const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Line spacing for text of `size` points: at least size × lineHeight (see documentStyles for why "at least"). */
export function lineSpacing(style: LayoutStyle, size: number): ISpacingProperties {
  return { line: twips(lineHeight(style, size)), lineRule: LineRuleType.AT_LEAST };
}

function fontsOf(pair: FontPair): IFontAttributesProperties {
  return { ascii: pair.latin, hAnsi: pair.latin, cs: pair.latin, eastAsia: pair.eastAsia, hint: 'eastAsia' };
}

/** The look of a title or heading style: its run and paragraph properties, without an outline level. */
export function headingLook(kind: HeadingKind, style: LayoutStyle): { run: IRunStylePropertiesOptions; paragraph: IParagraphStylePropertiesOptions } {
  const { sizes, colors, fonts } = style;
  const size = headingSize(sizes, kind);
  const run: IRunStylePropertiesOptions = { font: fontsOf(fonts.heading), size: halfPoints(size), bold: true, color: colors.heading };
  const space = headingSpacing(kind, style.blockSpacing);
  const spacing = { before: twips(space.before), after: twips(space.after) };
  // A rule under a first-level heading, when the template draws one: an accent-coloured bottom border.
  const rule = kind === 'heading1' && style.headingRule ? { border: { bottom: { style: BorderStyle.SINGLE, size: HEADING_RULE_SIZE, color: colors.accent, space: 2 } } } : {};
  return {
    run,
    paragraph: {
      alignment: ALIGNMENTS[headingAlignment(kind, style.titleAlign)],
      keepNext: true,
      keepLines: true,
      spacing: { ...lineSpacing(style, size), ...spacing },
      ...rule,
    },
  };
}

/**
 * The style of a title or heading placed at an explicit outline depth (the handbook: department →
 * role → section). Word fixes the outline level of its built-in Heading styles, whatever a
 * paragraph says, so these are styles of their own — based on Normal, with the heading's look and
 * the outline level of their depth — for the navigation pane of Word, WPS and LibreOffice alike.
 */
export const outlineStyleId = (kind: HeadingKind, depth: number): string => `RoledocOutline${depth + 1}${kind === 'title' ? 'Title' : kind === 'heading1' ? 'Heading' : 'Subheading'}`;

/**
 * Why "at least" line spacing: the Layout gives line height as a multiple of the font size, which is what the PDF
 * renderer draws. Word's "multiple" spacing multiplies the font's own line height instead, which for CJK fonts is
 * 1.0–1.45 em depending on the font actually used (SimSun in Word, Noto CJK in LibreOffice), so the same document
 * would be airy in one and tight in the other. "At least size × lineHeight" gives the intended pitch in both and,
 * unlike "exactly", never clips a taller fallback glyph.
 */
export function documentStyles(layout: Layout): IStylesOptions {
  const { style, meta } = layout;
  const { sizes, colors, fonts } = style;
  const title = headingLook('title', style);
  const heading1 = headingLook('heading1', style);
  const heading2 = headingLook('heading2', style);
  const outlined = new Map<string, { kind: HeadingKind; depth: number }>();
  for (const block of layout.blocks) {
    if ((block.kind === 'title' || block.kind === 'heading') && block.outline !== undefined) {
      const kind = headingKindOf(block);
      outlined.set(outlineStyleId(kind, block.outline), { kind, depth: block.outline });
    }
  }
  return {
    default: {
      // docDefaults: every paragraph, table cell and footer inherits the fonts and the language from here.
      document: {
        run: {
          font: fontsOf(fonts.body),
          size: halfPoints(sizes.body),
          color: colors.text,
          language: { value: latinLanguage(meta.lang), eastAsia: 'zh-CN' },
        },
        paragraph: {
          alignment: AlignmentType.BOTH,
          spacing: { ...lineSpacing(style, sizes.body), before: 0, after: twips(style.blockSpacing) },
        },
      },
      title,
      heading1: { run: heading1.run, paragraph: { ...heading1.paragraph, outlineLevel: 0 } },
      heading2: { run: heading2.run, paragraph: { ...heading2.paragraph, outlineLevel: 1 } },
    },
    paragraphStyles: [
      {
        id: TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(sizes.table) },
        // A paragraph in a cell (a duty, a task) stays on one page when its row splits, as in the PDF.
        paragraph: { keepLines: true, spacing: { ...lineSpacing(style, sizes.table), before: 0, after: 0 } },
      },
      ...[...outlined].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, { kind, depth }]) => {
        const look = headingLook(kind, style);
        return { id, name: `Outline ${depth + 1} ${kind}`, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: look.run, paragraph: { ...look.paragraph, outlineLevel: depth } };
      }),
    ],
  };
}

/** w:lang w:val: the language of Latin text. Chinese documents still carry English words and digits. */
function latinLanguage(lang: string): string {
  if (lang === '' || lang === 'en' || /^zh\b/i.test(lang)) return 'en-US';
  return lang;
}
