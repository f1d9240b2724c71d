/**
 * Layout → .docx bytes. This folder is the only importer of `docx`; it never sees a role.
 *
 * Word and LibreOffice get real structure, not just looks: Title / Heading 1 / Heading 2 styles with outline levels
 * (navigation pane, PDF bookmarks), real numbered lists, tables whose header row repeats, PAGE / NUMPAGES fields.
 * Fonts, sizes and spacing live in the styles (document defaults, Normal, Title, Heading 1/2, Table Text), so a
 * user restyles the document from Word's style gallery instead of run by run.
 *
 * Units: the Layout speaks points; Word speaks twips (1/20 pt, "DXA") for lengths, half-points for font sizes
 * and eighths of a point for borders (units.ts). The geometry shared with the PDF comes from
 * layout/geometry.ts and is turned into twips at this edge.
 *
 * The blocks are rendered by family, in files named as the PDF backend's: text, lists, tables,
 * charts, handbook (cover, contents) and page-furniture; styles.ts holds the style sheet and
 * blocks.ts the dispatch and the page breaks between blocks.
 */
import { Document, Footer, Header, Packer } from 'docx';
import { roledocVersion } from '../../core/version.js';
import type { PdfStandard } from '../../model/config.js';
import type { PdfPartStore } from '../pdf/link-parts.js';
import { textWidth as textWidthOf } from '../../layout/geometry.js';
import { ROLE_IDS_PROPERTY, type Layout } from '../../layout/layout.js';
import { useLinearAttributes } from './attributes.js';
import { assembleDocx, checkStampDate, META_MARK, takeShellApart, type DocumentMetaText, type Shell } from './assemble.js';
import { renderBlocks } from './blocks.js';
import { RawXml, TableInPieces, type DocxContext } from './context.js';
import type { FontSet } from '../fonts.js';
import { ListNumbering } from './numbering.js';
import { fontTableXml, stylesXml, tidyPackage } from './package-parts.js';
import { pageFooter, pageHeader } from './page-furniture.js';
import { partRanges } from '../../layout/parts.js';
import { partKey, renderPart, type DocxPart, type PartStore, type StoredPart } from './parts.js';
import { documentStyles, keptDefaultStyles } from './styles.js';
import { twips } from './units.js';

export interface RenderDocxOptions {
  /** Written as the document's created and modified date and as every zip entry's time: the bytes depend on nothing else. */
  readonly createdAt: Date;
  /** Parts rendered before (the handbook's unchanged roles): used instead of rendering them again, and given the new ones. */
  readonly parts?: PartStore | undefined;
  /**
   * The PDF's fonts: a document with contents is paginated with them as its PDF is, for the
   * contents' page numbers. None: the contents are left for Word to number.
   */
  readonly fonts?: FontSet | undefined;
  /** The PDF's kept parts, whose pages the contents' page numbers are read from where they are kept (render-pdf.ts pdfPagination). */
  readonly pdfParts?: PdfPartStore | undefined;
  /** The standard the PDF is written to: part of its parts' keys. */
  readonly pdfStandard?: PdfStandard | undefined;
}

/** The shells of this thread, by everything that goes into them: every role document of a build has the same. */
const shells = new Map<string, { shell: Shell; file: Document }>();
const MAX_SHELLS = 8;

export async function renderDocx(layout: Layout, options: RenderDocxOptions): Promise<Uint8Array> {
  checkStampDate(options.createdAt);
  useLinearAttributes();
  const { style, blocks } = layout;
  const textWidth = pageGeometry(layout).textWidth;
  // A cover is rendered by docx itself, in the shell: its logo's relationship is docx's to write.
  // What follows it (the contents) is a part like the others.
  const ranges = partRanges(layout);
  const headEnd = blocks[0]?.kind === 'cover' ? 1 : 0;
  const { shell, file } = await shellOf(layout, headEnd, textWidth);
  const version = roledocVersion();
  const anchorPages = options.fonts !== undefined && blocks.some((block) => block.kind === 'contents') ? (await import('../pdf/render-pdf.js')).pdfPagination(layout, { fonts: options.fonts, standard: options.pdfStandard, parts: options.pdfParts }).anchorPages : undefined;
  // Only a document of parts (the handbook) keeps them: a role document is one part, made once.
  const store = layout.partStarts === undefined ? undefined : options.parts;
  const parts = function* (): Generator<DocxPart | StoredPart> {
    for (const range of ranges) {
      if (range.end <= headEnd) continue;
      const inputs = {
        blocks: blocks.slice(Math.max(range.start, headEnd), range.end),
        style,
        textWidth,
        afterCover: blocks[Math.max(range.start, headEnd) - 1]?.kind === 'cover',
        followed: range.end < blocks.length,
        version,
        anchorPages,
      };
      if (!store) {
        yield renderPart(inputs, file);
        continue;
      }
      const key = partKey(inputs);
      yield {
        key,
        load(): DocxPart {
          let part = store.get(key);
          if (part === undefined) {
            part = renderPart(inputs, file);
            store.set(key, part);
          }
          return part;
        },
        keep: () => store.keep?.(key),
      };
    }
  };
  return assembleDocx({ shell, file, meta: metaText(layout), style, parts: parts(), pieces: store?.pieces, createdAt: options.createdAt });
}

