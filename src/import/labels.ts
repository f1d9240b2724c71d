/**
 * The labels the importer knows: every label of the built-in catalogs (zh-CN, zh-TW, en) and of the
 * project's, and the other names HR uses for each field (model/fields.ts) — never a list of its own.
 * A label is matched after its decoration is taken off: spaces (岗 位 名 称), a trailing colon of
 * either width, section numbers (一、/ 1. / （一）/ 第一部分), brackets (【岗位职责】) and bullets.
 */
import { FIELDS, type FieldGroup, type FieldSpec, type LabelKey } from '../model/fields.js';

export interface LabelTarget {
  readonly key: LabelKey;
  readonly group: FieldGroup;
}

export interface LabelIndex {
  /** The field a label names, if any; a section before a table header that shares its words (考核指标). */
  find(label: string): LabelTarget | undefined;
  /** Whether the label is one of the given group's (a duty or KPI table's header row). */
  isHeader(label: string, group: 'duty-table' | 'kpi-table'): LabelTarget | undefined;
  /** "{title}职位说明书" and its kin: the title a document-title line names, if it is one. */
  titleOf(line: string): string | undefined;
}

/** The form of a label that is compared: NFKC (full-width to half-width), no spaces, no decoration. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(第[一二三四五六七八九十]+(部分|章|节)|[一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|\d{1,2}(\.\d{1,2})*[、.．)]|[■●◆◇□▲►•·\-*#]+)/u, '')
    .replace(/^[【[<《「](.*)[】\]>》」]$/u, '$1')
    .replace(/[:：]+$/u, '')
    .toLowerCase();
}

/**
 * A label of the source as a title in a role file or the report: its words as written, without
 * the spaces that spread them out (岗 位 名 称), its section number (三、) or its colon.
 */
export function labelTitle(text: string): string {
  return text
    .trim()
    .replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '')
    .replace(/^(第[一二三四五六七八九十]+(部分|章|节)|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}(\.\d{1,2})*[、.．)])\s*/u, '')
    .replace(/^[【[<《「](.*)[】\]>》」]$/u, '$1')
    .replace(/\s*[:：]+$/u, '')
    .trim();
}

/** The words that end a document title in the forms HR has: 职位说明书, 岗位说明书, 岗位职责说明书 … */
const TITLE_SUFFIXES = ['职位说明书', '岗位说明书', '岗位职责说明书', '职务说明书', '工作说明书', '岗位说明', '职位说明', '職位說明書', '崗位說明書'];

export function labelIndex(catalogLabels: readonly Readonly<Record<string, string>>[], documentTitles: readonly string[]): LabelIndex {
  const byLabel = new Map<string, LabelTarget[]>();
  const add = (label: string, target: LabelTarget): void => {
    const key = normalizeLabel(label);
    if (key === '') return;
    const known = byLabel.get(key) ?? [];
    if (!known.some((t) => t.key === target.key && t.group === target.group)) byLabel.set(key, [...known, target]);
  };
  for (const field of FIELDS as readonly FieldSpec[]) {
    const target = { key: field.key as LabelKey, group: field.group };
    for (const labels of catalogLabels) {
      const label = labels[field.key];
      if (label !== undefined) add(label, target);
    }
    for (const alias of field.aliases ?? []) add(alias, target);
  }
  // A section outranks a table header of the same words: 考核指标 alone heads the KPIs.
  const rank = (target: LabelTarget): number => (target.group === 'section' ? 0 : target.group === 'duty-table' || target.group === 'kpi-table' ? 2 : 1);
  const titlePatterns = [...new Set(documentTitles)].flatMap((pattern) => {
    const [before, after] = pattern.split('{title}');
    return before === undefined || after === undefined ? [] : [{ before: normalizeLabel(before), after: normalizeLabel(after) }];
  });
  return {
    find(label) {
      const found = byLabel.get(normalizeLabel(label));
      return found === undefined ? undefined : [...found].sort((a, b) => rank(a) - rank(b))[0];
    },
    isHeader(label, group) {
      return byLabel.get(normalizeLabel(label))?.find((target) => target.group === group);
    },
    titleOf(line) {
      const text = line.normalize('NFKC').replace(/\s+/g, '').replace(/[:：]$/u, '');
      for (const { before, after } of [...titlePatterns, ...TITLE_SUFFIXES.map((suffix) => ({ before: '', after: suffix.normalize('NFKC').toLowerCase() }))]) {
        const lower = text.toLowerCase();
        if (after !== '' && lower.startsWith(before) && lower.endsWith(after) && text.length > before.length + after.length) {
          const title = text.slice(before.length, text.length - after.length).replace(/^[《「"“]|[》」"”]$/gu, '');
          // "呼叫中心岗位说明说(岗位职责)" is a handbook's name, not a role's: a title is short and plain.
          if (title.length <= 30 && !/[()（）,，。;；]/u.test(title)) return title;
        }
      }
      return undefined;
    },
  };
}
