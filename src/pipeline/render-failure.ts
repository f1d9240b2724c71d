/**
 * When a document fails to render: which of its inputs is at fault, if one is. A render that
 * throws is tried again without what the user supplied, one thing at a time — each PDF font set
 * with the document's own characters, then the document without its logo — so the error can name
 * the font or the logo. A failure none of them explains is a bug in roledoc, and is called one.
 */
import type { Layout } from '../layout/layout.js';
import type { OutputFormat } from '../model/config.js';
import type { FontChoice, FontFile } from '../model/fonts.js';
import type { FontSet } from '../render/fonts.js';
import { usesPdfFonts, type Renderer } from '../render/renderers.js';

export type RenderFault =
  /** A PDF font the document's text cannot be set in. */
  | { readonly kind: 'font'; readonly path: string; readonly reason: string }
  /** The template's logo: the document renders without it. */
  | { readonly kind: 'logo' }
  /** The render thread ran out of the memory it may use. */
  | { readonly kind: 'memory'; readonly limitMb: number };

/** A failed render as it crosses from a render thread: plain data. */
export interface RenderProblem {
  readonly message: string;
  readonly stack: string | undefined;
  readonly fault: RenderFault | undefined;
}

/** A document that could not be rendered: which, in what format, and what was at fault (none: a bug). */
export class RenderFailure extends Error {
  override readonly name = 'RenderFailure';
  constructor(
    /** The document's file name in the output folder (handbook.pdf). */
    readonly document: string,
    readonly format: OutputFormat,
    readonly fault: RenderFault | undefined,
    cause: Error,
  ) {
    super(`${document}: ${cause.message}`, { cause });
  }

  /** The failure as it was, stack and all, from data a render thread sent. */
  static fromProblem(document: string, format: OutputFormat, problem: RenderProblem): RenderFailure {
    const cause = new Error(problem.message);
    cause.stack = problem.stack ?? problem.message;
    return new RenderFailure(document, format, problem.fault, cause);
  }
}

export function problemOf(error: unknown, fault: RenderFault | undefined): RenderProblem {
  return error instanceof Error ? { message: error.message, stack: error.stack, fault } : { message: String(error), stack: undefined, fault };
}

/** Every character a Layout puts on a page, once (not the logo's data). */
function layoutCharacters(layout: Layout): string {
  const characters = new Set<string>();
  JSON.stringify(layout, (key, value: unknown) => {
    if (key === 'data') return undefined;
    if (typeof value === 'string') for (const character of value) characters.add(character);
    return value;
  });
  return [...characters].join('');
}

const hasLogo = (layout: Layout): boolean => layout.header?.logo !== undefined || layout.blocks.some((block) => block.kind === 'cover' && block.logo !== undefined);

/** The same document without a logo anywhere. */
function withoutLogo(layout: Layout): Layout {
  return {
    ...layout,
    ...(layout.header ? { header: { text: layout.header.text } } : {}),
    blocks: layout.blocks.map((block) => (block.kind === 'cover' ? { kind: 'cover', title: block.title, lines: block.lines } : block)),
  };
}

/** What a failed render of `layout` is to be blamed on, if anything the user supplied. */
export async function findFault(
  layout: Layout,
  format: OutputFormat,
  context: { readonly renderer: Renderer; readonly createdAt: Date; readonly fonts: FontSet | undefined; readonly fontChoice: FontChoice | undefined },
): Promise<RenderFault | undefined> {
  const { fonts, fontChoice } = context;
  // The handbook .docx is paginated with the PDF fonts (its contents' page numbers): a font at fault there is named too.
  if (usesPdfFonts(format, layout) && fonts && fontChoice) {
    const { fontProblem } = await import('../render/pdf/font-check.js');
    const text = layoutCharacters(layout);
    const faces: readonly (readonly [FontFile | undefined, FontSet[keyof FontSet]])[] = [
      [fontChoice.regular, fonts.regular],
      [fontChoice.bold, fonts.bold],
      [fontChoice.fallback, fonts.fallback],
    ];
    for (const [file, font] of faces) {
      if (!file || !font) continue;
      const reason = await fontProblem(font, text);
      if (reason !== undefined) return { kind: 'font', path: file.path, reason };
    }
  }
  if (hasLogo(layout)) {
    const rendered = await context.renderer.render(withoutLogo(layout), { createdAt: context.createdAt, fonts }).then(
      () => true,
      () => false,
    );
    if (rendered) return { kind: 'logo' };
  }
  return undefined;
}
