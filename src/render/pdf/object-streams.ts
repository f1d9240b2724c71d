/**
 * Object streams and a cross-reference stream (PDF 1.5, ISO 32000-1 7.5.7–7.5.8), which pdfkit
 * does not write: every object without a stream of its own — page and structure-element
 * dictionaries, annotations, fonts' dictionaries — goes into a deflated object stream instead of
 * standing in the file as text with a line of the cross-reference table each. A tagged role's PDF
 * has ~115 structure elements and a 1,000-role handbook 126,000: as separate objects they were
 * half its bytes and much of its writing time.
 *
 * pdfkit still makes every object; this takes over the moment it would write one out (its
 * `finalize`, for the references made after this is installed) and the end of the file (its
 * `_finalize`, which wrote the classic table and trailer). An object stream is written as soon as
 * it is full, so a document never holds more than one stream's worth of objects as text (a
 * 10,000-role handbook's were half a gigabyte). The bytes stay a function of the document alone:
 * objects are packed in the order pdfkit finishes them.
 */
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { PdfReference } from 'pdfkit';

/** Objects per object stream: small enough that a reader unpacks little to reach one object. */
const OBJECTS_PER_STREAM = 100;

/**
 * Dictionaries of names and references compress almost as well at zlib's fastest level as at its
 * default, in a third of the time.
 */
const OBJECT_STREAM_LEVEL = 1;

/** Widths of the cross-reference stream's fields: type, offset or object stream number, generation or index. */
const FIELD_WIDTHS = [1, 4, 2] as const;

/** Where a document's packed objects go: the object stream being filled, and where each packed object is. */
interface ObjectStreams {
  /** The objects of the stream being filled: their ids and texts (a dictionary, array or value). */
  readonly ids: number[];
  readonly texts: string[];
  /** By object id: the number of the object stream it is in (0: not packed), and its index there. */
  readonly streamOf: number[];
  readonly indexOf: number[];
}

const streamsOf = new WeakMap<PDFDocument, ObjectStreams>();

/**
 * Writes `ref` as the object `text` (a dictionary, array or value, without a stream) straight
 * into the document's object streams, as its finalize would have after pdfkit turned its data
 * into that text: a handbook copies 126,000 such objects from its parts (link-parts.ts).
 * @returns false when the document has no object streams (the caller writes the object).
 */
export function packObject(doc: PDFDocument, ref: PdfReference, text: string): boolean {
  const streams = streamsOf.get(doc);
  if (!streams) return false;
  pack(doc, streams, ref.id, text);
  doc._refEnd(ref);
  return true;
}

