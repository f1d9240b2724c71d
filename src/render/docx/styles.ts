/**
 * The document's styles: fonts, sizes and spacing live here (document defaults, Normal, Title,
 * the built-in headings, Table Text, the contents' TOC styles), so a user restyles the document
 * from Word's style gallery instead of run by run.
 */
import { AlignmentType, BorderStyle, LineRuleType } from 'docx';
import type { IFontAttributesProperties, IParagraphStyleOptions, IParagraphStylePropertiesOptions, IRunStylePropertiesOptions, ISpacingProperties, IStylesOptions } from 'docx';
import { contentsEntryLook, contentsIndentStep, headingAlignment, headingKindOf, headingSize, headingSpacing, lineHeight, type HeadingKind } from '../../layout/geometry.js';
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

export function fontsOf(pair: FontPair): IFontAttributesProperties {
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
 * The style of a title or heading. A single role's document has Title, Heading 1 and Heading 2.
 * A document with an outline (the handbook: department → role → section → subsection) gives the
 * block at depth d Word's built-in "heading d+1" — what Word's navigation pane, its TOC field's
 * \o switch, pandoc and every other reader go by. Word fixes the outline level of a built-in
 * heading style whatever a paragraph says, so the built-in style looks like what usually sits at
 * its depth (OUTLINE_KINDS); a block of another look at that depth (the department's 组织架构图,
 * a section heading beside the roles' titles) gets a style of its own based on that heading
 * (Heading2Section …): the same level for every reader, its own look.
 */
export function headingStyleId(block: { readonly kind: 'title' } | { readonly kind: 'heading'; readonly level: 1 | 2 }, outline: number | undefined): string {
  const kind = headingKindOf(block);
  if (outline === undefined) return kind === 'title' ? 'Title' : kind === 'heading1' ? 'Heading1' : 'Heading2';
  const level = headingLevelOf(outline);
  return kind === outlineKind(outline) ? `Heading${level}` : `Heading${level}${KIND_SUFFIX[kind]}`;
}

/** Word has built-in heading styles 1 to 9. */
const headingLevelOf = (outline: number): number => Math.min(Math.max(outline, 0), 8) + 1;

/** What sits at each depth of the handbook's outline: departments and roles are titles, then sections, then their subsections. */
const OUTLINE_KINDS: readonly HeadingKind[] = ['title', 'title', 'heading1'];
const outlineKind = (outline: number): HeadingKind => OUTLINE_KINDS[outline] ?? 'heading2';

const KIND_SUFFIX: Record<HeadingKind, string> = { title: 'Title', heading1: 'Section', heading2: 'Subsection' };

/** No rule under a heading whose base style draws one. */
const NO_RULE = { border: { bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' } } } as const;

/** The style definition behind each heading style id a document's blocks use. */
function headingStyles(layout: Layout): IParagraphStyleOptions[] {
  const { style } = layout;
  const styles = new Map<string, IParagraphStyleOptions>();
  const add = (id: string, define: () => IParagraphStyleOptions): void => {
    if (!styles.has(id)) styles.set(id, define());
  };
  for (const block of layout.blocks) {
    if (block.kind !== 'title' && block.kind !== 'heading') continue;
    const kind = headingKindOf(block);
    const id = headingStyleId(block, block.outline);
    if (block.outline === undefined) {
      const look = headingLook(kind, style);
      const outlineLevel = kind === 'title' ? undefined : kind === 'heading1' ? 0 : 1;
      add(id, () => ({
        id,
        name: kind === 'title' ? 'Title' : `heading ${(outlineLevel ?? 0) + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        ...(kind === 'title' ? {} : { uiPriority: 9 }),
        run: look.run,
        paragraph: outlineLevel === undefined ? look.paragraph : { ...look.paragraph, outlineLevel },
      }));
      continue;
    }
    const level = headingLevelOf(block.outline);
    const baseId = `Heading${level}`;
    const base = headingLook(outlineKind(block.outline), style);
    add(baseId, () => ({ id: baseId, name: `heading ${level}`, basedOn: 'Normal', next: 'Normal', uiPriority: 9, quickFormat: true, run: base.run, paragraph: { ...base.paragraph, outlineLevel: level - 1 } }));
    if (id !== baseId) {
      const look = headingLook(kind, style);
      const rule = base.paragraph.border !== undefined && look.paragraph.border === undefined ? NO_RULE : {};
      add(id, () => ({
        id,
        name: `Heading ${level} ${KIND_SUFFIX[kind]}`,
        basedOn: baseId,
        next: 'Normal',
        quickFormat: true,
        run: look.run,
        paragraph: { ...look.paragraph, ...rule, outlineLevel: level - 1 },
      }));
    }
  }
  return [...styles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The contents' own styles, as Word names them, so "Update field" writes its entries in the same look. */
function contentsStyles(layout: Layout): IParagraphStyleOptions[] {
  const contents = layout.blocks.find((block) => block.kind === 'contents');
  if (contents === undefined) return [];
  const { style } = layout;
  const title = headingLook('title', style);
  const depths = Math.max(0, ...contents.entries.map((entry) => entry.depth)) + 1;
  const indent = twips(contentsIndentStep(style.sizes.body));
  return [
    { id: CONTENTS_TITLE_STYLE, name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', uiPriority: 39, run: title.run, paragraph: title.paragraph },
    ...Array.from({ length: Math.min(depths, 9) }, (_, depth): IParagraphStyleOptions => {
      const look = contentsEntryLook(depth, style.blockSpacing);
      return {
        id: contentsEntryStyle(depth),
        name: `toc ${depth + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        // Bold in the heading font, as bold text is everywhere (the PDF's bold face).
        run: look.bold ? { bold: true, font: fontsOf(style.fonts.heading) } : {},
        paragraph: { alignment: AlignmentType.LEFT, indent: { left: indent * depth }, spacing: { before: twips(look.spaceBefore), after: 0 } },
      };
    }),
  ];
}

/** The style of the contents' title ("TOC Heading": not a heading, so no reader takes it for one). */
export const CONTENTS_TITLE_STYLE = 'TOCHeading';
/** The style of a contents entry at `depth` (0: toc 1). */
export const contentsEntryStyle = (depth: number): string => `TOC${Math.min(depth, 8) + 1}`;

/**
 * Why "at least" line spacing: the Layout gives line height as a multiple of the font size, which is what the PDF
 * renderer draws. Word's "multiple" spacing multiplies the font's own line height instead, which for CJK fonts is
 * 1.0–1.45 em depending on the font actually used (SimSun in Word, Noto CJK in LibreOffice), so the same document
 * would be airy in one and tight in the other. "At least size × lineHeight" gives the intended pitch in both and,
 * unlike "exactly", never clips a taller fallback glyph.
 *
 * Every style is given here as a paragraph style of its own; docx's other default styles (footnotes,
 * captions, TOC 4–9 …) are left out of styles.xml (keptDefaultStyles, package-parts.ts).
 */
export function documentStyles(layout: Layout): IStylesOptions {
  const { style, meta } = layout;
  const { sizes, colors, fonts } = style;
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
    },
    paragraphStyles: [
      ...headingStyles(layout),
      {
        id: TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(sizes.table) },
        // A paragraph in a cell (a duty, a task) stays on one page when its row splits, as in the PDF.
        paragraph: { keepLines: true, spacing: { ...lineSpacing(style, sizes.table), before: 0, after: 0 } },
      },
      ...contentsStyles(layout),
    ],
  };
}

/**
 * docx's own styles a document keeps beside its own: the default paragraph and table styles
 * everything rests on, and List Paragraph, which docx gives every numbered paragraph.
 */
export function keptDefaultStyles(layout: Layout): string[] {
  return ['Normal', 'TableNormal', ...(layout.blocks.some((block) => block.kind === 'list' && block.items.length > 0) ? ['ListParagraph'] : [])];
}

/** w:lang w:val: the language of Latin text. Chinese documents still carry English words and digits. */
function latinLanguage(lang: string): string {
  if (lang === '' || lang === 'en' || /^zh\b/i.test(lang)) return 'en-US';
  return lang;
}
