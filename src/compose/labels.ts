/**
 * A template's `labels:` laid over the locale: keyed by the role file's own keys
 * (`responsibilities: 主要职责`), each replaces the locale's word wherever that section or field
 * is named — its heading, its label cell, its column header.
 */
import type { Locale } from '../locale/locale.js';

type Labels = Readonly<Record<string, string>>;

/** Replaces the keys of `group` that `labels` names. */
function relabel<T extends Readonly<Record<string, string>>>(group: T, labels: Labels): T {
  const changed = Object.entries(group).map(([key, value]) => [key, labels[key] ?? value] as const);
  return Object.fromEntries(changed) as T;
}

export function withLabels(locale: Locale, labels: Labels): Locale {
  if (Object.keys(labels).length === 0) return locale;
  return {
    ...locale,
    fields: relabel(locale.fields, labels),
    sections: relabel(locale.sections, labels),
    relations: relabel(locale.relations, labels),
    qualifications: relabel(locale.qualifications, labels),
    conditions: relabel(locale.conditions, labels),
    dutyTable: relabel(locale.dutyTable, labels),
    kpiTable: relabel(locale.kpiTable, labels),
  };
}
