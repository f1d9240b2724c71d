/** Template data → the page and style of a Layout (millimetres and names → points and hex). */
import type { LayoutStyle, PageSetup } from '../layout/layout.js';
import type { Template } from '../model/template.js';

export const POINTS_PER_MM = 72 / 25.4;
const PAPER: Record<Template['page']['size'], { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

const round = (value: number): number => Math.round(value * 100) / 100;

export function pageSetupOf(template: Template): PageSetup {
  const { margins_mm: mm, size } = template.page;
  return {
    ...PAPER[size],
    margins: {
      top: round(mm.top * POINTS_PER_MM),
      right: round(mm.right * POINTS_PER_MM),
      bottom: round(mm.bottom * POINTS_PER_MM),
      left: round(mm.left * POINTS_PER_MM),
    },
  };
}

export function layoutStyleOf(template: Template): LayoutStyle {
  const pair = (p: Template['fonts']['body']) => ({ eastAsia: p.east_asia, latin: p.latin });
  const { colors } = template;
  return {
    fonts: { body: pair(template.fonts.body), heading: pair(template.fonts.heading) },
    pdfFonts: { ...template.pdf_fonts },
    sizes: { ...template.sizes_pt },
    colors: {
      text: colors.text.toUpperCase(),
      heading: colors.heading.toUpperCase(),
      border: colors.border.toUpperCase(),
      labelFill: colors.label_fill.toUpperCase(),
      accent: colors.accent.toUpperCase(),
      link: colors.link.toUpperCase(),
    },
    lineHeight: template.line_height,
    blockSpacing: template.block_spacing_pt,
    labelColumnChars: template.label_column_chars,
    titleAlign: template.title_align,
    tableStyle: template.table_style,
    headingRule: template.heading_rule,
  };
}
