/**
 * The schemas hold to the fields registry (src/model/fields.ts): the labels a locale catalog must
 * set and a template may set are exactly its keys, in its order, titled with the words the built-in
 * catalogs print; and every role field is titled as the documents label it.
 *
 * `npm run schemas` (UPDATE_SCHEMAS=1) rewrites the label lists of locale.schema.json and
 * template.schema.json from the registry after a field is added — then read the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIELDS, LABEL_ALIASES, LABEL_KEYS, type FieldSpec } from '../src/model/fields.js';
import { keysByLabel, type SchemaNode } from '../src/validate/schemas.js';
import { REPO } from './helpers/seed.js';

type Json = Record<string, unknown>;

const schemaFile = (kind: string): string => path.join(REPO, 'schemas', `${kind}.schema.json`);
const readSchema = (kind: string): Json => JSON.parse(readFileSync(schemaFile(kind), 'utf8')) as Json;
const catalogLabels = (name: string): Record<string, string> =>
  (parse(readFileSync(path.join(REPO, 'templates', 'locales', `${name}.yaml`), 'utf8')) as { labels: Record<string, string> }).labels;
const zh = catalogLabels('zh-CN');
const en = catalogLabels('en');
const update = process.env['UPDATE_SCHEMAS'] === '1';

const at = (node: unknown, ...keys: string[]): Json => {
  let here = node;
  for (const key of keys) here = (here as Json | undefined)?.[key];
  if (typeof here !== 'object' || here === null) throw new Error(`no ${keys.join('.')}`);
  return here as Json;
};

/** A new label's description, in the words of the ones beside it. */
function describeLabel(field: FieldSpec, kind: 'locale' | 'template'): string {
  const [z, e] = [zh[field.key] ?? field.key, en[field.key] ?? field.key];
  if (kind === 'template') return `「${z}」的标签文字。\n\nLabel text for “${e}”.`;
  return field.group === 'section' ? `“${z}”章节的标题。\n\nTitle of the ${e.toLowerCase()} section.` : `“${z}”一栏的名称。\n\nLabel of the ${e.toLowerCase()} field.`;
}

/** The labels' properties as the registry and the catalogs say, keeping each existing description. */
function labelProperties(existing: Json, kind: 'locale' | 'template'): Json {
  return Object.fromEntries(
    FIELDS.map((field: FieldSpec) => {
      const old = existing[field.key] as Json | undefined;
      return [field.key, { title: `${zh[field.key]} / ${en[field.key]}`, description: old?.['description'] ?? describeLabel(field, kind), type: 'string', minLength: 1 }];
    }),
  );
}

function synced(kind: 'locale' | 'template'): Json {
  const schema = readSchema(kind);
  const labels = at(schema, 'properties', 'labels');
  labels['properties'] = labelProperties(at(labels, 'properties'), kind);
  if (kind === 'locale') {
    // Without `extends` a catalog sets every label: the `then` branch lists them.
    const required = at(schema, 'then', 'properties', 'labels');
    required['required'] = [...LABEL_KEYS];
    required['properties'] = Object.fromEntries(LABEL_KEYS.map((key) => [key, true]));
  }
  return schema;
}

describe('the schemas and the fields registry', () => {
  it.each(['locale', 'template'] as const)('%s.schema.json lists every label of the registry, in order, titled as the catalogs print them', (kind) => {
    const expected = `${JSON.stringify(synced(kind), null, 2)}\n`;
    if (update) writeFileSync(schemaFile(kind), expected);
    expect(readFileSync(schemaFile(kind), 'utf8'), 'run npm run schemas and read the diff').toBe(expected);
  });

  it('every catalog names every label of the registry', () => {
    for (const name of ['zh-CN', 'en', 'zh-TW']) expect(Object.keys(catalogLabels(name)).sort(), name).toEqual([...LABEL_KEYS].sort());
  });

  it('titles each role field as the documents label it, in Chinese and in English', () => {
    const role = readSchema('role');
    const properties = at(role, 'properties');
    /** Where a field's key is in the role schema: at the top, under its section, or in the items of duties and KPIs. */
    const nodeOf = (field: FieldSpec): Json | undefined => {
      const parent = FIELDS.find((section: FieldSpec) => section.rows === field.group);
      if (field.group === 'info' || field.group === 'section') return properties[field.key] as Json | undefined;
      if (!parent) return undefined;
      const holder = at(properties, parent.key);
      const rows = (holder['items'] as Json | undefined)?.['properties'] ?? holder['properties'];
      return (rows as Json)[field.key] as Json | undefined;
    };
    const titles = FIELDS.flatMap((field: FieldSpec) => {
      // 直接下级 is derived from the other roles, the 修订记录 from git: neither is written in a role file.
      if (field.kind === 'roles' || field.key === 'revisions' || field.group === 'revision-table') return [];
      const node = nodeOf(field);
      return [[field.key, node?.['title'], `${zh[field.key]} / ${en[field.key]}`] as const];
    });
    expect(titles.filter(([, title, label]) => title !== label)).toEqual([]);
  });

  it('knows the key each label stands for, in both languages and by its synonyms, and no key for a name two keys share', () => {
    const byLabel = keysByLabel(readSchema('role') as SchemaNode, LABEL_ALIASES);
    expect(byLabel.get('工作地点')).toBe('work_location');
    expect(byLabel.get('Work location')).toBe('work_location');
    expect(byLabel.get('办公地点')).toBe('work_location');
    expect(byLabel.get('币种')).toBe('currency');
    const shared = keysByLabel({ properties: { a: { title: '说明 / Note' }, b: { properties: { c: { title: '说明 / Remark' } } } } }, {});
    expect(shared.has('说明')).toBe(false);
    expect(shared.get('Remark')).toBe('c');
  });
});
