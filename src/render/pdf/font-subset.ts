/**
 * The embedded font subset, built by copying bytes. fontkit's TTFSubset.encode decodes every glyph
 * it keeps and re-encodes the tables through its binary structures: ~5 ms a face a document, most
 * of a role PDF's end. A TrueType subset is only the kept glyphs' glyf records one after the other,
 * a loca pointing at them, their hmtx metrics and a few small tables copied whole; this module
 * reads the font's own tables once per worker and writes that, byte for byte what fontkit writes
 * (the same tables in the same order, with its 'true' header and zero checksums). CFF fonts keep
 * fontkit's subsetter.
 */
import { deflateSync } from 'node:zlib';
import type { EmbeddedFont, FontSubset } from 'pdfkit';
import type { FontFace } from '../fonts.js';

/** A TrueType face's tables as raw bytes and the offsets read from them, once per worker. */
interface TrueTypeTables {
  readonly glyf: Uint8Array;
  /** Where each glyph's record starts in glyf; one more entry than glyphs, for the last one's end. */
  readonly glyphStarts: Uint32Array;
  /** loca of 32-bit offsets (else 16-bit halves). */
  readonly longOffsets: boolean;
  readonly hmtx: DataView;
  readonly numberOfHMetrics: number;
  readonly head: Uint8Array;
  readonly hhea: Uint8Array;
  readonly maxp: Uint8Array;
  readonly cvt: Uint8Array | undefined;
  readonly prep: Uint8Array | undefined;
  readonly fpgm: Uint8Array | undefined;
}

/** zlib's fastest level: see deflateFontFileFast. */
const FONT_FILE_DEFLATE_LEVEL = 1;

const HEAD_LENGTH = 54;
const HHEA_LENGTH = 36;
const MAXP_V1_LENGTH = 32;

const sources = new WeakMap<object, TrueTypeTables | null>();
const patched = new WeakSet<EmbeddedFont>();

/**
 * Makes pdfkit's font write its subset with encodeSubset. Patched on the instance (pdfkit's
 * EmbeddedFont calls `this.subset.encode()` when the document ends); a CFF or unusual font keeps
 * fontkit's own encoder.
 */
export function useFastSubset(font: EmbeddedFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  const tables = trueTypeTablesOf(font.font);
  if (!tables || font.subset.cff != null) return;
  const { subset } = font;
  subset.encode = () => encodeSubset(tables, subset);
  deflateFontFileFast(font);
}

/**
 * pdfkit deflates every stream at zlib's default level 6; for the font file (~100 KB a document)
 * that is the largest cost left at the end of a role PDF. Level 1 takes a third less time for
 * about 4% more bytes. The font file is the first object embed() creates (pdfkit 0.20's
 * EmbeddedFont.embed: `const fontFile = this.document.ref()`, then `fontFile.end(subset.encode())`),
 * so for that one call the document's ref() hands out an object that takes its stream deflated
 * already; every other object of the font (its ToUnicode map among them) is written as before.
 */
function deflateFontFileFast(font: EmbeddedFont): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const doc = font.document;
    const makeReference = doc.ref;
    doc.ref = (data) => {
      doc.ref = makeReference;
      const fontFile = makeReference.call(doc, data);
      const end = fontFile.end.bind(fontFile);
      fontFile.end = (chunk) => {
        fontFile.compress = false;
        fontFile.data['Filter'] = 'FlateDecode';
        end(chunk === undefined ? undefined : deflateSync(chunk, { level: FONT_FILE_DEFLATE_LEVEL }));
      };
      return fontFile;
    };
    try {
      embed();
    } finally {
      doc.ref = makeReference;
    }
  };
}

/** The face's TrueType tables, or null when it has none to copy (a CFF font) or they do not add up. */
export function trueTypeTablesOf(face: FontFace): TrueTypeTables | null {
  let tables = sources.get(face);
  if (tables === undefined) {
    tables = readTables(face);
    sources.set(face, tables);
  }
  return tables;
}