export function useObjectStreams(doc: PDFDocument): void {
  const streams: ObjectStreams = { ids: [], texts: [], streamOf: [], indexOf: [] };
  streamsOf.set(doc, streams);
  // While pdfkit writes an object being taken over, its lines are kept here instead of in the file.
  let captured: string[] | undefined;
  const write = doc._write;
  const refEnd = doc._refEnd.bind(doc);
  doc._write = (data) => {
    if (captured === undefined) write(data);
    else captured.push(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
  };
  doc._refEnd = (ref) => {
    if (captured === undefined) refEnd(ref);
  };
  const makeRef = doc.ref.bind(doc);
  doc.ref = (data) => {
    const ref = makeRef(data);
    const finalize = ref.finalize.bind(ref);
    ref.finalize = () => {
      // An object with a stream is written as pdfkit writes it; any other, captured as pdfkit writes it.
      if (ref.buffer.length > 0) {
        finalize();
        return;
      }
      const lines: string[] = [];
      captured = lines;
      try {
        finalize();
      } finally {
        captured = undefined;
      }
      // `<id> 0 obj`, the object, `endobj`.
      pack(doc, streams, ref.id, lines.slice(1, -1).join('\n'));
      refEnd(ref);
    };
    return ref;
  };
  doc._finalize = () => finishWithStreams(doc, streams);
}

/** Adds an object to the stream being filled, and writes the stream once it is full. */
function pack(doc: PDFDocument, streams: ObjectStreams, id: number, text: string): void {
  streams.ids.push(id);
  streams.texts.push(text);
  if (streams.ids.length === OBJECTS_PER_STREAM) writeObjectStream(doc, streams);
}

/** The stream being filled, written at the end of the file so far (nothing when it is empty). */
function writeObjectStream(doc: PDFDocument, streams: ObjectStreams): void {
  const { ids, texts } = streams;
  if (ids.length === 0) return;
  const write = (data: string | Uint8Array): void => doc._write(data);
  const streamId = newObjectId(doc);
  // pdfkit writes objects as Latin-1 strings: a character is a byte, so offsets are string lengths.
  let offset = 0;
  const header: string[] = [];
  ids.forEach((id, index) => {
    header.push(`${id} ${offset}`);
    offset += (texts[index] ?? '').length + 1;
    streams.streamOf[id] = streamId;
    streams.indexOf[id] = index;
  });
  const head = `${header.join(' ')}\n`;
  const data = deflateSync(Buffer.from(`${head}${texts.join('\n')}\n`, 'latin1'), { level: OBJECT_STREAM_LEVEL });
  doc._offsets[streamId - 1] = doc._offset;
  write(`${streamId} 0 obj`);
  write(`<<\n/Type /ObjStm\n/N ${ids.length}\n/First ${head.length}\n/Filter /FlateDecode\n/Length ${data.length}\n>>`);
  write('stream');
  write(data);
  write('\nendstream');
  write('endobj');
  ids.length = 0;
  texts.length = 0;
}

/** The last object stream, then the cross-reference stream with the trailer's entries, in place of pdfkit's table. */
function finishWithStreams(doc: PDFDocument, streams: ObjectStreams): void {
  const write = (data: string | Uint8Array): void => doc._write(data);
  writeObjectStream(doc, streams);
  const { streamOf, indexOf } = streams;

  const xrefId = newObjectId(doc);
  const xrefOffset = doc._offset;
  doc._offsets[xrefId - 1] = xrefOffset;
  const size = doc._offsets.length + 1;
  const rowLength = FIELD_WIDTHS[0] + FIELD_WIDTHS[1] + FIELD_WIDTHS[2];
  const rows = Buffer.alloc(size * rowLength);
  // Object 0: the head of the free list, generation 65535.
  rows.writeUInt8(0, 0);
  rows.writeUInt32BE(0, 1);
  rows.writeUInt16BE(0xffff, 5);
  for (let id = 1; id < size; id++) {
    const at = id * rowLength;
    const stream = streamOf[id];
    if (stream !== undefined) {
      rows.writeUInt8(2, at);
      rows.writeUInt32BE(stream, at + 1);
      rows.writeUInt16BE(indexOf[id] ?? 0, at + 5);
    } else {
      rows.writeUInt8(1, at);
      rows.writeUInt32BE(doc._offsets[id - 1] ?? 0, at + 1);
      rows.writeUInt16BE(0, at + 5);
    }
  }
  const data = deflateSync(rows);
  const fileId = `<${Buffer.from(doc._id).toString('hex')}>`;
  write(`${xrefId} 0 obj`);
  write(
    `<<\n/Type /XRef\n/Size ${size}\n/W [${FIELD_WIDTHS.join(' ')}]\n/Root ${String(doc._root)}\n/Info ${String(doc._info)}\n/ID [${fileId} ${fileId}]\n/Filter /FlateDecode\n/Length ${data.length}\n>>`,
  );
  write('stream');
  write(data);
  write('\nendstream');
  write('endobj');
  write('startxref');
  write(`${xrefOffset}`);
  write('%%EOF');
  doc.push(null);
}

/** A number for an object this file adds (an object stream, the cross-reference stream). */
function newObjectId(doc: PDFDocument): number {
  doc._offsets.push(null);
  return doc._offsets.length;
}
