/** The font files a PDF is set in, as chosen (from the config, the template, or what is installed). */
import type { PathProblem } from '../core/file-access.js';

/** No font file is read past this: the largest CJK collections (a Source Han super OTC) are ~120 MB. */
export const MAX_FONT_BYTES = 256 * 1024 * 1024;

/**
 * The families roledoc bundles, each an npm package of TTFs: `sans` is Noto Sans SC (黑体-like, as
 * SimHei in Word), `serif` Noto Serif SC (宋体-like, as SimSun). A template's `pdf_fonts` picks one
 * for each of the PDF's two faces.
 */
export const BUNDLED_FAMILIES = ['sans', 'serif'] as const;
export type BundledFamily = (typeof BUNDLED_FAMILIES)[number];

/** Which bundled family sets each face of the PDF: `regular` body text, `bold` headings and bold text. */
export interface BundledFaces {
  readonly regular: BundledFamily;
  readonly bold: BundledFamily;
}

/** What a PDF is set in when nothing says otherwise (the API's renderDocument, a test). */
export const DEFAULT_BUNDLED_FACES: BundledFaces = { regular: 'sans', bold: 'sans' };

/**
 * The bundled TTFs, as module specifiers resolved to files: the packages' JS entries are React
 * Native code and must not be imported. Only these four of the packages' seventeen weights are used.
 */
export const BUNDLED_FONT_FILES = {
  sans: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  serif: {
    regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
} as const satisfies Record<BundledFamily, Record<keyof BundledFaces, string>>;

/** Every bundled face's specifier: what `npm run build` writes facts for. */
export function bundledFontSpecifiers(): string[] {
  return BUNDLED_FAMILIES.flatMap((family) => [BUNDLED_FONT_FILES[family].regular, BUNDLED_FONT_FILES[family].bold]);
}

/** What checking a project needs of a face: who it is (for the manifest) and which characters it draws. */
export interface FontFacts {
  readonly postscriptName: string;
  readonly version: string;
  readonly numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface FontFactsSet {
  readonly regular: FontFacts;
  readonly bold: FontFacts;
  readonly fallback?: FontFacts | undefined;
}

/** What identifies a set of fonts in a cache key or the manifest: the same on every machine, unlike its paths. */
export function fontIdentity(fonts: Pick<FontFactsSet, 'regular' | 'bold' | 'fallback'>): string {
  return [fonts.regular, fonts.bold, fonts.fallback].map((font) => (font ? `${font.postscriptName}/${font.version}/${font.numGlyphs}` : '')).join('|');
}

/**
 * A bundled face's facts as `npm run build` writes them: its file's size, and its characters as
 * runs — each "gap.length" in base 36 (from the end of the previous run): the file ships in the
 * package, where 13 KB of JSON numbers would take more than its share of the size budget.
 */
export interface StoredFontFacts {
  readonly size: number;
  readonly postscriptName: string;
  readonly version: string;
  readonly numGlyphs: number;
  /**
   * The runs; or, for a face that draws exactly the characters of a face stored before it (a
   * family's bold draws what its regular does), "=" and that face's specifier: 2 KB less each.
   */
  readonly runs: string;
}

/** A face's own runs from the stored facts, following a "=" reference once; undefined when there are none. */
export function storedRuns(stored: Readonly<Record<string, StoredFontFacts | undefined>>, specifier: string): string | undefined {
  const runs = stored[specifier]?.runs;
  if (typeof runs !== 'string' || !runs.startsWith('=')) return runs;
  const shared = stored[runs.slice(1)]?.runs;
  return typeof shared !== 'string' || shared.startsWith('=') ? undefined : shared;
}

/** [first, last] ranges → the stored runs. */
export function encodeRuns(ranges: readonly (readonly [number, number])[]): string {
  let previous = 0;
  return ranges
    .map(([first, last]) => {
      const run = `${(first - previous).toString(36)}.${(last - first).toString(36)}`;
      previous = last;
      return run;
    })
    .join(',');
}

/** The stored runs → [first, last] ranges, ascending. */
export function decodeRuns(runs: string): [number, number][] {
  const ranges: [number, number][] = [];
  let previous = 0;
  for (const run of runs === '' ? [] : runs.split(',')) {
    const [gap = '', length = ''] = run.split('.');
    const first = previous + Number.parseInt(gap, 36);
    const last = first + Number.parseInt(length, 36);
    ranges.push([first, last]);
    previous = last;
  }
  return ranges;
}

/** Where `npm run build` writes them, beside the compiled code. */
export const BUNDLED_FONT_FACTS = ['render', 'bundled-font-facts.json'] as const;

export interface FontFile {
  readonly path: string;
  /** PostScript name of the face, for a TTC collection. */
  readonly face?: string;
}

export interface FontChoice {
  readonly regular: FontFile;
  readonly bold: FontFile;
  readonly fallback?: FontFile | undefined;
  readonly source: 'config' | 'bundled' | 'system';
}

export type FontProblem =
  | { readonly kind: 'missing-file'; readonly path: string }
  | { readonly kind: 'missing-face'; readonly path: string; readonly face: string; readonly available: readonly string[] }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string }
  /** fontkit opens it, but setting text in it fails: a damaged file. */
  | { readonly kind: 'unusable'; readonly path: string; readonly reason: string }
  | { readonly kind: 'not-a-file'; readonly path: string; readonly problem: PathProblem; readonly limit?: number | undefined; readonly code?: string | undefined }
  | { readonly kind: 'none-found' };

/** A font the PDF cannot be set in; the CLI says why in a sentence. */
export class FontError extends Error {
  override readonly name = 'FontError';
  constructor(readonly problem: FontProblem) {
    super(problem.kind);
  }
}
