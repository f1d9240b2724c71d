/**
 * The patterns of a locale catalog: which placeholders each may use, and filling them in.
 */
/** The placeholders each pattern may use, by its path in the file. */
export const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  document_title: ['title'],
  'dates.month': ['year', 'month', 'month_name'],
  'dates.day': ['year', 'month', 'month_name', 'day'],
  headcount: ['count'],
  weight: ['weight'],
  'salary.unit': ['currency', 'period'],
  'salary.amount_range': ['min', 'max'],
  'salary.range': ['amount', 'unit', 'currency', 'period'],
  'salary.from': ['amount', 'unit', 'currency', 'period'],
  'salary.up_to': ['amount', 'unit', 'currency', 'period'],
  'salary.no_amount': ['unit', 'currency', 'period'],
  'salary.with_note': ['salary', 'note'],
  'kpi_details.weight': ['weight'],
  'kpi_details.target': ['target'],
  'kpi_details.wrap': ['details'],
  task_label: ['n'],
  continued_cell: ['text'],
  'revisions.changed': ['fields'],
  'handbook.subtotal': ['department'],
  'handbook.reports_outside': ['title', 'department'],
  'handbook.reports_to': ['text'],
  'handbook.continued': ['title'],
  page_footer: ['page', 'pages'],
};

/** `{name}` in a pattern. Anything in braces counts, so a misspelt `{titel}` is caught, not printed. */
export const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a pattern uses that it may not, in order of appearance. */
export function unknownPlaceholders(pattern: string, allowed: readonly string[]): string[] {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !allowed.includes(name));
}

/** Fills a pattern in one pass: a value that itself contains `{x}` is never filled again. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
