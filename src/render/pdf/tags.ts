/**
 * The PDF's structure tree (tagged PDF): what a screen reader, a PDF/UA checker or a reflowing
 * viewer reads instead of the page's drawing operators. Painters say what they draw — a heading,
 * a paragraph, a table cell, a figure — and the content they then draw is marked as that
 * element's (BDC … EMC with the page's next MCID); what is only decoration (borders, shading,
 * leaders, the running header and footer, a repeated table header) is marked as an Artifact.
 *
 * pdfkit writes the tree: its structure elements, the StructTreeRoot and the ParentTree. An
 * element is written out as soon as it is ended, so a long document keeps only the open ones;
 * one that runs over a page break (a long table, a paragraph that continues) simply gets marked
 * content on both pages, under the one element.
 *
 * Marked content opens lazily, when something is drawn for the element, and stays open over the
 * lines that follow until another element, an artifact or the page's end closes it: a paragraph's
 * lines on one page are one MCID, not one each. In the first, drawing-free pass nothing is tagged.
 */
import type PDFDocument from 'pdfkit';
import type { PdfMarkOptions, PdfReference, PdfStructElement, PdfStructOptions } from 'pdfkit';

/** The standard structure types roledoc uses (ISO 32000-1, 14.8.4). */
export type StructRole =
  | 'Document'
  | 'Part'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Link'
  | 'Figure'
  | 'TOC'
  | 'TOCI';

/** A structure element while it is being drawn. */
export class Tag {
  constructor(
    readonly role: StructRole,
    readonly element: PdfStructElement,
  ) {}
}

/** The heading element for an outline depth: H1 for a document's title, H2 for its sections, … */
export const headingRole = (depth: number): StructRole => (['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const)[Math.max(0, Math.min(5, depth))] ?? 'H6';

export class PdfTags {
  readonly #doc: PDFDocument | undefined;
  /** The elements being drawn into, innermost last; the Document element first. */
  readonly #current: Tag[] = [];
  /** The element whose marked content is open on the page, if any. */
  #marked: Tag | undefined;
  /** Inside an artifact nothing is marked as content. */
  #artifact = 0;
  /** The root element (Document, or a part's Part); none in the first pass. */
  readonly #root: Tag | undefined;

  /**
   * @param doc the document to tag; none in the first pass, which draws nothing.
   * @param rootRole the element everything drawn belongs to: the Document, or a Part of one drawn on its own (pdf-part.ts).
   */
  constructor(doc: PDFDocument | undefined, rootRole: 'Document' | 'Part' = 'Document') {
    this.#doc = doc;
    if (!doc) return;
    const root = new Tag(rootRole, doc.struct(rootRole));
    doc.addStructure(root.element);
    this.#current.push(root);
    this.#root = root;
  }

  /** The root element's object: the parent of elements written elsewhere and adopted (adopt). */
  get root(): PdfReference | undefined {
    return this.#root?.element.dictionary;
  }

  /**
   * Makes elements that were written as objects of their own (a part's Part elements, link-parts.ts)
   * the root's last children, after those drawn here: they are added to its /K as it is written.
   */
  adopt(elements: readonly PdfReference[]): void {
    const root = this.root;
    if (!root || elements.length === 0) return;
    const end = root.end;
    root.end = (chunk) => {
      const kids = root.data['K'];
      if (Array.isArray(kids)) kids.push(...elements);
      end.call(root, chunk);
    };
  }

  /** Whether content drawn now is marked as an element's (tagging, and not inside an artifact). */
  get marking(): boolean {
    return this.#doc !== undefined && this.#artifact === 0;
  }

  /** A new element, the last child of `parent` (default: the element being drawn into). Draw into it with `into`. */
  create(role: StructRole, options: PdfStructOptions = {}, parent?: Tag): Tag | undefined {
    const doc = this.#doc;
    const under = parent ?? this.#current[this.#current.length - 1];
    if (!doc || !under) return undefined;
    const tag = new Tag(role, doc.struct(role, options));
    under.element.add(tag.element);
    return tag;
  }

  /** Draws with `tag` as the element that content belongs to. */
  into<T>(tag: Tag | undefined, draw: () => T): T {
    if (!tag) return draw();
    this.#current.push(tag);
    try {
      return draw();
    } finally {
      this.#current.pop();
    }
  }

  /** An element of its own: created, drawn into and ended. */
  within<T>(role: StructRole, options: PdfStructOptions, draw: () => T): T {
    const tag = this.create(role, options);
    const result = this.into(tag, draw);
    this.end(tag);
    return result;
  }

  /** Nothing more will be drawn for `tag`: it is written out (once its children are). */
  end(tag: Tag | undefined): void {
    if (!tag) return;
    if (this.#marked === tag) this.close();
    tag.element.end();
  }

  /** Before drawing: marked content for the current element is open (opened here if not). */
  mark(): void {
    const doc = this.#doc;
    if (!doc || this.#artifact > 0) return;
    const current = this.#current[this.#current.length - 1];
    if (this.#marked === current) return;
    this.close();
    if (!current) return;
    current.element.add(doc.markStructureContent(current.role));
    this.#marked = current;
  }

  /** Closes the open marked content, if any (before an artifact, at a page's end). */
  close(): void {
    if (!this.#marked) return;
    this.#marked = undefined;
    this.#doc?.endMarkedContent();
  }

  /**
   * Draws decoration that is no content: borders, shading, leaders (Layout), the running header
   * and footer and repeated headers (Pagination). Text drawn inside is not marked as content.
   */
  artifact<T>(draw: () => T, type?: PdfMarkOptions['type']): T {
    const doc = this.#doc;
    if (!doc || this.#artifact > 0) return draw();
    this.close();
    doc.markContent('Artifact', type === undefined ? undefined : { type });
    this.#artifact += 1;
    try {
      return draw();
    } finally {
      this.#artifact -= 1;
      doc.endMarkedContent();
    }
  }

  /**
   * Marked content inside a line's text object, for a line with links in it: the text before and
   * after a link is the current element's, a link's text its own Link element's (returned, for
   * the link annotation to join as its OBJR). Each piece is closed before the next opens and the
   * last by `endInline`, so nothing crosses the text object's BT/ET.
   */
  inline(link: boolean): Tag | undefined {
    const doc = this.#doc;
    if (!doc || this.#artifact > 0) return undefined;
    this.close();
    const owner = link ? this.create('Link') : this.#current[this.#current.length - 1];
    if (!owner) return undefined;
    owner.element.add(doc.markStructureContent(owner.role));
    this.#marked = owner;
    return owner;
  }

  /** Closes the last piece `inline` opened; a Link element ends with it (its annotation is on this page). */
  endInline(tag: Tag | undefined): void {
    if (!tag) return;
    this.close();
    if (tag.role === 'Link') tag.element.end();
  }

  /** The end of the document: every element is ended and written. */
  finish(): void {
    this.close();
    for (const tag of this.#current.reverse()) tag.element.end();
    this.#current.length = 0;
  }
}
