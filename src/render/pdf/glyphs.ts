/**
 * Glyph ids and advances per character, kept per face for the whole worker: shaping with fontkit
 * costs tens of microseconds a call, pdfkit caches it per document only, and most of a role's text
 * (Chinese) needs no shaping at all. A character is "plain" when shaping provably leaves it as the
 * cmap's glyph with its hmtx advance (see plainGlyphIds); a text made only of plain characters is
 * measured and drawn from this table. Anything else (Latin, which the fonts kern; digits, which
 * they substitute in Chinese text) is shaped by fontkit exactly as pdfkit did, and the result kept.
 *
 * A character the face lacks is drawn as a stand-in (see standInFor): a glyph of its own that
 * font-subset.ts writes as a copy of .notdef. It looks exactly as glyph 0 did — the box the build
 * warns about — but has its own number in the PDF, so the ToUnicode map can give it back as the
 * character it stands for; drawn as glyph 0 itself, every missing character shared one entry (U+0000).
 */
import { isCjk } from '../../layout/geometry.js';
import type { FontFace, FontGlyph, KeptShaping, ShapedRun } from '../fonts.js';

export interface GlyphTable {
  /** The face's units per em (fontkit reads it from the head table on every access). */
  readonly unitsPerEm: number;
  /** The cmap's glyph for a character, unshaped; a stand-in for one the face lacks. */
  glyph(codePoint: number): FontGlyph;
  /** Whether shaping can change nothing about this character, whatever stands around it in a plain text. */
  isPlain(codePoint: number): boolean;
  /** A plain character's advance in font units; undefined for one that needs shaping. */
  plainUnits(codePoint: number): number | undefined;
  /** The advance of `text` in font units when every character of it is plain; otherwise undefined. */
  plainAdvance(text: string): number | undefined;
  /** fontkit's shaping of `text`, kept for the worker: what a Latin word is drawn from. Glyph 0 comes back as stand-ins. */
  shape(text: string): ShapedRun;
  /** The advance fontkit's shaping gives `text`, in font units, kept for the worker: what a line with Latin in it is measured by. */
  shapedAdvance(text: string): number;
}

/**
 * How many shaped runs (words, drawn) and shaped advances (whole lines, measured) a face keeps; past
 * that the cache starts again, so a worker's memory stays bounded however many documents it renders.
 */
const SHAPED_RUNS_LIMIT = 5_000;
const SHAPED_ADVANCES_LIMIT = 50_000;

/**
 * Latin is shaped without standard or contextual ligatures (ﬁ, ﬃ), as Word sets text by default, so
 * the PDF's words look as the .docx's do; and a ligature's one glyph stands for several characters
 * in the text layer, which Ghostscript's pdfwrite (10.0) garbles ("office" came out "o昀케ce").
 */
const WITHOUT_LIGATURES: Readonly<Record<string, boolean>> = { liga: false, clig: false };

const tables = new WeakMap<FontFace, GlyphTable>();

/**
 * Whether a glyph id is a stand-in for a character the face lacks rather than one of the face's
 * own glyphs: stand-ins are numbered past the face's last glyph. The number is only a key (the
 * subset numbers glyphs in the order a document uses them), so it may differ from worker to worker
 * without changing a byte of a document.
 */
export function isStandIn(face: Pick<FontFace, 'numGlyphs'>, glyphId: number): boolean {
  return glyphId >= glyphCountOf(face);
}

/** Each face's glyph count, read once: fontkit's numGlyphs getter looks the maxp table up on every call (~0.1 s a 1,000-role build). */
const glyphCounts = new WeakMap<object, number>();

function glyphCountOf(face: Pick<FontFace, 'numGlyphs'>): number {
  let count = glyphCounts.get(face);
  if (count === undefined) {
    count = face.numGlyphs;
    glyphCounts.set(face, count);
  }
  return count;
}

/** Stand-ins per face, for the worker: one per missing character, so a document registers it once. */
const standIns = new WeakMap<FontFace, Map<number, FontGlyph>>();

/**
 * The stand-in glyph for `codePoint` in a face that lacks it: a number of its own, the character
 * it stands for, and `notdef`'s advance (glyph 0, what fontkit gave for the character), so it is
 * measured and drawn where glyph 0 was.
 */