/** fontkit keeps the file's bytes (`stream.buffer`; a collection's whole file) and its table directory. */
function rawFontOf(face: FontFace): { table: (tag: string) => Uint8Array | undefined } | undefined {
  const stream: unknown = Reflect.get(face, 'stream');
  const directory: unknown = Reflect.get(face, 'directory');
  if (typeof stream !== 'object' || stream === null || typeof directory !== 'object' || directory === null) return undefined;
  const bytes: unknown = Reflect.get(stream, 'buffer');
  const records: unknown = Reflect.get(directory, 'tables');
  if (!(bytes instanceof Uint8Array) || typeof records !== 'object' || records === null) return undefined;
  // A plain view: fontkit's buffer is a Node Buffer, whose slice() shares memory instead of copying.
  const plain = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    table(tag) {
      const record: unknown = Reflect.get(records, tag);
      if (typeof record !== 'object' || record === null) return undefined;
      const offset: unknown = Reflect.get(record, 'offset');
      const length: unknown = Reflect.get(record, 'length');
      if (typeof offset !== 'number' || typeof length !== 'number' || offset < 0 || length < 0 || offset + length > plain.length) return undefined;
      return plain.subarray(offset, offset + length);
    },
  };
}

function readTables(face: FontFace): TrueTypeTables | null {
  const raw = rawFontOf(face);
  if (!raw) return null;
  const [glyf, loca, head, hhea, maxp, hmtx] = ['glyf', 'loca', 'head', 'hhea', 'maxp', 'hmtx'].map((tag) => raw.table(tag));
  if (!glyf || !loca || !head || !hhea || !maxp || !hmtx) return null;
  if (head.length < HEAD_LENGTH || hhea.length < HHEA_LENGTH || maxp.length < MAXP_V1_LENGTH) return null;
  const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const longOffsets = view(head).getInt16(50) === 1;
  const numGlyphs = view(maxp).getUint16(4);
  const numberOfHMetrics = view(hhea).getUint16(34);
  if (numberOfHMetrics === 0 || hmtx.length < numberOfHMetrics * 4 || loca.length < (numGlyphs + 1) * (longOffsets ? 4 : 2)) return null;
  const glyphStarts = new Uint32Array(numGlyphs + 1);
  const locaView = view(loca);
  for (let glyph = 0; glyph <= numGlyphs; glyph++) glyphStarts[glyph] = longOffsets ? locaView.getUint32(glyph * 4) : locaView.getUint16(glyph * 2) * 2;
  return {
    glyf,
    glyphStarts,
    longOffsets,
    hmtx: view(hmtx),
    numberOfHMetrics,
    head: head.subarray(0, HEAD_LENGTH),
    hhea: hhea.subarray(0, HHEA_LENGTH),
    maxp: maxp.subarray(0, MAXP_V1_LENGTH),
    // fontkit reads cvt as 16-bit values, so an odd last byte is not written back.
    cvt: raw.table('cvt ')?.subarray(0, (raw.table('cvt ')?.length ?? 0) & ~1),
    prep: raw.table('prep'),
    fpgm: raw.table('fpgm'),
  };
}

/** Composite glyph flags (the glyf table's component records). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph's record, with the ids of a composite's components renumbered into the subset (adding them to it). */
function glyphRecord(tables: TrueTypeTables, glyphId: number, subset: FontSubset): Uint8Array {
  const start = tables.glyphStarts[glyphId] ?? 0;
  const end = tables.glyphStarts[glyphId + 1] ?? start;
  // A glyph whose loca entry points outside glyf (or backwards) is damaged: only the documents that
  // use it fail, as they did when fontkit read it, and render-failure.ts names the font.
  if (end < start || end > tables.glyf.length) throw new RangeError(`glyph ${glyphId} of the font lies outside its glyf table (loca is damaged)`);
  const record = tables.glyf.subarray(start, end);
  if (record.length < 10) return record;
  const source = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (source.getInt16(0) >= 0) return record;
  const copy = record.slice();
  const target = new DataView(copy.buffer);
  let at = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    if (at + 4 > copy.length) throw new Error(`the font's composite glyph ${glyphId} is cut short`);
    flags = target.getUint16(at);
    target.setUint16(at + 2, subset.includeGlyph(target.getUint16(at + 2)));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  }
  return copy;
}

