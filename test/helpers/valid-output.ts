/** Checks that a document is well-formed for every reader, not only for the one that made it. */
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';

/** Every XML part of the package parses, and mammoth reads the document. Returns mammoth's text. */
export async function assertValidDocx(docx: Uint8Array): Promise<string> {
  const parts = unzipSync(docx);
  const xmlParts = Object.keys(parts).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
  if (!xmlParts.includes('word/document.xml')) throw new Error('no word/document.xml');
  for (const name of xmlParts) {
    const result = XMLValidator.validate(strFromU8(parts[name] ?? new Uint8Array()));
    if (result !== true) throw new Error(`${name} is not well-formed XML: ${result.err.msg} (line ${result.err.line})`);
  }
  const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
  const errors = messages.filter((m) => m.type === 'error');
  if (errors.length > 0) throw new Error(`mammoth: ${errors.map((m) => m.message).join('; ')}`);
  return value;
}

/** pdf.js opens the file and reads the text of every page without a single warning. Returns the text. */
export async function assertValidPdf(pdf: Uint8Array): Promise<string> {
  const warnings: string[] = [];
  const original = { log: console.log, warn: console.warn };
  const capture = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  console.log = capture;
  console.warn = capture;
  try {
    const doc = await getDocumentProxy(pdf.slice(), { verbosity: 1 });
    let text = '';
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    await doc.destroy();
    if (warnings.length > 0) throw new Error(`pdf.js warned: ${warnings.join(' | ')}`);
    return text;
  } finally {
    console.log = original.log;
    console.warn = original.warn;
  }
}

const htmlValidator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** html-validate's recommended rules find nothing in the document: valid, accessible HTML. */
export async function assertValidHtml(html: Uint8Array): Promise<string> {
  const text = new TextDecoder().decode(html);
  const report = await htmlValidator.validateString(text);
  if (!report.valid) {
    const problems = report.results.flatMap((result) => result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    throw new Error(`html-validate: ${problems.slice(0, 20).join('\n')}`);
  }
  return text;
}
