import { describe, expect, it } from 'vitest';
import type { FontFace } from '../src/render/fonts.js';
import { glyphTableOf, isStandIn } from '../src/render/pdf/glyphs.js';
import { bundledFonts } from './helpers/fonts.js';
import { leafStrings, seedRoles } from './helpers/seed.js';

const fonts = bundledFonts();
const faces: [string, FontFace][] = [
  ['regular', fonts.regular],
  ['bold', fonts.bold],
];

/** What fontkit's shaping gives: glyph ids, the advance, and whether any glyph was moved off its origin. */
function shaped(face: FontFace, text: string): { ids: number[]; advance: number; offsets: boolean } {
  const run = face.layout(text);
  return { ids: run.glyphs.map((glyph) => glyph.id), advance: run.advanceWidth, offsets: run.positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0) };
}

/** The same from the glyph table alone, when it says no character of the text needs shaping. */
function fromTable(face: FontFace, text: string): { ids: number[]; advance: number; offsets: boolean } | undefined {
  const table = glyphTableOf(face);
  const advance = table.plainAdvance(text);
  if (advance === undefined) return undefined;
  return { ids: Array.from(text, (char) => table.glyph(char.codePointAt(0) ?? 0).id), advance, offsets: false };
}

const seedTexts = seedRoles().flatMap((entry) => leafStrings(entry.role, () => undefined));

/** A small deterministic generator, so the random strings are the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(faces)('the glyph table of the %s face', (_name, face) => {
  const table = glyphTableOf(face);

  it('calls plain every CJK character and CJK punctuation mark of the seed roles', () => {
    const cjk = new Set(seedTexts.flatMap((text) => Array.from(text).filter((char) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char))));
    expect(cjk.size).toBeGreaterThan(300);
    expect([...cjk].filter((char) => !table.isPlain(char.codePointAt(0) ?? 0))).toEqual([]);
  });

  it('gives what fontkit gives for every plain stretch of the seed roles', () => {
    let compared = 0;
    for (const text of seedTexts) {
      for (const piece of text.split(/[^\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/u)) {
        const own = fromTable(face, piece);
        if (!own || piece === '') continue;
        expect(own, piece).toEqual(shaped(face, piece));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('gives what fontkit gives for random strings of plain characters, Latin ones among them', () => {
    const candidates = Array.from('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞。，、；：？！（）《》「」【】“”‘’')
      .filter((char) => table.isPlain(char.codePointAt(0) ?? 0))
      .concat(Array.from(' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:-()%/').filter((char) => table.isPlain(char.codePointAt(0) ?? 0)));
    expect(candidates.length).toBeGreaterThan(400);
    const next = generator(15);
    for (let round = 0; round < 400; round++) {
      const length = 2 + Math.floor(next() * 14);
      const text = Array.from({ length }, () => candidates[Math.floor(next() * candidates.length)] ?? '中').join('');
      expect(fromTable(face, text), text).toEqual(shaped(face, text));
    }
  });

  it('leaves to fontkit the characters it kerns or substitutes: Latin letters, and digits (other glyphs beside a letter)', () => {
    // The bundled fonts kern Latin pairs and set a digit next to a letter in another glyph: the table must not claim them.
    for (const char of ['A', 'V', 'T', 'o', 'r', 'y', '0', '1', '9']) expect(table.isPlain(char.codePointAt(0) ?? 0), char).toBe(false);
    expect(shaped(face, 'AV').advance).not.toBe(face.glyphForCodePoint(0x41).advanceWidth + face.glyphForCodePoint(0x56).advanceWidth);
    expect(shaped(face, 'x1').ids[1]).not.toBe(face.glyphForCodePoint(0x31).id);
    expect(fromTable(face, 'x1')).toBeUndefined();
    expect(fromTable(face, '第1页')).toBeUndefined();
  });

  it('shapes a text once and gives the same run after', () => {
    expect(table.shape('KPI指标')).toBe(table.shape('KPI指标'));
    expect(table.shape('KPI指标').advanceWidth).toBe(face.layout('KPI指标').advanceWidth);
  });
});

describe.each(faces)('stand-ins for the characters the %s face lacks', (_name, face) => {
  const table = glyphTableOf(face);
  /** Characters Noto Sans SC has no glyph for: CJK Extension B, an emoji, Thai, Hangul, Runic. */
  const missing = ['𠮷', '😀', 'ก', '한', 'ᚠ'];
  const notdef = face.glyphForCodePoint(missing[0]?.codePointAt(0) ?? 0);

  it('are characters the face really lacks (glyph 0)', () => {
    expect(notdef.id).toBe(0);
    for (const char of missing) expect(face.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(false);
  });

  it('gives each missing character a glyph of its own, past the font\'s glyphs, standing for that character, as wide as .notdef', () => {
    const glyphs = missing.map((char) => table.glyph(char.codePointAt(0) ?? 0));
    expect(new Set(glyphs.map((glyph) => glyph.id)).size).toBe(missing.length);
    for (const [index, glyph] of glyphs.entries()) {
      expect(isStandIn(face, glyph.id)).toBe(true);
      expect(glyph.codePoints).toEqual([missing[index]?.codePointAt(0)]);
      expect(glyph.advanceWidth).toBe(notdef.advanceWidth);
    }
    // The same character keeps its stand-in; a character the face has keeps its own glyph.
    expect(table.glyph(0x20bb7)).toBe(glyphs[0]);
    expect(isStandIn(face, table.glyph('岗'.codePointAt(0) ?? 0).id)).toBe(false);
  });

  it('replaces glyph 0 in a shaped run with the stand-ins of the missing characters, in order, and changes no width or position', () => {
    const text = 'KPI𠮷达标ก率😀 x';
    const fontkit = face.layout(text);
    const run = table.shape(text);
    expect(fontkit.glyphs.filter((glyph) => glyph.id === 0).length).toBe(3);
    expect(run.glyphs.filter((glyph) => isStandIn(face, glyph.id)).map((glyph) => String.fromCodePoint(...glyph.codePoints))).toEqual(['𠮷', 'ก', '😀']);
    expect(run.glyphs.map((glyph) => (isStandIn(face, glyph.id) ? 0 : glyph.id))).toEqual(fontkit.glyphs.map((glyph) => glyph.id));
    expect(run.positions).toEqual(fontkit.positions);
    expect(run.advanceWidth).toBe(fontkit.advanceWidth);
    expect(table.shapedAdvance(text)).toBe(fontkit.advanceWidth);
  });

  it('measures a plain text with a missing character as fontkit does', () => {
    const text = '吉祥物𠮷字';
    expect(table.plainAdvance(text)).toBe(face.layout(text).advanceWidth);
  });
});
