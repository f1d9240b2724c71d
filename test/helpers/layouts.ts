/**
 * The page and look of hand-made Layouts in tests: A4 with Word's default margins, and the classic
 * template's fonts (SimSun and Times New Roman for text, SimHei and Arial for headings; the PDF in
 * Noto Serif SC with Noto Sans SC bold), sizes and colours.
 */
import type { Layout } from '../../src/layout/layout.js';

export const A4_PAGE: Layout['page'] = { width: 595.28, height: 841.89, margins: { top: 72, right: 90, bottom: 72, left: 90 } };

export const CLASSIC_STYLE: Layout['style'] = {
  fonts: { body: { eastAsia: 'SimSun', latin: 'Times New Roman' }, heading: { eastAsia: 'SimHei', latin: 'Arial' } },
  pdfFonts: { regular: 'serif', bold: 'sans' },
  sizes: { title: 18, heading1: 14, heading2: 12, body: 10.5, table: 10.5, footer: 9 },
  colors: { text: '000000', heading: '000000', border: '000000', labelFill: 'D9D9D9', accent: '000000', link: '1F4E79' },
  lineHeight: 1.5,
  blockSpacing: 6,
  labelColumnChars: 8,
  titleAlign: 'center',
  tableStyle: 'grid',
  headingRule: false,
};
