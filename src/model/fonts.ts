/** The font files a PDF is set in, as chosen (from the config, the template, or what is installed). */
import type { PathProblem } from '../core/file-access.js';

/** No font file is read past this: the largest CJK collections (a Source Han super OTC) are ~120 MB. */
export const MAX_FONT_BYTES = 256 * 1024 * 1024;

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
