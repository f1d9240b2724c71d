/**
 * The text of a new role file: every field of the registry (model/fields.ts) in its order, each
 * with a comment — the role schema's own description of it — and values left empty, so that
 * `roledoc validate` points at each one until it is filled in.
 */
import { stringify } from 'yaml';
import type { Lang } from '../messages/lang.js';
import { FIELDS, fieldsOf, type FieldGroup, type FieldSpec } from '../model/fields.js';
import { roleSchema, schemaAt } from '../validate/schemas.js';

interface SkeletonOptions {
  readonly id: string;
  readonly title?: string;
  readonly department?: string;
  /** Relative path from the role file to the role schema, for the editor modeline. */
  readonly schemaPath: string;
  readonly lang: Lang;
}

const HEADER: Record<Lang, string> = {
  'zh-CN': '岗位说明书。每一项的说明见冒号后的提示；写好后运行 roledoc validate 检查。不需要的可选项可以整段删除。',
  en: 'A job description. Each comment says what goes where; run roledoc validate when done. Delete optional sections you do not need.',
};

/** A YAML scalar for text a user passed on the command line, quoted when YAML would read it otherwise (1e3, yes, a: b). */
function scalar(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return ` ${stringify(value, { lineWidth: 0 }).trimEnd()}`;
}

/** The schema's description of the field at `path`, in the language asked for, on one line. */
function describe(path: readonly string[], lang: Lang): string {
  const description = schemaAt(roleSchema().root, path)?.description ?? '';
  const [zh = '', en = ''] = description.split('\n\n');
  return (lang === 'en' ? en : zh).replace(/\s+/g, ' ').trim();
}

/** The lines under a section: its rows (qualifications → education, majors …), each a key, a list where the format wants one. */
function rowLines(group: FieldGroup): string[] {
  const rows: readonly FieldSpec[] = fieldsOf(group);
  if (group === 'duty-table') return ['  - duty:', '    tasks:', '      - '];
  if (group === 'kpi-table') return rows.map((row, index) => `${index === 0 ? '  - ' : '    '}${row.key}:`);
  return rows.flatMap((row) => [`  ${row.key}:`, ...(row.kind === 'names' || row.kind === 'noted-names' ? ['    - '] : [])]);
}

export function roleSkeleton(options: SkeletonOptions): string {
  const line = (key: string, value = ''): string => `${key}:${value}  # ${describe([key], options.lang)}`;
  const given: Readonly<Record<string, string | undefined>> = { title: options.title, department: options.department };
  const fields = FIELDS.flatMap((field: FieldSpec): string[] => {
    // 直接下级 are derived from the other roles' reports_to, never written.
    if (field.kind === 'roles' || (field.group !== 'info' && field.group !== 'section')) return [];
    const first = line(field.key, scalar(given[field.key]));
    if (field.kind === 'money') return [first, '  min:', '  max:', '  period: month'];
    if (field.rows !== undefined) return [first, ...rowLines(field.rows)];
    // A list (responsibilities, the career path) starts with its first item.
    return schemaAt(roleSchema().root, [field.key])?.type === 'array' ? [first, '  - '] : [first];
  });
  return [`# yaml-language-server: $schema=${options.schemaPath}`, `# ${HEADER[options.lang]}`, `id: ${options.id}`, ...fields, ''].join('\n');
}
