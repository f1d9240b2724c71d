/**
 * The font objects of a PDF: the embedded subset, its ToUnicode map and its name.
 *
 * The subset is built by copying bytes. fontkit's TTFSubset.encode decodes every glyph it keeps
 * and re-encodes the tables through its binary structures: ~5 ms a face a document, most of a role
 * PDF's end. A TrueType subset is only the kept glyphs' glyf records one after the other, a loca
 * pointing at them, their hmtx metrics and a few small tables copied whole; this module reads the
 * font's own tables once per worker and writes that, byte for byte what fontkit writes (the same
 * tables in the same order, with its 'true' header and zero checksums). CFF fonts keep fontkit's
 * subsetter. A stand-in for a missing character (glyphs.ts) is written as a copy of .notdef.
 *
 * The ToUnicode map is written as bfchar entries, at most 100 to a block (toUnicodeCMap): pdfkit's
 * bfrange arrays read right in viewers, but Ghostscript's pdfwrite (10.0, behind most "compress" and
 * "merge" tools) read their two-byte values as one byte and wrote a map of garbage; a block of more
 * than 100 entries (over the CMap format's limit) it drops whole. LibreOffice writes bfchar blocks
 * of 100, and its PDFs come through.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';
import type { EmbeddedFont, FontSubset, PdfReference } from 'pdfkit';
import type { FontFace, FontGlyph, FontSet } from '../fonts.js';
import { isStandIn, REPLACEMENT_CHARACTER } from './glyphs.js';

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

/**
 * How the font file is deflated: see deflateFontFileFast. Measured on a role's 112 KB Noto Serif SC
 * subset (glyph outlines: little repeats, so most of the time goes to looking for matches): level
 * 1 1.74 ms and 79,920 bytes; level 2 with zlib's larger hash table (memLevel 9, 64 K entries
 * against 32 K, so fewer unrelated places to compare) 1.46 ms and 78,883 bytes.
 */
const FONT_FILE_DEFLATE = { level: 2, memLevel: 9 } as const;

const HEAD_LENGTH = 54;
const HHEA_LENGTH = 36;
const MAXP_V1_LENGTH = 32;

const sources = new WeakMap<object, TrueTypeTables | null>();
const patched = new WeakSet<EmbeddedFont>();
/** Documents whose fonts code each glyph by its id in the font (useStableCodes). */
const stableDocuments = new WeakSet<PDFDocument>();
/** Fonts whose codes are glyph ids: their used codes. */
const stableFonts = new WeakMap<EmbeddedFont, Set<number>>();

/** What a subset renumbers composite glyphs' components through. */
interface GlyphNumbering {
  includeGlyph(glyphId: number): number;
}

/**
 * Makes every font of `doc` code a glyph by its id in the font (the subset keeps the font's glyph
 * numbering, unused glyphs left empty) instead of by the order the document first used it. A page
 * drawn so reads the same whichever document it ends up in: the handbook's parts are drawn in
 * documents of their own and their pages copied into the handbook (pdf-part.ts, link-parts.ts).
 * Only TrueType faces (see canUseStableCodes); role PDFs keep the compact numbering.
 */
export function useStableCodes(doc: PDFDocument): void {
  stableDocuments.add(doc);
}

/** Whether every face of the set can be written with stable codes: a TrueType face whose tables this module copies. */
export function canUseStableCodes(fonts: FontSet): boolean {
  return [fonts.regular, fonts.bold, fonts.fallback].every((face) => face === undefined || trueTypeTablesOf(face) !== null);
}

/**
 * The code of a stand-in (glyphs.ts) in a font with stable codes: a number past the face's glyphs
 * that depends on the character alone, so every part of a document gives a missing character the
 * same code. Two missing characters 65,536 − numGlyphs apart share one (the first one's ToUnicode
 * entry wins); a face with no code left over draws them all as .notdef (U+FFFD to a reader).
 */
export function standInCode(face: Pick<FontFace, 'numGlyphs'>, codePoint: number): number {
  const room = 0x10000 - face.numGlyphs;
  return room > 0 ? face.numGlyphs + (codePoint % room) : 0;
}

/** The code a glyph is written with in `font` (registering it in the subset): its stable code, or the subset's number for it. */
export function glyphCode(font: EmbeddedFont, glyph: FontGlyph): number {
  const used = stableFonts.get(font);
  if (!used) return font.subset.includeGlyph(glyph.id);
  const code = isStandIn(font.font, glyph.id) ? standInCode(font.font, glyph.codePoints[0] ?? REPLACEMENT_CHARACTER) : glyph.id;
  used.add(code);
  return code;
}