function standInFor(face: FontFace, codePoint: number, notdef: FontGlyph): FontGlyph {
  let byCodePoint = standIns.get(face);
  if (!byCodePoint) {
    byCodePoint = new Map();
    standIns.set(face, byCodePoint);
  }
  let glyph = byCodePoint.get(codePoint);
  if (!glyph) {
    glyph = { id: face.numGlyphs + byCodePoint.size, advanceWidth: notdef.advanceWidth, codePoints: [codePoint] };
    byCodePoint.set(codePoint, glyph);
  }
  return glyph;
}

/** Unicode's default ignorables: fontkit may draw one the face lacks as a hidden space instead of glyph 0. */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * A shaped run with its glyph 0s replaced by stand-ins. fontkit keeps one Glyph object per id, so
 * a glyph 0 does not say which character it was drawn for; the run's glyph 0s are the text's
 * missing characters in order (no lookup of a font acts on .notdef), so they are matched up in
 * order — with or without the default ignorables, which fontkit hides or not by the first
 * character it ever gave glyph 0 for. Should neither count fit, each is a stand-in for U+FFFD: a
 * reader sees that something is missing, never a wrong character.
 */
function withStandIns(face: FontFace, text: string, run: ShapedRun): ShapedRun {
  const zeros = run.glyphs.filter((glyph) => glyph.id === 0).length;
  if (zeros === 0) return run;
  const missing = Array.from(text, (char) => char.codePointAt(0) ?? 0).filter((codePoint) => !face.hasGlyphForCodePoint(codePoint));
  const shown = missing.filter((codePoint) => !DEFAULT_IGNORABLE.test(String.fromCodePoint(codePoint)));
  const matched = missing.length === zeros ? missing : shown.length === zeros ? shown : undefined;
  let next = 0;
  const glyphs = run.glyphs.map((glyph) => (glyph.id === 0 ? standInFor(face, matched?.[next++] ?? REPLACEMENT_CHARACTER, glyph) : glyph));
  return { glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
}

/**
 * `found` as the glyph of `codePoint`. fontkit keeps one object per glyph, with the characters
 * of the text it was first made for: a glyph two characters share (U+0020 and U+00A0) would say
 * whichever the worker drew first, and a document's ToUnicode map would depend on the documents
 * drawn before it.
 */
function standsFor(found: FontGlyph, codePoint: number): FontGlyph {
  if (found.codePoints.length === 1 && found.codePoints[0] === codePoint) return found;
  return { id: found.id, advanceWidth: found.advanceWidth, codePoints: [codePoint] };
}

/** U+FFFD: what a reader is given for a character that cannot be told. */
export const REPLACEMENT_CHARACTER = 0xfffd;

/** A face's key in KeptShaping. */
export const faceKey = (face: Pick<FontFace, 'postscriptName' | 'version' | 'numGlyphs'>): string => `${face.postscriptName}/${face.version}/${face.numGlyphs}`;

interface FaceShaping {
  readonly runs: Map<string, readonly number[]>;
  readonly advances: Map<string, number>;
}

/** Shaping kept by earlier builds (keepShaping), and what this thread shaped since it last said (takeShaping); none: not kept. */
let keptShaping: Map<string, FaceShaping> | undefined;
let shapedSince: Map<string, FaceShaping> | undefined;

function faceShaping(byFace: Map<string, FaceShaping>, key: string): FaceShaping {
  let found = byFace.get(key);
  if (!found) {
    found = { runs: new Map(), advances: new Map() };
    byFace.set(key, found);
  }
  return found;
}

/**
 * Shapes from `kept` (what earlier builds shaped) where fontkit would be asked, and starts
 * noting what is shaped anew, for takeShaping. A kept run is checked as it is used (keptRun): one
 * with an id the face does not have, or characters that are not its text's, is shaped again.
 */
export function keepShaping(kept: KeptShaping): void {
  keptShaping = new Map(Object.entries(kept).map(([key, face]) => [key, { runs: new Map(face.runs), advances: new Map(face.advances) }]));
  shapedSince = new Map();
}

/** What this thread shaped since keepShaping or the last take: for the build cache. */
export function takeShaping(): KeptShaping {
  const taken = shapedSince ?? new Map<string, FaceShaping>();
  if (shapedSince) shapedSince = new Map();
  return Object.fromEntries([...taken].map(([key, face]) => [key, { runs: [...face.runs], advances: [...face.advances] }]));
}

export function glyphTableOf(face: FontFace): GlyphTable {
  let table = tables.get(face);
  if (!table) {
    table = createGlyphTable(face);
    tables.set(face, table);
  }
  return table;
}

function createGlyphTable(face: FontFace): GlyphTable {
  const glyphs = new Map<number, FontGlyph>();
  /** A plain character's advance, or -1 for one that needs shaping. */
  const plainAdvances = new Map<number, number>();
  const shaped = new Map<string, ShapedRun>();
  const shapedAdvances = new Map<string, number>();
  let mayTouch: ((glyphId: number) => boolean) | undefined;
  const key = faceKey(face);
  const glyph = (codePoint: number): FontGlyph => {
    let found = glyphs.get(codePoint);
    if (!found) {
      found = face.glyphForCodePoint(codePoint);
      if (found.id === 0) found = standInFor(face, codePoint, found);
      else found = standsFor(found, codePoint);
      glyphs.set(codePoint, found);
    }
    return found;
  };
  /**
   * A shaped run whose glyphs say the characters of this text: where a glyph is the cmap's for
   * the character at its place (one glyph per character, none moved), that character, not the
   * one fontkit's object was first made for.
   */
  const ownCharacters = (text: string, run: ShapedRun): ShapedRun => {
    const codePoints = Array.from(text, (char) => char.codePointAt(0) ?? 0);
    if (codePoints.length !== run.glyphs.length) return run;
    let changed = false;
    const own = run.glyphs.map((each, index) => {
      const codePoint = codePoints[index] ?? 0;
      if (each.id !== glyph(codePoint).id) return each;
      const mine = standsFor(each, codePoint);
      changed ||= mine !== each;
      return mine;
    });
    return changed ? { glyphs: own, positions: run.positions, advanceWidth: run.advanceWidth } : run;
  };
  const plainAdvance = (codePoint: number): number => {
    let advance = plainAdvances.get(codePoint);
    if (advance === undefined) {
      mayTouch ??= shapingMayTouch(face);
      const found = glyph(codePoint);
      // A stand-in is glyph 0 to the font's lookups.
      advance = plainCandidate(codePoint) && !mayTouch(isStandIn(face, found.id) ? 0 : found.id) ? found.advanceWidth : -1;
      plainAdvances.set(codePoint, advance);
    }
    return advance;
  };
  /**
   * fontkit keeps one glyph object per id, with the characters of the first text it was made for,
   * and a document's ToUnicode map takes a glyph's characters from that object: where two
   * characters share a glyph (U+0020 and U+00A0), which came first decides. Shaping a text makes
   * the objects of its characters' glyphs first; a text taken from the kept shaping makes them
   * too, so that a document is the same bytes whether its texts were shaped now or kept.
   */
  const asShapingWould = (text: string): void => {
    face.glyphsForString(text);
  };
  /**
   * A run as an earlier build shaped it: fontkit's glyph for each id it kept (the same object
   * fontkit's shaping returns), at the positions it kept. One that does not fit the face or the
   * text (glyph 0, an id past the face's glyphs, characters that are not the text's) is not used.
   */
  const keptRun = (text: string): ShapedRun | undefined => {
    const numbers = keptShaping?.get(key)?.runs.get(text);
    if (numbers === undefined) return undefined;
    asShapingWould(text);
    const glyphs: FontGlyph[] = [];
    const positions: ShapedRun['positions'][number][] = [];
    const characters: number[] = [];
    let advanceWidth = 0;
    for (let at = 0; at < numbers.length; ) {
      const [id = 0, xAdvance = 0, xOffset = 0, yOffset = 0, count = 0] = numbers.slice(at, at + 5);
      const codePoints = numbers.slice(at + 5, at + 5 + count);
      if (id <= 0 || id >= face.numGlyphs || !Number.isInteger(id) || codePoints.length !== count) return undefined;
      glyphs.push(face.getGlyph(id, codePoints));
      positions.push({ xAdvance, xOffset, yOffset });
      characters.push(...codePoints);
      advanceWidth += xAdvance;
      at += 5 + count;
    }
    return String.fromCodePoint(...characters) === text ? ownCharacters(text, { glyphs, positions, advanceWidth }) : undefined;
  };
  /** fontkit's shaping; noted for the build cache unless it has a glyph 0 (drawn from a stand-in) or its characters are not the text's. */
  const shapeAnew = (text: string): ShapedRun => {
    const shapedRun = face.layout(text, WITHOUT_LIGATURES);
    const withOwnStandIns = withStandIns(face, text, shapedRun);
    const noStandIns = withOwnStandIns === shapedRun;
    const run = ownCharacters(text, withOwnStandIns);
    if (shapedSince && noStandIns && String.fromCodePoint(...run.glyphs.flatMap((each) => each.codePoints)) === text) {
      faceShaping(shapedSince, key).runs.set(
        text,
        run.glyphs.flatMap((each, index) => {
          const position = run.positions[index];
          return [each.id, position?.xAdvance ?? 0, position?.xOffset ?? 0, position?.yOffset ?? 0, each.codePoints.length, ...each.codePoints];
        }),
      );
    }
    return run;
  };
  return {
    unitsPerEm: face.unitsPerEm,
    glyph,
    isPlain: (codePoint) => plainAdvance(codePoint) >= 0,
    plainUnits(codePoint) {
      const advance = plainAdvance(codePoint);
      return advance >= 0 ? advance : undefined;
    },
    plainAdvance(text) {
      let sum = 0;
      for (let index = 0; index < text.length; index++) {
        const codePoint = text.codePointAt(index) ?? 0;
        if (codePoint > 0xffff) index++;
        const advance = plainAdvance(codePoint);
        if (advance < 0) return undefined;
        sum += advance;
      }
      return sum;
    },
    shape(text) {
      let run = shaped.get(text);
      if (!run) {
        if (shaped.size >= SHAPED_RUNS_LIMIT) shaped.clear();
        run = keptRun(text) ?? shapeAnew(text);
        shaped.set(text, run);
      }
      return run;
    },
    shapedAdvance(text) {
      let advance = shapedAdvances.get(text);
      if (advance === undefined) {
        if (shapedAdvances.size >= SHAPED_ADVANCES_LIMIT) shapedAdvances.clear();
        advance = shaped.get(text)?.advanceWidth;
        const kept = advance === undefined ? keptShaping?.get(key)?.advances.get(text) : undefined;
        if (kept !== undefined) {
          asShapingWould(text);
          advance = kept;
        } else if (advance === undefined) {
          advance = face.layout(text, WITHOUT_LIGATURES).advanceWidth;
          if (shapedSince) faceShaping(shapedSince, key).advances.set(text, advance);
        }
        shapedAdvances.set(text, advance);
      }
      return advance;
    },
  };
}

/**
 * Characters that could be plain, by what fontkit does besides the font's own lookups: CJK (the
 * renderer's own class) and Latin up to Latin Extended-B, all shaped by fontkit's default shaper
 * left to right. Left out: combining marks (zeroed and attached), the soft hyphen (hidden as a
 * default ignorable) and Hangul compatibility jamo (fontkit's Hangul shaper composes Hangul).
 */
function plainCandidate(codePoint: number): boolean {
  if (codePoint === 0xad) return false;
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  if (codePoint >= 0xa0 && codePoint <= 0x24f) return true;
  if ((codePoint >= 0x302a && codePoint <= 0x302f) || codePoint === 0x3099 || codePoint === 0x309a) return false;
  if (codePoint >= 0x3130 && codePoint <= 0x318f) return false;
  return isCjk(String.fromCodePoint(codePoint));
}

/**
 * The features fontkit's default shaper turns on for horizontal text (DefaultShaper and
 * OTLayoutEngine): a lookup of any other feature never runs unless asked for.
 */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/**
 * Coverage tables at which a lookup can start acting on a glyph. Left out are the ones that only
 * look: a mark attaches to a base (baseCoverage) but moves only the mark; backtrack and lookahead
 * glyphs of a chained context are matched, never changed.
 */
const ACTING_COVERAGE_KEYS = new Set(['coverage', 'coverages', 'inputCoverage', 'markCoverage', 'mark1Coverage']);

/**
 * Every glyph a default-feature lookup of the font (any script, its default language) can
 * substitute or move, and the GDEF marks (fontkit zeroes their advance). A text whose glyphs are
 * all outside this set starts no lookup anywhere, so shaping it yields the cmap's glyphs with their
 * hmtx advances: exactly what the table gives. A font shaped by other machinery (AAT morx, an old
 * kern table) gets every glyph in the set: all its text is shaped.
 */
function shapingMayTouch(face: FontFace): (glyphId: number) => boolean {
  const touched = new Set<number>();
  // fontkit decodes a table when its property is first read; FontFace declares none of them.
  const table = (name: string): unknown => Reflect.get(face, name);
  if (table('morx') || table('kern')) return () => true;
  for (const name of ['GSUB', 'GPOS']) {
    const layout = table(name);
    if (!isRecord(layout)) continue;
    const lookups = layout['lookupList'];
    const features = arrayOf(layout['featureList']);
    const queue: number[] = [];
    for (const script of arrayOf(layout['scriptList'])) {
      const languageSystem = isRecord(script) && isRecord(script['script']) ? script['script']['defaultLangSys'] : undefined;
      if (!isRecord(languageSystem)) continue;
      for (const index of arrayOf(languageSystem['featureIndexes'])) {
        const feature = typeof index === 'number' ? features[index] : undefined;
        if (!isRecord(feature) || typeof feature['tag'] !== 'string' || !DEFAULT_FEATURES.has(feature['tag']) || !isRecord(feature['feature'])) continue;
        for (const lookupIndex of arrayOf(feature['feature']['lookupListIndexes'])) if (typeof lookupIndex === 'number') queue.push(lookupIndex);
      }
    }
    const seen = new Set<number>();
    while (queue.length > 0) {
      const index = queue.pop() ?? 0;
      if (seen.has(index)) continue;
      seen.add(index);
      const lookup = itemAt(lookups, index);
      if (!isRecord(lookup)) continue;
      for (const subtable of arrayOf(lookup['subTables'])) collectActingGlyphs(subtable, touched, queue, 0);
    }
  }
  const definitions = table('GDEF');
  const classes = isRecord(definitions) ? definitions['glyphClassDef'] : undefined;
  for (const [glyphId, glyphClass] of classEntries(classes)) if (glyphClass === 3) touched.add(glyphId);
  return (glyphId) => touched.has(glyphId);
}

/** Walks a lookup subtable (and the extension or contexts it holds) for its acting coverage and the lookups it calls. */
function collectActingGlyphs(node: unknown, touched: Set<number>, lookupQueue: number[], depth: number): void {
  // Subtables nest a few levels (extension → context → rule sets → rules); deeper is data, not structure.
  if (depth > 6) return;
  if (Array.isArray(node)) {
    for (const item of node) collectActingGlyphs(item, touched, lookupQueue, depth + 1);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (ACTING_COVERAGE_KEYS.has(key)) {
      for (const coverage of Array.isArray(value) ? value : [value]) addCoverage(coverage, touched);
    } else if (key === 'lookupRecords' || key === 'substLookupRecord' || key === 'posLookupRecord') {
      for (const record of arrayOf(value)) if (isRecord(record) && typeof record['lookupListIndex'] === 'number') lookupQueue.push(record['lookupListIndex']);
    } else if (key === 'extension' || key === 'ruleSets' || key === 'rules' || key === 'classSet' || key === 'chainRuleSets' || key === 'chainClassSet' || key === 'classRule' || key === 'chainClassRule') {
      collectActingGlyphs(value, touched, lookupQueue, depth + 1);
    }
  }
}

function addCoverage(coverage: unknown, touched: Set<number>): void {
  if (!isRecord(coverage)) return;
  for (const glyphId of arrayOf(coverage['glyphs'])) if (typeof glyphId === 'number') touched.add(glyphId);
  for (const range of arrayOf(coverage['rangeRecords'])) {
    if (!isRecord(range) || typeof range['start'] !== 'number' || typeof range['end'] !== 'number') continue;
    for (let glyphId = range['start']; glyphId <= range['end']; glyphId++) touched.add(glyphId);
  }
}

/** The (glyph, class) pairs a ClassDef table lists. */
function classEntries(classDef: unknown): [number, number][] {
  if (!isRecord(classDef)) return [];
  const out: [number, number][] = [];
  if (typeof classDef['startGlyph'] === 'number') {
    const start = classDef['startGlyph'];
    arrayOf(classDef['classValueArray']).forEach((value, offset) => {
      if (typeof value === 'number') out.push([start + offset, value]);
    });
  }
  for (const range of arrayOf(classDef['classRangeRecord'])) {
    if (!isRecord(range) || typeof range['start'] !== 'number' || typeof range['end'] !== 'number' || typeof range['class'] !== 'number') continue;
    for (let glyphId = range['start']; glyphId <= range['end']; glyphId++) out.push([glyphId, range['class']]);
  }
  return out;
}

/** Item `index` of a decoded array or of a lazy one, decoding only that item (a CJK font has thousands of lookups' worth of kerning). */
function itemAt(list: unknown, index: number): unknown {
  if (Array.isArray(list)) return list[index];
  if (isRecord(list) && typeof list['get'] === 'function') return Reflect.apply(list['get'], list, [index]);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A decoded array, or one of restructure's lazy arrays (which decode an item when asked), as a plain array. */
function arrayOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && typeof value['toArray'] === 'function') {
    const items: unknown = Reflect.apply(value['toArray'], value, []);
    return Array.isArray(items) ? items : [];
  }
  return [];
}
