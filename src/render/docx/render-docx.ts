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
import { textWidth as textWidthOf } from '../../layout/geometry.js';
import { ROLE_IDS_PROPERTY, type Layout } from '../../layout/layout.js';
import { renderBlocks } from './blocks.js';
import { BookmarkNames, type DocxContext } from './context.js';
import { ListNumbering } from './numbering.js';
import { pageFooter, pageHeader } from './page-furniture.js';
import { checkStampDate, stampDocx } from './stamp-docx.js';
import { documentStyles } from './styles.js';
import { twips } from './units.js';

export interface RenderDocxOptions {
  /** Written as the document's created and modified date and as every zip entry's time: the bytes depend on nothing else. */
  readonly createdAt: Date;
}

export async function renderDocx(layout: Layout, options: RenderDocxOptions): Promise<Uint8Array> {
  checkStampDate(options.createdAt);
  const { style, page } = layout;
  const geometry = pageGeometry(layout);
  const lists = new ListNumbering();
  const ctx: DocxContext = { style, textWidth: geometry.textWidth, lists, bookmarks: new BookmarkNames() };

  const children = renderBlocks(layout.blocks, ctx);
  // A cover page has no running header and no page number.
  const cover = layout.blocks[0]?.kind === 'cover';

  const doc = new Document({
    title: layout.meta.title,
    subject: layout.meta.subject,
    creator: layout.meta.author,
    keywords: layout.meta.keywords.join(', '),
    lastModifiedBy: 'roledoc',
    ...(layout.meta.roleIds === undefined ? {} : { customProperties: [{ name: ROLE_IDS_PROPERTY, value: layout.meta.roleIds.join(' ') }] }),
    // A "\n" in the text is a soft line break; without this Word and LibreOffice stretch the line before it across
    // the whole width in a justified paragraph (备 注 ： 本 说 明 …).
    compatibility: { doNotExpandShiftReturn: true },
    styles: documentStyles(layout),
    numbering: { config: lists.config(style) },
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
          ...(layout.header === undefined ? {} : { default: pageHeader(layout.header, style, geometry.textWidth) }),
          ...(cover ? { first: new Header({ children: [] }) } : {}),
        },
        footers: { default: pageFooter(layout, geometry.textWidth), ...(cover ? { first: new Footer({ children: [] }) } : {}) },
        children,
      },
    ],
  });

  const packed = await Packer.toBuffer(doc);
  return stampDocx(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), options.createdAt);
}

function pageGeometry(layout: Layout): { textWidth: number } {
  const { page } = layout;
  const textWidth = textWidthOf(page, twips);
  if (textWidth <= 0) throw new Error(`renderDocx: the page margins leave no room for text (${page.width} pt wide)`);
  return { textWidth };
}