/** Registers a glyph another document drew with stable codes (a page's kept furniture) in `font`, which uses them too. */
export function includeStableCode(font: EmbeddedFont, code: number, width: number, codePoints: readonly number[]): void {
  includeStableGlyphs(font, [code, width, codePoints.length, ...codePoints]);
}

/**
 * Registers glyphs another document drew with stable codes (a part, link-parts.ts) in `font`, which
 * uses them too: a flat list (pdf-part.ts PdfPartBody.glyphs), per glyph its code, width, how many
 * characters it stands for, and those characters; the characters copied out only for a code the
 * font has not seen.
 */
export function includeStableGlyphs(font: EmbeddedFont, glyphs: readonly number[]): void {
  const used = stableFonts.get(font);
  if (!used) throw new Error(`the font ${font.font.postscriptName} does not use stable glyph codes`);
  for (let at = 0; at + 2 < glyphs.length; ) {
    const code = glyphs[at] ?? 0;
    const count = glyphs[at + 2] ?? 0;
    used.add(code);
    if (font.widths[code] == null) font.widths[code] = glyphs[at + 1] ?? 0;
    if (font.unicode[code] == null) font.unicode[code] = glyphs.slice(at + 3, at + 3 + count);
    at += 3 + count;
  }
}

/** The codes a font with stable codes has used so far, ascending; none for any other font. */
export function stableCodesOf(font: EmbeddedFont): readonly number[] | undefined {
  const used = stableFonts.get(font);
  return used ? [...used].sort((a, b) => a - b) : undefined;
}


/**
 * Makes pdfkit's font write roledoc's font objects when the document ends: the ToUnicode map as
 * toUnicodeCMap writes it, a subset tag of its own (subsetTag), stand-ins as .notdef, and the
 * subset of a TrueType face through encodeSubset (pdfkit's EmbeddedFont calls
 * `this.subset.encode()` and `this.toUnicodeCmap()` in embed()); a CFF or unusual font keeps
 * fontkit's own encoder. Patched on the instance, once.
 */
export function useFastSubset(font: EmbeddedFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  Reflect.set(font, 'toUnicodeCmap', () => {
    const cmap = font.document.ref();
    cmap.end(new TextEncoder().encode(toUnicodeCMap(font.unicode)));
    return cmap;
  });
  tagSubsetByContent(font);
  const { subset } = font;
  const tables = trueTypeTablesOf(font.font);
  if (stableDocuments.has(font.document)) {
    if (!tables) throw new Error(`the font ${font.font.postscriptName} cannot be written with stable glyph codes (not a TrueType font)`);
    useStableSubset(font, tables);
    deflateFontFileFast(font);
    return;
  }
  if (!tables || subset.cff != null) {
    encodeStandInsAsNotdef(font.font, subset);
    return;
  }
  subset.encode = () => encodeSubset(tables, subset);
  deflateFontFileFast(font);
}

/**
 * fontkit's own encoder (a CFF font) with each stand-in as glyph 0: it writes one charstring per
 * entry of the glyph list, so a repeated 0 is a copy of .notdef under its own number.
 */
function encodeStandInsAsNotdef(face: FontFace, subset: FontSubset): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const kept = subset.glyphs.slice();
    subset.glyphs.forEach((glyphId, index) => {
      if (isStandIn(face, glyphId)) subset.glyphs[index] = 0;
    });
    try {
      return encode();
    } finally {
      subset.glyphs.splice(0, subset.glyphs.length, ...kept);
    }
  };
}

/**
 * A subset that keeps the font's glyph numbering (useStableCodes): the used codes, written by
 * encodeStableSubset; the widths as ranges of the codes used (pdfkit writes `[0 [every width]]`,
 * which a sparse list would fill with nulls).
 */
function useStableSubset(font: EmbeddedFont, tables: TrueTypeTables): void {
  const used = new Set<number>([0]);
  stableFonts.set(font, used);
  const subset: FontSubset = {
    glyphs: [],
    includeGlyph(code) {
      used.add(code);
      return code;
    },
    encode: () => encodeStableSubset(tables, used),
  };
  Reflect.set(font, 'subset', subset);
  watchEmbedObjects(font, (ref) => {
    if ('W' in ref.data) ref.data['W'] = compactWidths(font.widths);
  });
}

