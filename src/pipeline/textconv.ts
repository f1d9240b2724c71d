/**
 * `roledoc textconv FILE`: a document's text in reading order, as git's textconv filter wants it
 * (stdout, nothing else), so `git diff` and `git log -p` on committed .docx and .pdf show words.
 */
import path from 'node:path';
import { docxText } from '../import/document-text.js';
import { ImportSourceError } from '../import/read-docx.js';
import { readRegularFile } from '../io/node-files.js';

/** A document larger than this is not one of roledoc's. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export type TextconvProblem = 'unsupported' | 'unreadable-document';

export class TextconvError extends Error {
  constructor(readonly problem: TextconvProblem) {
    super(problem);
  }
}

/** The text of a PDF page by page, each line as its text runs end (pdf.js gives them in drawing order, which is reading order in roledoc's PDFs). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // pdf.js takes a plain Uint8Array, not the Buffer node's reads give.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const { text } = await extractText(document, { mergePages: false });
  return `${text.map((page) => page.trim()).join('\n\n')}\n`;
}

/**
 * @throws TextconvError for a file that is neither .docx nor .pdf, or one that cannot be read as such;
 *   FileProblemError when the file cannot be read at all.
 */
export async function documentText(file: string): Promise<string> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.docx' && extension !== '.pdf') throw new TextconvError('unsupported');
  const bytes = await readRegularFile(file, MAX_DOCUMENT_BYTES);
  try {
    return extension === '.docx' ? docxText(bytes) : await pdfText(bytes);
  } catch (error) {
    if (error instanceof ImportSourceError || extension === '.pdf') throw new TextconvError('unreadable-document');
    throw error;
  }
}
