/**
 * The package's own parts as roledoc wants them, in place of what docx's Packer writes by default:
 *
 * - styles.xml with the document's styles and those of docx it uses (Normal, Normal Table, List
 *   Paragraph) only —
 *   docx adds some thirty defaults (footnote and endnote text, caption, bibliography, TOC 1–9,
 *   heading 3–6 …), six of them based on Default Paragraph Font, which it never defines;
 * - a font table declaring every font the styles name, with its other name (SimSun ↔ 宋体), its
 *   character set, PANOSE class, family and pitch where known: what WPS, and Word on a machine
 *   without the font, pick a substitute by (docx writes an empty table);
 * - no footnotes.xml or endnotes.xml: roledoc writes no notes, and docx's separators refer to a
 *   footnote style the document does not need.
 */
import { strFromU8, strToU8 } from 'fflate';
import type { Document, IContext, IXmlableObject } from 'docx';
import type { LayoutStyle } from '../../layout/layout.js';
import { escapeXml, xmlOf } from './xml.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** styles.xml with only the styles of `keptIds` (the document's own and those of docx it uses). */
export function stylesXml(file: Document, keptIds: ReadonlySet<string>): string {
  const context: IContext = { file, viewWrapper: file.Document, stack: [] };
  const formatted = file.Styles.prepForXml(context);
  const children = formatted?.['w:styles'];
  if (!Array.isArray(children)) throw new Error('renderDocx: docx formatted styles in an unknown shape');
  const kept = (children as IXmlableObject[]).filter((child) => {
    const style = child['w:style'];
    if (!Array.isArray(style)) return true;
    const id = styleIdOf(style as IXmlableObject[]);
    return id !== undefined && keptIds.has(id);
  });
  return `${DECLARATION}${xmlOf({ 'w:styles': kept })}`;
}

function styleIdOf(style: readonly IXmlableObject[]): string | undefined {
  const attributes = style.find((entry) => '_attr' in entry)?.['_attr'] as Record<string, unknown> | undefined;
  const id = attributes?.['w:styleId'];
  return typeof id === 'string' ? id : undefined;
}

/** What Word writes in fontTable.xml for a font. */
interface FontFacts {
  /** The font's other name: the Chinese one of a font named in English, and the other way round. */
  readonly altName?: string;
  readonly panose?: string;
  /** The Windows character set, in hex: 86 GB2312 (simplified Chinese), 00 ANSI. */
  readonly charset: string;
  readonly family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  readonly pitch: 'fixed' | 'variable' | 'default';
}

/**
 * The fonts Chinese HR documents are set in, as Word's own font tables describe them (the names
 * and classes the fonts themselves carry). A font not listed is declared by name, and as a
 * simplified-Chinese font when it is an East Asian face of the document.
 */
const KNOWN_FONTS: Readonly<Record<string, FontFacts>> = {
  SimSun: { altName: '宋体', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  NSimSun: { altName: '新宋体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  SimHei: { altName: '黑体', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  KaiTi: { altName: '楷体', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  FangSong: { altName: '仿宋', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  'Microsoft YaHei': { altName: '微软雅黑', panose: '020B0503020204020204', charset: '86', family: 'swiss', pitch: 'variable' },
  DengXian: { altName: '等线', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  Arial: { panose: '020B0604020202020204', charset: '00', family: 'swiss', pitch: 'variable' },
  Calibri: { panose: '020F0502020204030204', charset: '00', family: 'swiss', pitch: 'variable' },
  'Calibri Light': { panose: '020F0302020204030204', charset: '00', family: 'swiss', pitch: 'variable' },
  Cambria: { panose: '02040503050406030204', charset: '00', family: 'roman', pitch: 'variable' },
};

/** The same facts under the Chinese name, for a template that names the font so (宋体 → altName SimSun). */
const BY_CHINESE_NAME: ReadonlyMap<string, FontFacts> = new Map(
  Object.entries(KNOWN_FONTS).flatMap(([name, facts]) => (facts.altName === undefined ? [] : [[facts.altName, { ...facts, altName: name }] as const])),
);

function factsOf(name: string, eastAsian: boolean): FontFacts {
  return KNOWN_FONTS[name] ?? BY_CHINESE_NAME.get(name) ?? (eastAsian ? { charset: '86', family: 'auto', pitch: 'variable' } : { charset: '00', family: 'auto', pitch: 'variable' });
}

/** The fonts the styles name, East Asian faces first (an East Asian face also named as Latin is declared as East Asian). */
export function documentFonts(style: LayoutStyle): { readonly name: string; readonly eastAsian: boolean }[] {
  const { body, heading } = style.fonts;
  const eastAsian = [body.eastAsia, heading.eastAsia];
  const names = [...new Set([...eastAsian, body.latin, heading.latin])].filter((name) => name !== '');
  return names.map((name) => ({ name, eastAsian: eastAsian.includes(name) }));
}

/** fontTable.xml: docx's root element (its namespaces) around a declaration of each font of the document. */
export function fontTableXml(docxFontTable: string, style: LayoutStyle): string {
  const fonts = documentFonts(style)
    .map(({ name, eastAsian }) => {
      const facts = factsOf(name, eastAsian);
      return (
        `<w:font w:name="${escapeXml(name)}">` +
        (facts.altName === undefined ? '' : `<w:altName w:val="${escapeXml(facts.altName)}"/>`) +
        (facts.panose === undefined ? '' : `<w:panose1 w:val="${facts.panose}"/>`) +
        `<w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="${facts.pitch}"/></w:font>`
      );
    })
    .join('');
  const root = /<w:fonts\b[^>]*?(\/?)>/.exec(docxFontTable);
  if (root === null) throw new Error('renderDocx: docx wrote a font table in an unknown shape');
  const open = root[1] === '/' ? `${root[0].slice(0, -2)}>` : root[0];
  return `${DECLARATION}${open}${fonts}</w:fonts>`;
}

/** The notes parts docx always writes, and how the package refers to them. */
const NOTES = ['footnotes', 'endnotes'] as const;

/**
 * The package with roledoc's styles and font table, and without the notes parts (their files,
 * relationships and content types).
 */
export function tidyPackage(files: ReadonlyMap<string, Uint8Array>, parts: { readonly styles: string; readonly fontTable: (docxFontTable: string) => string }): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const notes = new Set(NOTES.flatMap((name) => [`word/${name}.xml`, `word/_rels/${name}.xml.rels`]));
  for (const [name, bytes] of files) {
    if (notes.has(name)) continue;
    if (name === 'word/styles.xml') out.set(name, strToU8(parts.styles));
    else if (name === 'word/fontTable.xml') out.set(name, strToU8(parts.fontTable(strFromU8(bytes))));
    else if (name === '[Content_Types].xml') out.set(name, strToU8(strFromU8(bytes).replace(/<Override [^>]*PartName="\/word\/(?:footnotes|endnotes)\.xml"[^>]*\/>/g, '')));
    else if (name === 'word/_rels/document.xml.rels') out.set(name, strToU8(strFromU8(bytes).replace(/<Relationship [^>]*Target="(?:footnotes|endnotes)\.xml"[^>]*\/>/g, '')));
    else out.set(name, bytes);
  }
  return out;
}