/** A CIDFont's /W for sparse codes: each run of consecutive codes as `first [widths…]`. */
export function compactWidths(widths: readonly (number | undefined)[]): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] | undefined;
  let next = -1;
  widths.forEach((width, code) => {
    if (width === undefined) return;
    if (run === undefined || code !== next) {
      run = [];
      out.push(code, run);
    }
    run.push(width);
    next = code + 1;
  });
  return out;
}

/**
 * The subset of a font with stable codes as a TrueType file: as many glyphs as the highest code
 * used, each used one (and each component of a composite) copied from the font — a stand-in's
 * code as a copy of .notdef — and every other glyph empty, with no metrics. Empty glyphs cost a
 * loca and an hmtx entry each, which deflate to almost nothing.
 */
function encodeStableSubset(tables: TrueTypeTables, used: Set<number>): Uint8Array {
  const records = new Map<number, Uint8Array>();
  const queue = [...used];
  const numbering: GlyphNumbering = {
    includeGlyph(glyphId) {
      if (!used.has(glyphId)) {
        used.add(glyphId);
        queue.push(glyphId);
      }
      return glyphId;
    },
  };
  for (let code = queue.pop(); code !== undefined; code = queue.pop()) records.set(code, glyphRecord(tables, code, numbering));
  const count = Math.max(...used) + 1;
  const glyphs: Uint8Array[] = [];
  const metricsSources: (number | undefined)[] = [];
  for (let code = 0; code < count; code++) {
    const record = records.get(code);
    glyphs.push(record ?? EMPTY);
    metricsSources.push(record === undefined ? undefined : sourceGlyph(tables, code));
  }
  return writeTrueType(tables, glyphs, metricsSources);
}

const EMPTY = new Uint8Array(0);

/**
 * pdfkit names every subset by the font's resource name (F1 → BZZZZZ+…), so each role PDF's
 * regular subset has the same tag; merged into one file (pdfunite, a print shop's imposition)
 * different subsets then share a name, which PDF 32000 9.6.4 forbids and which a tool that matches
 * fonts by name gets wrong. The tag is instead made from what the subset holds — its glyphs and
 * what they stand for — so equal subsets share a tag and different ones almost never do. pdfkit
 * builds the tag from `id` inside embed() (each letter from a character of it); the resource name
 * was written with the pages before embed() runs, so `id` is swapped for that call alone.
 */
function tagSubsetByContent(font: EmbeddedFont): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const resourceName = font.id;
    // pdfkit: tag letter i = String.fromCharCode(id.charCodeAt(i) + 17), for i = 1…6.
    Reflect.set(font, 'id', `F${Array.from(subsetTag(font), (letter) => String.fromCharCode(letter.charCodeAt(0) - 17)).join('')}`);
    try {
      embed();
    } finally {
      Reflect.set(font, 'id', resourceName);
    }
  };
}