function metaText(layout: Layout): DocumentMetaText {
  const { meta } = layout;
  return { title: meta.title, subject: meta.subject, creator: meta.author, keywords: meta.keywords.join(', '), roleIds: meta.roleIds?.join(' ') };
}

/**
 * The package around the body, made by docx's Packer: styles, settings, headers and footers,
 * relationships, and the cover when the document has one. Metadata are stand-ins (META_MARK)
 * the assembly replaces; a field left empty stays empty, since docx then writes no element.
 */
async function shellOf(layout: Layout, headEnd: number, textWidth: number): Promise<{ shell: Shell; file: Document }> {
  const { style, page } = layout;
  const meta = metaText(layout);
  const mark = (field: keyof typeof META_MARK): string => (meta[field] ? META_MARK[field] : '');
  const head = layout.blocks.slice(0, headEnd);
  const key = JSON.stringify([documentStyles(layout), page, layout.header, layout.footer, head, mark('title'), mark('subject'), mark('creator'), mark('keywords'), meta.roleIds !== undefined]);
  const known = shells.get(key);
  if (known) return known;
  const lists = new ListNumbering();
  const ctx: DocxContext = { style, textWidth, lists };
  const children = [...renderBlocks(head, ctx, { followed: headEnd < layout.blocks.length })].map((child) => {
    if (child instanceof RawXml || child instanceof TableInPieces) throw new Error('renderDocx: a cover is made of docx components');
    return child;
  });
  if (lists.definitions().length > 0) throw new Error('renderDocx: a cover has no lists');
  // A cover page has no running header and no page number.
  const cover = head[0]?.kind === 'cover';

  const styles = documentStyles(layout);
  const file = new Document({
    title: mark('title'),
    subject: mark('subject'),
    creator: mark('creator'),
    keywords: mark('keywords'),
    lastModifiedBy: 'roledoc',
    ...(meta.roleIds === undefined ? {} : { customProperties: [{ name: ROLE_IDS_PROPERTY, value: META_MARK.roleIds }] }),
    // A "\n" in the text is a soft line break; without this Word and LibreOffice stretch the line before it across
    // the whole width in a justified paragraph (备 注 ： 本 说 明 …).
    compatibility: { doNotExpandShiftReturn: true },
    styles,
    numbering: { config: [] },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: {
              top: twips(page.margins.top),
              right: twips(page.margins.right),
              bottom: twips(page.margins.bottom),
              left: twips(page.margins.left),
              header: twips(page.margins.top / 2),
              footer: twips(page.margins.bottom / 2),
              gutter: 0,
            },
          },
          ...(cover ? { titlePage: true } : {}),
        },
        headers: {
          ...(layout.header === undefined ? {} : { default: pageHeader(layout.header, style, textWidth) }),
          ...(cover ? { first: new Header({ children: [] }) } : {}),
        },
        footers: { default: pageFooter(layout, textWidth), ...(cover ? { first: new Footer({ children: [] }) } : {}) },
        children,
      },
    ],
  });
  const packed = takeShellApart(await Packer.pack(file, 'uint8array'));
  const keptStyles = new Set([...keptDefaultStyles(layout), ...(styles.paragraphStyles ?? []).map((paragraphStyle) => paragraphStyle.id)]);
  const files = tidyPackage(packed.files, { styles: stylesXml(file, keptStyles), fontTable: (docxFontTable) => fontTableXml(docxFontTable, style) });
  const shell = { shell: { ...packed, files }, file };
  if (shells.size >= MAX_SHELLS) shells.clear();
  shells.set(key, shell);
  return shell;
}

function pageGeometry(layout: Layout): { textWidth: number } {
  const { page } = layout;
  const textWidth = textWidthOf(page, twips);
  if (textWidth <= 0) throw new Error(`renderDocx: the page margins leave no room for text (${page.width} pt wide)`);
  return { textWidth };
}
