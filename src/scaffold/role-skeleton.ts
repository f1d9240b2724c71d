/**
 * The text of a new role file: every field of the role schema — the contract, which the fields
 * registry and the catalogs are held to — in its order, nested fields too, each with a comment (the
 * schema's own description of it, in the project's language) and its value left empty, or at its
 * default, so that `roledoc validate` points at each one until it is filled in.
 */
import { stringify } from 'yaml';
import type { Lang } from '../messages/lang.js';
import { roleSchema, schemaAt, type SchemaNode } from '../validate/schemas.js';

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

const types = (node: SchemaNode | undefined): readonly string[] => (node?.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type);

export function roleSkeleton(options: SkeletonOptions): string {
  const root = roleSchema().root;
  /** The schema's description of the field at `path`, in the language asked for, on one line. */
  const comment = (path: readonly string[]): string => {
    const [zh = '', en = ''] = (schemaAt(root, path)?.description ?? '').split('\n\n');
    const text = (options.lang === 'en' ? en : zh).replace(/\s+/g, ' ').trim();
    return text === '' ? '' : `  # ${text}`;
  };
  const given: Readonly<Record<string, string>> = { id: ` ${options.id}`, title: scalar(options.title), department: scalar(options.department) };

  /** The lines of the fields of the mapping at `path`; `first` begins the first line (`- ` for a list item). */
  const mapping = (path: readonly string[], indent: string, first = indent): string[] => {
    const keys = Object.keys(schemaAt(root, path)?.properties ?? {});
    return keys.flatMap((key, index) => field([...path, key], index === 0 ? first : indent, indent));
  };
  /** One field: its line, and under it its fields or its first list item. */
  const field = (path: readonly string[], lead: string, indent: string): string[] => {
    const node = schemaAt(root, path);
    const key = path[path.length - 1] ?? '';
    // The id, title and department given on the command line are the role's own (not a section's title).
    const value = (path.length === 1 ? given[key] : undefined) ?? (path.length > 1 && typeof node?.default === 'string' ? ` ${node.default}` : '');
    const line = `${lead}${key}:${value}${comment(path)}`;
    if (types(node).includes('object') && !types(node).includes('array')) return [line, ...mapping(path, `${indent}  `)];
    if (!types(node).includes('array') || types(node).includes('string')) return [line];
    // A list: of mappings (duties, KPIs, extra sections), its first item's fields; else one empty item.
    const item = [...path, '0'];
    return types(schemaAt(root, item)).includes('object') ? [line, ...mapping(item, `${indent}    `, `${indent}  - `)] : [line, `${indent}  - `];
  };
  return [`# yaml-language-server: $schema=${options.schemaPath}`, `# ${HEADER[options.lang]}`, ...mapping([], ''), ''].join('\n');
}