/** Six capital letters from a hash of the face's name, the subset's glyphs (stand-ins as what they stand for) and the ToUnicode map. */
function subsetTag(font: EmbeddedFont): string {
  const hash = createHash('sha256');
  hash.update(`${font.font.postscriptName}\n`);
  // A stand-in's number depends on what the worker drew before; what it stands for does not.
  const stable = stableCodesOf(font);
  const labels = stable
    ? stable.map((code) => (isStandIn(font.font, code) ? `u${font.unicode[code]?.join('.') ?? ''}` : String(code)))
    : font.subset.glyphs.map((glyphId, index) => (isStandIn(font.font, glyphId) ? `u${font.unicode[index]?.join('.') ?? ''}` : String(glyphId)));
  hash.update(`${stable ? 'stable:' : ''}${labels.join(',')}`);
  hash.update('\n');
  hash.update(font.unicode.map((codePoints) => codePoints?.join('.') ?? '').join(','));
  const digest = hash.digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** Entries in one bfchar block: the CMap format's limit, which Ghostscript enforces. */
const ENTRIES_PER_BLOCK = 100;

/** A UTF-16BE hex string of code points, as a ToUnicode destination (pairs of surrogates past the BMP). */
function utf16Hex(codePoints: readonly number[]): string {
  let out = '';
  for (const codePoint of codePoints) {
    for (const unit of String.fromCodePoint(codePoint)) {
      for (let index = 0; index < unit.length; index++) out += unit.charCodeAt(index).toString(16).padStart(4, '0');
    }
  }
  return out;
}

/**
 * The ToUnicode CMap of a subset whose glyph `cid` stands for `unicode[cid]`: one bfchar entry a
 * glyph, in blocks of at most 100, two-byte codes (Identity-H). Glyph 0, .notdef, maps to U+FFFD
 * (pdfkit lists it as U+0000, which readers drop or paste as a NUL); a glyph that stands for no
 * character is left out.
 */
export function toUnicodeCMap(unicode: readonly (readonly number[] | undefined)[]): string {
  const entries: string[] = [];
  unicode.forEach((codePoints, cid) => {
    if (!codePoints || codePoints.length === 0) return;
    const characters = codePoints.length === 1 && codePoints[0] === 0 ? [0xfffd] : codePoints;
    entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(characters)}>`);
  });
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_BLOCK) {
    const block = entries.slice(start, start + ENTRIES_PER_BLOCK);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * pdfkit deflates every stream at zlib's default level 6; for the font file (~100 KB a document)
 * that is the largest cost left at the end of a role PDF. FONT_FILE_DEFLATE takes 40% less time
 * for about 3% more bytes (level 6: 2.56 ms and 76,717 bytes for the subset above). The font file
 * is the first object embed() creates (pdfkit 0.20's EmbeddedFont.embed: `const fontFile =
 * this.document.ref()`, then `fontFile.end(subset.encode())`), so for that one call the
 * document's ref() hands out an object that takes its stream deflated already; every other
 * object of the font (its ToUnicode map among them) is written as before.
 */
function deflateFontFileFast(font: EmbeddedFont): void {
  watchEmbedObjects(font, (ref, index) => {
    if (index !== 0) return;
    const end = ref.end.bind(ref);
    ref.end = (chunk) => {
      ref.compress = false;
      ref.data['Filter'] = 'FlateDecode';
      end(chunk === undefined ? undefined : deflateSync(chunk, FONT_FILE_DEFLATE));
    };
  });
}

/**
 * Calls `made` with each object pdfkit's embed() makes for the font, in the order it makes them
 * (0: the font file), before embed() writes it. The document's ref() is wrapped for the length of
 * embed() alone, so watchers installed one after the other all see every object.
 */
function watchEmbedObjects(font: EmbeddedFont, made: (ref: PdfReference, index: number) => void): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const doc = font.document;
    const makeReference = doc.ref;
    let index = 0;
    doc.ref = (data) => {
      const ref = makeReference.call(doc, data);
      made(ref, index++);
      return ref;
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

/** The font's glyph a subset entry is drawn with: itself, or .notdef for a stand-in (numbered past the font's glyphs). */
function sourceGlyph(tables: TrueTypeTables, glyphId: number): number {
  return glyphId >= tables.glyphStarts.length - 1 ? 0 : glyphId;
}

/** A glyph's record, with the ids of a composite's components renumbered into the subset (adding them to it). */
function glyphRecord(tables: TrueTypeTables, subsetEntry: number, subset: GlyphNumbering): Uint8Array {
  const glyphId = sourceGlyph(tables, subsetEntry);
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
 * directory, with the glyph count and metrics count set and every checksum 0. A stand-in
 * (glyphs.ts) is written as a copy of .notdef's record and metrics.
 */
export function encodeSubset(tables: TrueTypeTables, subset: FontSubset): Uint8Array {
  const records: Uint8Array[] = [];
  // Composite glyphs append their components to subset.glyphs as they are copied.
  for (let index = 0; index < subset.glyphs.length; index++) records.push(glyphRecord(tables, subset.glyphs[index] ?? 0, subset));
  return writeTrueType(
    tables,
    records,
    subset.glyphs.map((glyphId) => sourceGlyph(tables, glyphId)),
  );
}

/**
 * A TrueType file of `records` (glyph i's glyf record) with the metrics of `metricsSources[i]`
 * (a glyph of the font; none: advance and bearing 0).
 */
function writeTrueType(tables: TrueTypeTables, records: readonly Uint8Array[], metricsSources: readonly (number | undefined)[]): Uint8Array {
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
  metricsSources.forEach((glyphId, index) => {
    if (glyphId === undefined) return;
    const [advance, bearing] = metricsOf(tables, glyphId);
    hmtxView.setUint16(index * 4, advance);
    hmtxView.setInt16(index * 4 + 2, bearing);
  });
  const hhea = tables.hhea.slice();
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = tables.maxp.slice();
  new DataView(maxp.buffer).setUint16(4, count);

  const parts: [string, Uint8Array | readonly Uint8Array[] | undefined][] = [
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
  const present = parts.filter((part): part is [string, Uint8Array | readonly Uint8Array[]] => part[1] !== undefined);
  const lengthOf = (data: Uint8Array | readonly Uint8Array[]): number => (Array.isArray(data) ? glyfLength : data.length);
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
