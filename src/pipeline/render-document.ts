/** One Layout → one document's bytes, in any registered format. */
import type { Layout } from '../layout/layout.js';
import type { OutputFormat } from '../model/config.js';
import type { FontSet } from '../render/fonts.js';
import { loadRenderer } from '../render/renderers.js';

/**
 * @param options.fonts the PDF fonts; default the bundled Noto Sans SC.
 */
export async function renderDocument(layout: Layout, format: OutputFormat, options: { readonly createdAt: Date; readonly fonts?: FontSet }): Promise<Uint8Array> {
  let fonts = options.fonts;
  if (format === 'pdf' && !fonts) {
    const [{ chooseFonts }, { loadFontSet }] = await Promise.all([import('../io/fonts.js'), import('./load-fonts.js')]);
    fonts = loadFontSet(chooseFonts(undefined, process.cwd()));
  }
  return (await loadRenderer(format)).render(layout, { createdAt: options.createdAt, fonts });
}