/** The advance and left side bearing of a glyph, as hmtx gives them (past the long metrics: the last advance, its own bearing). */
function metricsOf(tables: TrueTypeTables, glyphId: number): [advance: number, bearing: number] {
  const { hmtx, numberOfHMetrics } = tables;
  if (glyphId < numberOfHMetrics) return [hmtx.getUint16(glyphId * 4), hmtx.getInt16(glyphId * 4 + 2)];
  const bearingAt = numberOfHMetrics * 4 + (glyphId - numberOfHMetrics) * 2;
  return [hmtx.getUint16((numberOfHMetrics - 1) * 4), bearingAt + 2 <= hmtx.byteLength ? hmtx.getInt16(bearingAt) : 0];
}

/**
 * The subset as a TrueType file, laid out as fontkit's TTFSubset.encode lays it out: head, hhea,
 * loca, maxp, cvt, prep, glyf, hmtx, fpgm (those the font has), one after the other after the
 * directory, with the glyph count and metrics count set and every checksum 0.
 */
export function encodeSubset(tables: TrueTypeTables, subset: FontSubset): Uint8Array {
  const records: Uint8Array[] = [];
  // Composite glyphs append their components to subset.glyphs as they are copied.
  for (let index = 0; index < subset.glyphs.length; index++) records.push(glyphRecord(tables, subset.glyphs[index] ?? 0, subset));
  const count = records.length;
  const glyfLength = records.reduce((sum, record) => sum + record.length, 0);
  const loca = new Uint8Array((count + 1) * (tables.longOffsets ? 4 : 2));
  const locaView = new DataView(loca.buffer);
  let offset = 0;
  for (let index = 0; index <= count; index++) {
    if (tables.longOffsets) locaView.setUint32(index * 4, offset);
    else locaView.setUint16(index * 2, offset >>> 1);
    offset += records[index]?.length ?? 0;
  }
  const hmtx = new Uint8Array(count * 4);
  const hmtxView = new DataView(hmtx.buffer);
  subset.glyphs.forEach((glyphId, index) => {
    const [advance, bearing] = metricsOf(tables, glyphId);
    hmtxView.setUint16(index * 4, advance);
    hmtxView.setInt16(index * 4 + 2, bearing);
  });
  const hhea = tables.hhea.slice();
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = tables.maxp.slice();
  new DataView(maxp.buffer).setUint16(4, count);

  const parts: [string, Uint8Array | Uint8Array[] | undefined][] = [
    ['head', tables.head],
    ['hhea', hhea],
    ['loca', loca],
    ['maxp', maxp],
    ['cvt ', tables.cvt],
    ['prep', tables.prep],
    ['glyf', records],
    ['hmtx', hmtx],
    ['fpgm', tables.fpgm],
  ];
  const present = parts.filter((part): part is [string, Uint8Array | Uint8Array[]] => part[1] !== undefined);
  const lengthOf = (data: Uint8Array | Uint8Array[]): number => (Array.isArray(data) ? glyfLength : data.length);
  const numTables = present.length;
  const headerLength = 12 + numTables * 16;
  const out = new Uint8Array(headerLength + present.reduce((sum, [, data]) => sum + lengthOf(data), 0));
  const view = new DataView(out.buffer);
  // The header fontkit writes: a 'true' tag and the binary-search fields from the table count.
  const power = 2 ** Math.floor(Math.log2(numTables));
  out.set([0x74, 0x72, 0x75, 0x65], 0);
  view.setUint16(4, numTables);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, numTables * 16 - power * 16);
  let at = headerLength;
  present.forEach(([tag, data], index) => {
    const entry = 12 + index * 16;
    for (let char = 0; char < 4; char++) out[entry + char] = tag.charCodeAt(char);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, lengthOf(data));
    for (const chunk of Array.isArray(data) ? data : [data]) {
      out.set(chunk, at);
      at += chunk.length;
    }
  });
  return out;
}
