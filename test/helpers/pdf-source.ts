/**
 * A PDF's objects as text, for tests that look for a key in them: the file's own bytes, then the
 * contents of every object stream (PDF 1.5), where roledoc puts every object without a stream of
 * its own (page, font and structure dictionaries). Latin-1, one character per byte.
 */
import { inflateSync } from 'node:zlib';

export function pdfSource(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const raw = bytes.toString('latin1');
  const unpacked: string[] = [];
  for (const match of raw.matchAll(/\/Type \/ObjStm[^]*?\/Length (\d+)\n>>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    unpacked.push(inflateSync(bytes.subarray(start, start + Number(match[1]))).toString('latin1'));
  }
  return [raw, ...unpacked].join('\n');
}
