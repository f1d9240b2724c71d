/** One Layout → one document's bytes, in any registered format. */
import type { Layout } from '../layout/layout.js';
import type { OutputFormat, PdfStandard } from '../model/config.js';
import type { FontSet } from '../render/fonts.js';
import { loadRenderer, usesPdfFonts } from '../render/renderers.js';

/**
 * @param options.fonts the PDF fonts (a PDF is set in them; a .docx with contents is paginated
 *   with them for its page numbers); default the bundled faces the Layout's template picks
 *   (pdf_fonts), as a build without fonts in its config.
 */
export async function renderDocument(
  layout: Layout,
  format: OutputFormat,
  options: { readonly createdAt: Date; readonly fonts?: FontSet; /** A PDF's archival standard (PDF/A); none: tagged PDF. */ readonly pdfStandard?: PdfStandard },
): Promise<Uint8Array> {
  let fonts = options.fonts;
  if (!fonts && usesPdfFonts(format, layout)) {
    const [{ chooseFonts }, { loadFontSet }] = await Promise.all([import('../io/fonts.js'), import('./load-fonts.js')]);
    fonts = loadFontSet(chooseFonts(undefined, process.cwd(), layout.style.pdfFonts));
  }
  return (await loadRenderer(format)).render(layout, { createdAt: options.createdAt, fonts, pdfStandard: options.pdfStandard });
}
