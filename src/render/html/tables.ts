/**
 * Tables as tables: the 基本信息 form with each label a row header, and the other tables with their
 * header row and shaded label cells as header cells, column widths as the Layout gives them.
 */
import type { FieldGridBlock, TableBlock, TableCell } from '../../layout/layout.js';
import { cellContentHtml, escapeHtml } from './text.js';

/**
 * The column widths a document uses, each a class (w2750 is 27.50%), so the page's one style sheet
 * sizes them: no inline styles.
 */
export class ColumnWidths {
  private readonly used = new Set<number>();

  /** The class for a share of the text width. */
  classOf(share: number): string {
    const hundredths = Math.round(share * 10000);
    this.used.add(hundredths);
    return `w${hundredths}`;
  }

  css(): string {
    return [...this.used]
      .sort((a, b) => a - b)
      .map((hundredths) => `.w${hundredths}{width:${(hundredths / 100).toFixed(2)}%}`)
      .join('');
  }
}

export function fieldGridHtml(block: FieldGridBlock, widths: ColumnWidths): string {
  const valueShare = 0.5 - block.labelWidth;
  const rows = block.rows.map((row) => {
    const [first, second] = row;
    const cells = [`<th scope="row">${escapeHtml(first.label)}</th>`, `<td${second === undefined ? ' colspan="3"' : ''}>${cellContentHtml(first.value)}</td>`];
    if (second !== undefined) cells.push(`<th scope="row">${escapeHtml(second.label)}</th>`, `<td>${cellContentHtml(second.value)}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  const columns = [block.labelWidth, valueShare, block.labelWidth, valueShare].map((share) => `<col class="${widths.classOf(share)}">`).join('');
  return `<table class="field-grid"><colgroup>${columns}</colgroup><tbody>${rows.join('')}</tbody></table>`;
}

function cellHtml(cell: TableCell, header: 'col' | 'row' | undefined): string {
  const tag = header === undefined ? 'td' : 'th';
  const classes = [cell.bold ? 'bold' : '', cell.shaded ? 'shaded' : ''].filter((name) => name !== '').join(' ');
  return `<${tag}${header ? ` scope="${header}"` : ''}${classes ? ` class="${classes}"` : ''}>${cellContentHtml(cell.content)}</${tag}>`;
}

export function tableHtml(block: TableBlock, widths: ColumnWidths): string {
  const columns = block.columns.map((column) => `<col class="${widths.classOf(column.width)}">`).join('');
  const head = block.header ? `<thead><tr>${block.header.map((cell) => cellHtml(cell, 'col')).join('')}</tr></thead>` : '';
  // A shaded cell of a body row is the label of its row (工作协作关系's 内部协调关系).
  const body = block.rows.map((row) => `<tr>${row.map((cell) => cellHtml(cell, cell.shaded ? 'row' : undefined)).join('')}</tr>`).join('');
  return `<table><colgroup>${columns}</colgroup>${head}<tbody>${body}</tbody></table>`;
}
