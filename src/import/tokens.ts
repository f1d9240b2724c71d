/**
 * A source document as a stream of tokens: document titles, labels with their values, plain text,
 * rows of a duty or KPI table, and label | value pairs whose label is no field. Tables are read as
 * forms are laid out: a label with its value to the right, or labels in a row above their values,
 * merged cells taken once. Pure.
 */
import type { LabelIndex, LabelTarget } from './labels.js';
import { labelTitle, normalizeLabel } from './labels.js';
import type { SourceBlock, SourceCell, SourceParagraph, SourcePlace, SourceTable } from './source.js';

/** A piece of source text with its place. */
export interface Piece {
  readonly text: string;
  readonly place: SourcePlace;
  /** Numbered or bulleted by the document, not by its text. */
  readonly listItem: boolean;
}

export type Token =
  | { readonly kind: 'title'; readonly title: string; readonly place: SourcePlace }
  /** A known label; `values` are its own (the cells beside it, the text after its colon), undefined when they follow it. */
  | { readonly kind: 'label'; readonly target: LabelTarget; readonly label: string; readonly place: SourcePlace; readonly values?: readonly Piece[] }
  /** A label that names no field (岗位权限, a heading of the organisation's own). */
  | { readonly kind: 'other-label'; readonly label: string; readonly place: SourcePlace; readonly values?: readonly Piece[]; readonly heading?: number }
  | { readonly kind: 'text'; readonly piece: Piece }
  | { readonly kind: 'duty'; readonly duty?: Piece; readonly tasks: readonly Piece[] }
  | { readonly kind: 'kpi'; readonly name: Piece; readonly weight?: Piece; readonly target?: Piece }
  /** A row of two cells whose left one is not a known label: a duty and its tasks, or a label of the organisation's own. */
  | { readonly kind: 'pair'; readonly left: Piece; readonly right: readonly Piece[] };

const piece = (paragraph: SourceParagraph, text = paragraph.text): Piece => ({ text: text.trim(), place: paragraph.place, listItem: paragraph.listItem === true });

/** A label-like text that names no field: short, no sentence punctuation. */
function looksLikeLabel(text: string): boolean {
  const plain = normalizeLabel(text);
  return plain.length >= 2 && plain.length <= 10 && !/[,，。；;、!！?？()（）/\d]/u.test(plain);
}

function lineTokens(paragraph: SourceParagraph, line: string, labels: LabelIndex): Token[] {
  const text = line.trim();
  if (text === '') return [];
  const place = paragraph.place;
  const asPiece = (value: string): Piece => piece(paragraph, value);
  if (!paragraph.listItem) {
    const title = labels.titleOf(text);
    if (title !== undefined) return [{ kind: 'title', title, place }];
  }
  const whole = labels.find(text);
  if (whole) return [{ kind: 'label', target: whole, label: text, place }];
  // Several "label：value" on one line, apart by wide spaces or tabs: 岗位名称：前台   所属部门：行政部
  const parts = text.split(/\s{2,}|\t+/u);
  if (parts.length > 1 && parts.every((part) => /^[^:：]{1,16}[:：]/u.test(part) && labels.find(part.split(/[:：]/u)[0] ?? '') !== undefined)) {
    return parts.flatMap((part) => lineTokens(paragraph, part, labels));
  }
  const colon = /^([^:：]{1,16}?)\s*[:：]\s*(.*)$/su.exec(text);
  if (colon) {
    const [, label = '', value = ''] = colon;
    const target = labels.find(label);
    const values = value.trim() === '' ? undefined : [asPiece(value)];
    if (target) return [{ kind: 'label', target, label, place, ...(values ? { values } : {}) }];
    if (!paragraph.listItem && looksLikeLabel(label) && !/[。；;]$/u.test(label)) return [{ kind: 'other-label', label: labelTitle(label), place, ...(values ? { values } : {}) }];
  }
  // 岗位名称 客服主管: a label, a space, its value.
  const spaced = /^(\S{2,10})\s+(\S.*)$/u.exec(text);
  if (spaced && !paragraph.listItem) {
    const target = labels.find(spaced[1] ?? '');
    if (target && target.group !== 'section') return [{ kind: 'label', target, label: spaced[1] ?? '', place, values: [asPiece(spaced[2] ?? '')] }];
  }
  if (paragraph.heading !== undefined && looksLikeLabel(text)) return [{ kind: 'other-label', label: labelTitle(text), place, heading: paragraph.heading }];
  // A section numbered the Chinese way (五、岗位权限) is a heading, styled or not.
  if (/^[一二三四五六七八九十]{1,3}[、.．]\s*\S/u.test(text) && looksLikeLabel(text)) return [{ kind: 'other-label', label: labelTitle(text), place }];
  return [{ kind: 'text', piece: asPiece(text) }];
}

