/**
 * Recognised roles → role files: an id for each (the one roledoc wrote into its own document, else
 * the title in pinyin, unique in the project), titles that name a role of the project or of the
 * same import turned into id links, 直接下级 checked against what the links derive, and the YAML
 * text in the role schema's key order. Pure.
 */
import { pinyin } from 'pinyin-pro';
import { Document } from 'yaml';
import { roleSchema, schemaAt } from '../validate/schemas.js';
import type { ImportedRole, Kept, RecognisedRole } from './draft.js';

/** A role the project already has. */
export interface KnownRole {
  readonly id: string;
  readonly title: string;
  readonly file: string;
}

/** What one source file gave: its roles, and the ids roledoc wrote into it, if it made it. */
export interface RecognisedFile {
  readonly roles: readonly RecognisedRole[];
  readonly roleIds?: readonly string[];
}

export interface Link {
  readonly field: 'reports_to' | 'career_path';
  readonly title: string;
  readonly id: string;
}

export interface AssembledRole {
  readonly id: string;
  readonly idFrom: 'document' | 'title';
  /** The role's fields with its id, links made. */
  readonly role: ImportedRole & { readonly id: string };
  readonly links: readonly Link[];
  /** 直接下级 the source listed that its links do not derive: kept aside with the rest. */
  readonly kept: readonly Kept[];
  /** The project role with this id, when there is one: the import does not write over it. */
  readonly existing?: KnownRole;
  /** The same role (id, title and department) came earlier in this import: it is not written twice. */
  readonly duplicate?: boolean;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** 客服主管 → ke-fu-zhu-guan; 运维工程师(SP) → yun-wei-gong-cheng-shi-sp. */
export function idFromTitle(title: string): string {
  const syllables = pinyin(title.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  let id = slug;
  while (id.length > 64) id = id.slice(0, id.lastIndexOf('-') > 0 ? id.lastIndexOf('-') : 64);
  return ID_PATTERN.test(id) ? id : 'role';
}

/** Ids for every role of every file, unique among themselves and against the project's other roles. */
export function assemble(files: readonly RecognisedFile[], known: readonly KnownRole[]): AssembledRole[][] {
  const knownIds = new Map(known.map((role) => [role.id, role]));
  const taken = new Set<string>();
  /** id, title and department → the id the first of them got. */
  const seen = new Map<string, string>();
  const withIds = files.map((file) => {
    const fromDocument = file.roleIds !== undefined && file.roleIds.length === file.roles.length && file.roleIds.every((id) => ID_PATTERN.test(id));
    return file.roles.map((recognised, index) => {
      const title = recognised.role.title ?? '';
      const documentId = fromDocument ? file.roleIds?.[index] : undefined;
      const base = documentId ?? idFromTitle(title);
      const sameRole = `${base}\u0000${title}\u0000${recognised.role.department ?? ''}`;
      const earlier = seen.get(sameRole);
      if (earlier !== undefined) return { recognised, id: earlier, idFrom: documentId === undefined ? ('title' as const) : ('document' as const), duplicate: true };
      // The same id and title in the project: this role is already there.
      const existing = knownIds.get(base);
      const same = existing !== undefined && existing.title === title;
      let id = base;
      for (let n = 2; taken.has(id) || (knownIds.has(id) && !same); n++) id = `${base.slice(0, 60)}-${n}`;
      taken.add(id);
      seen.set(sameRole, id);
      return { recognised, id, idFrom: documentId === undefined ? ('title' as const) : ('document' as const), ...(same ? { existing } : {}) };
    });
  });

  // Titles → ids: the import's own roles first, then the project's.
  const byTitle = new Map<string, string>();
  for (const role of known) if (!byTitle.has(role.title)) byTitle.set(role.title, role.id);
  for (const entry of withIds.flat()) if (entry.recognised.role.title !== undefined) byTitle.set(entry.recognised.role.title, entry.id);

  const reportsTo = new Map<string, string>();
  const assembled = withIds.map((entries) =>
    entries.map((entry): AssembledRole => {
      const source = entry.recognised.role;
      const links: Link[] = [];
      const link = (field: Link['field'], title: string): string => {
        const id = byTitle.get(title);
        if (id === undefined) return title;
        links.push({ field, title, id });
        return id;
      };
      const role: ImportedRole & { id: string } = { id: entry.id, ...source };
      if (source.reports_to !== undefined) {
        role.reports_to = link('reports_to', source.reports_to);
        if (role.reports_to !== source.reports_to) reportsTo.set(entry.id, role.reports_to);
      }
      if (source.career_path !== undefined) role.career_path = source.career_path.map((step) => link('career_path', step));
      const existing = 'existing' in entry ? entry.existing : undefined;
      return { id: entry.id, idFrom: entry.idFrom, role, links, kept: [], ...(existing ? { existing } : {}), ...('duplicate' in entry && entry.duplicate ? { duplicate: true } : {}) };
    }),
  );

  // 直接下级 is derived from reports_to: names the links already give are dropped, others kept aside.
  return assembled.map((entries, fileIndex) =>
    entries.map((entry, index) => {
      const listed = files[fileIndex]?.roles[index]?.directReports;
      if (!listed) return entry;
      const derived = new Set([...reportsTo].filter(([, boss]) => boss === entry.id).map(([id]) => id));
      const missing = listed.names.filter((name) => {
        const id = byTitle.get(name);
        return id === undefined || !derived.has(id);
      });
      if (missing.length === 0) return entry;
      const extra = { title: listed.label, items: missing };
      const role = { ...entry.role, extra_sections: [...(entry.role.extra_sections ?? []), extra] };
      return { ...entry, role, kept: missing.map((text): Kept => ({ label: listed.label, field: 'extra_sections', text, place: listed.place })) };
    }),
  );
}

/** The role's fields in the role schema's order, nested ones too (the order HR reads a form in). */
function ordered(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, [...path, '0']));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(schemaAt(roleSchema().root, path)?.properties ?? {});
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rank = (key: string): number => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)).map(([key, v]) => [key, ordered(v, [...path, key])]));
}

/** The role file's text: the editor modeline, where it came from, and the fields. */
export function roleFileText(role: ImportedRole & { readonly id: string }, schemaPath: string, source: string): string {
  const document = new Document(ordered(role, []));
  document.commentBefore = ` yaml-language-server: $schema=${schemaPath}\n Imported by roledoc import from ${source}`;
  return document.toString({ lineWidth: 0 });
}
