/**
 * The registry of output formats. A format is one renderer behind one interface; docx and pdfkit
 * are imported only when something is rendered, so `roledoc validate` never pays for them.
 */
import type { Layout } from '../layout/layout.js';
import type { OutputFormat, PdfStandard } from '../model/config.js';
import type { PartStore } from './docx/parts.js';
import type { FontSet } from './fonts.js';
import type { PdfPartStore } from './pdf/link-parts.js';

export interface RenderContext {
  /** One timestamp per build, written into document metadata; never the clock. */
  readonly createdAt: Date;
  /**
   * Parsed PDF fonts; present whenever PDF is among the formats, and for a .docx with contents
   * (the handbook), which is paginated as its PDF is for the contents' page numbers.
   */
  readonly fonts: FontSet | undefined;
  /** The .docx parts rendered before (the handbook's unchanged roles), kept between builds; none: every part is rendered. */
  readonly parts?: PartStore | undefined;
  /** The handbook PDF's parts drawn before, kept between builds; none: every part is drawn. */
  readonly pdfParts?: PdfPartStore | undefined;
  /** The archival standard PDFs are written to (the config's pdf_standard); none: tagged PDF of no standard. */
  readonly pdfStandard?: PdfStandard | undefined;
}

export interface Renderer {
  readonly format: OutputFormat;
  render(layout: Layout, ctx: RenderContext): Promise<Uint8Array>;
}

const loaders: Record<OutputFormat, () => Promise<Renderer>> = {
  docx: async () => {
    const { renderDocx } = await import('./docx/render-docx.js');
    return { format: 'docx', render: (layout, ctx) => renderDocx(layout, { createdAt: ctx.createdAt, parts: ctx.parts, fonts: ctx.fonts, pdfParts: ctx.pdfParts, pdfStandard: ctx.pdfStandard }) };
  },
  html: async () => {
    const { renderHtml } = await import('./html/render-html.js');
    return { format: 'html', render: async (layout, ctx) => renderHtml(layout, { createdAt: ctx.createdAt }) };
  },
  pdf: async () => {
    const { renderPdf } = await import('./pdf/render-pdf.js');
    return {
      format: 'pdf',
      render: (layout, ctx) => {
        if (!ctx.fonts) throw new Error('PDF rendering needs fonts: the build must load them first');
        return renderPdf(layout, { fonts: ctx.fonts, createdAt: ctx.createdAt, standard: ctx.pdfStandard, parts: ctx.pdfParts });
      },
    };
  },
};

/**
 * Whether rendering this Layout in this format uses the PDF fonts: a PDF always; a .docx with
 * contents (the handbook) for its page numbers, which come from the PDF's pagination.
 */
export function usesPdfFonts(format: OutputFormat, layout: Layout): boolean {
  return format === 'pdf' || (format === 'docx' && layout.blocks.some((block) => block.kind === 'contents'));
}

const isRegistered = (format: string): format is OutputFormat => Object.hasOwn(loaders, format);

/** Every format with a renderer, in registry order: what the renderer conformance suite runs. */
export const RENDERER_FORMATS: readonly OutputFormat[] = Object.keys(loaders).filter(isRegistered);

export function loadRenderer(format: OutputFormat): Promise<Renderer> {
  return loaders[format]();
}