/** Whether a line starts with a known label and a colon (学历：本科). */
function hasInlineLabel(line: string, labels: LabelIndex): boolean {
  const colon = /^([^:：]{1,16}?)\s*[:：]/u.exec(line.trim());
  return colon !== null && labels.find(colon[1] ?? '') !== undefined;
}

function paragraphTokens(paragraph: SourceParagraph, labels: LabelIndex): Token[] {
  return paragraph.text.split('\n').flatMap((line) => lineTokens(paragraph, line, labels));
}

const cellPieces = (cell: SourceCell): Piece[] => cell.paragraphs.filter((p) => p.text.trim() !== '').map((p) => piece(p));
const cellLabelText = (cell: SourceCell): string => cell.paragraphs.map((p) => p.text).join('').trim();

const INDEX_HEADER = /^(序号|编号|no\.?|#)$/iu;

/** A duty table (职责表述 | 工作任务) or a KPI table (考核指标 | 权重 | 目标), read by its header row. */
function headedTable(table: SourceTable, labels: LabelIndex): Token[] | undefined {
  const [header, ...body] = table.rows;
  if (!header || header.length < 2) return undefined;
  const heads = header.map((cell) => cellLabelText(cell));
  if (heads.length === 2 && heads.every((h) => labels.isHeader(h, 'duty-table'))) {
    return body.map((row): Token => {
      const [left, right] = row;
      const duty = left && !left.continued ? cellPieces(left) : [];
      const first = duty[0];
      return { kind: 'duty', ...(first ? { duty: { ...first, text: duty.map((d) => d.text).join('') } } : {}), tasks: right ? cellPieces(right) : [] };
    });
  }
  // 序号 / No.: a column that only counts the rows.
  const columns = heads.map((h) => (INDEX_HEADER.test(h.normalize('NFKC').replace(/\s+/gu, '')) ? 'index' : labels.isHeader(h, 'kpi-table')?.key));
  const named = columns.filter((key) => key !== 'index');
  if (named[0] === 'name' && named.length >= 2 && named.slice(1).every((key) => key === 'weight' || key === 'target')) {
    return body.flatMap((row): Token[] => {
      const cell = (key: string): Piece | undefined => {
        const index = columns.indexOf(key as 'name');
        const found = index < 0 ? undefined : row[index];
        const pieces = found ? cellPieces(found) : [];
        const first = pieces[0];
        return first ? { ...first, text: pieces.map((p) => p.text).join(' ') } : undefined;
      };
      const name = cell('name');
      if (!name) return [];
      const weight = cell('weight');
      const target = cell('target');
      return [{ kind: 'kpi', name, ...(weight ? { weight } : {}), ...(target ? { target } : {}) }];
    });
  }
  return undefined;
}

/** The known label a whole cell is, if it is one. */
function cellLabel(cell: SourceCell, labels: LabelIndex): LabelTarget | undefined {
  const text = cellLabelText(cell);
  return text === '' || cell.paragraphs.length > 2 ? undefined : labels.find(text);
}

function tableTokens(table: SourceTable, labels: LabelIndex): Token[] {
  const headed = headedTable(table, labels);
  if (headed) return headed;
  const tokens: Token[] = [];
  const all = table.rows.map((row) => row.filter((cell) => !cell.continued));
  // A first row of column captions (项目 | 内容) over rows that each start with a known label.
  const captioned =
    all.length > 2 &&
    (all[0] ?? []).every((cell) => cellLabel(cell, labels) === undefined && looksLikeLabel(cellLabelText(cell))) &&
    all.slice(1).every((row) => row[0] !== undefined && cellLabel(row[0], labels) !== undefined);
  const rows = captioned ? all.slice(1) : all;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const known = cells.map((cell) => cellLabel(cell, labels));
    // Labels in a row above their values: 岗位名称 | 所属部门 over 客服主管 | 客服部.
    const below = rows[r + 1];
    if (cells.length >= 2 && known.every((k) => k !== undefined) && below && below.length === cells.length && below.every((cell) => cellLabel(cell, labels) === undefined)) {
      cells.forEach((cell, i) => {
        const target = known[i];
        const value = below[i];
        if (target && value) tokens.push({ kind: 'label', target, label: cellLabelText(cell), place: cell.paragraphs[0]?.place ?? table.place, values: cellPieces(value) });
      });
      r += 1;
      continue;
    }
    if (cells.length === 2 && known[0] === undefined && known[1] === undefined) {
      const [left, right] = cells;
      const leftPieces = left ? cellPieces(left) : [];
      const first = leftPieces[0];
      const leftText = leftPieces.map((p) => p.text).join('');
      // A cell of its own words ("岗位名称：客服主管") reads like a paragraph.
      if (first && !/[:：]/u.test(leftText)) {
        tokens.push({ kind: 'pair', left: { ...first, text: leftText }, right: right ? cellPieces(right) : [] });
        continue;
      }
    }
    for (let i = 0; i < cells.length; ) {
      const cell = cells[i];
      const target = known[i];
      if (cell && target) {
        const paragraphs: SourceParagraph[] = [];
        let j = i + 1;
        for (; j < cells.length && known[j] === undefined; j++) paragraphs.push(...(cells[j] as SourceCell).paragraphs.filter((p) => p.text.trim() !== ''));
        // A value cell of labelled lines (学历：本科 / 专业：…) under a section's label: the lines are read as such.
        const labelled = paragraphs.findIndex((p) => p.text.split('\n').some((line) => hasInlineLabel(line, labels)));
        const own = labelled < 0 ? paragraphs : paragraphs.slice(0, labelled);
        tokens.push({ kind: 'label', target, label: cellLabelText(cell), place: cell.paragraphs[0]?.place ?? table.place, values: own.map((p) => piece(p)) });
        if (labelled >= 0) for (const p of paragraphs.slice(labelled)) tokens.push(...paragraphTokens(p, labels));
        i = j;
      } else {
        for (const paragraph of cell?.paragraphs ?? []) tokens.push(...paragraphTokens(paragraph, labels));
        i += 1;
      }
    }
  }
  return tokens;
}

/**
 * The document's tokens in reading order. Two short lines that make one label together ("工作" then
 * "任务": a table header flattened to text) are read as that label.
 */
export function tokenize(blocks: readonly SourceBlock[], labels: LabelIndex): Token[] {
  const tokens = blocks.flatMap((block) => (block.kind === 'table' ? tableTokens(block, labels) : paragraphTokens(block, labels)));
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const nextText = next?.kind === 'text' ? next.piece.text : next?.kind === 'label' && next.values === undefined ? next.label : undefined;
    if (token.kind === 'text' && nextText !== undefined && token.piece.text.length <= 4 && nextText.length <= 4) {
      const label = token.piece.text + nextText;
      const target = labels.find(label);
      if (target) {
        joined.push({ kind: 'label', target, label, place: token.piece.place });
        i += 1;
        continue;
      }
    }
    joined.push(token);
  }
  return joined;
}
