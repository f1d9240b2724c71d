/**
 * Whether pdfkit can really set text in a font fontkit has opened. fontkit reads a font's tables
 * only when they are used, so a damaged file (cut short, a table overwritten) opens without a word
 * and fails at the first line set in it — halfway through a build, in a render thread. This sets a
 * few of the font's own characters in a PDF of one page, as the renderer does (layout, widths,
 * the embedded subset), so such a font is named before anything is rendered.
 */
import type { FontFace } from '../fonts.js';
import PDFDocument from 'pdfkit';

/** How many of the font's characters are set: spread over all it has, so every part of its tables is read. */
const SAMPLE_SIZE = 64;

/** Characters every document has, where the font has them: the digits of page numbers, Latin and CJK text. */
const COMMON = '0123456789 AaZz.,:岗位职责。、（）';

function sampleText(font: FontFace): string {
  const own = font.characterSet.filter((codePoint) => codePoint > 0x20 && (codePoint < 0xd800 || codePoint > 0xdfff));
  const step = Math.max(1, Math.floor(own.length / SAMPLE_SIZE));
  const spread = own.filter((_, index) => index % step === 0).slice(0, SAMPLE_SIZE);
  const common = Array.from(COMMON).filter((char) => font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));
  return [...common, ...spread.map((codePoint) => String.fromCodePoint(codePoint))].join('');
}

/** Sets `text` in `font` in a throwaway PDF and writes it out; rejects with what went wrong. */
export function setInPdf(font: FontFace, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const doc = new PDFDocument({
        size: [600, 200],
        margins: { top: 10, bottom: 10, left: 10, right: 10 },
        bufferPages: false,
        font: null,
        compress: false,
        info: { CreationDate: new Date(0) },
      });
      doc.on('data', () => undefined);
      doc.on('end', () => resolve());
      doc.on('error', reject);
      doc.registerFont('probe', font).font('probe').fontSize(10).text(text, 10, 10, { lineBreak: false });
      doc.end();
    } catch (error: unknown) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Why pdfkit cannot set text in `font`, or undefined when it can. */
export async function fontProblem(font: FontFace, text?: string): Promise<string | undefined> {
  try {
    // What roledoc reads of every font itself (the manifest names a font by these); pdfkit reads the rest.
    void [font.postscriptName, font.version, font.numGlyphs, font.unitsPerEm, font.ascent, font.descent];
    await setInPdf(font, text ?? sampleText(font));
    return undefined;
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}
