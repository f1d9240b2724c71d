/**
 * The JSON Schemas in `schemas/` are the contract with HR (and what their editor autocompletes from);
 * this module compiles them once per process with ajv and answers questions about them (labels,
 * allowed keys) for the messages.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { compiledPath, packagePath, readPackageText, requireCompiled } from '../core/package-files.js';
import type { RawConfig } from '../model/config.js';
import type { RawLocale } from '../model/locale.js';
import type { RawRole } from '../model/role.js';
import type { RawTemplate } from '../model/template.js';

export type SchemaKind = 'role' | 'config' | 'template' | 'locale';
export const SCHEMA_KINDS: readonly SchemaKind[] = ['role', 'config', 'template', 'locale'];

/** A JSON Schema node as far as roledoc reads it. */
export interface SchemaNode {
  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly $defs?: Readonly<Record<string, SchemaNode>>;
}

const SCHEMA_FILES: Record<SchemaKind, string> = {
  role: 'role.schema.json',
  config: 'config.schema.json',
  template: 'template.schema.json',
  locale: 'locale.schema.json',
};

/** The schema file in the package's schemas/ folder. */
export function schemaPath(kind: SchemaKind): string {
  return packagePath('schemas', SCHEMA_FILES[kind]);
}

/** The schema as its file says it: what `roledoc schema` prints and `roledoc init` copies. */
export function schemaText(kind: SchemaKind): string {
  return readPackageText('schemas', SCHEMA_FILES[kind]);
}

export interface CompiledSchema<T> {
  readonly kind: SchemaKind;
  readonly root: SchemaNode;
  /** Validates and narrows; errors are returned, never thrown. */
  check(data: unknown): { ok: true; value: T } | { ok: false; errors: ErrorObject[] };
}

/** verbose: errors carry the value they are about (the sentence quotes it). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

/** Annotations (bilingual prose for editors and explanations) that change nothing a validator checks. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', '$comment']);

/**
 * The schema as a validator needs it: every annotation left out. A standalone validator embeds the
 * parts of its schema it consults (enums, property lists); without the prose they are a third the size.
 * A property named like an annotation ("title" of a role) is a schema object, not text, and stays.
 */
export function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (typeof node !== 'object' || node === null) return node;
  const kept = Object.entries(node).filter(([key, value]) => !(ANNOTATIONS.has(key) && (typeof value === 'string' || (key === 'examples' && Array.isArray(value)))));
  return Object.fromEntries(kept.map(([key, value]) => [key, withoutAnnotations(value)]));
}

export const schemaHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Where the build step (precompile.ts) writes a schema's standalone validator: beside the compiled code, dist/validate/precompiled/. */
export function precompiledPath(kind: SchemaKind): string {
  return compiledPath('validate', 'precompiled', `${kind}.cjs`);
}

/** The validator the build step made from exactly this schema text, if there is one. */
function precompiled<T>(kind: SchemaKind, text: string): ValidateFunction<T> | undefined {
  const loaded = requireCompiled('validate', 'precompiled', `${kind}.cjs`);
  if (typeof loaded !== 'function' || (loaded as { schemaHash?: unknown }).schemaHash !== schemaHash(text)) return undefined;
  return loaded as ValidateFunction<T>;
}

/** ajv, loaded only when a validator has to be compiled at run time. */
const requireModule = createRequire(import.meta.url);
let ajv: Ajv2020 | undefined;

function compile<T>(kind: SchemaKind): CompiledSchema<T> {
  const text = schemaText(kind);
  const root = JSON.parse(text) as SchemaNode;
  const validate =
    precompiled<T>(kind, text) ??
    (() => {
      // ajv itself loads only here: with the build's precompiled validators, a run never needs it.
      const { Ajv2020: Ajv } = requireModule('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv ??= new Ajv(AJV_OPTIONS);
      return ajv.compile(withoutAnnotations(root) as object) as ValidateFunction<T>;
    })();
  return {
    kind,
    root,
    check(data) {
      if (validate(data)) return { ok: true, value: data };
      return { ok: false, errors: [...(validate.errors ?? [])] };
    },
  };
}

const compiled: {
  role?: CompiledSchema<RawRole>;
  config?: CompiledSchema<RawConfig>;
  template?: CompiledSchema<RawTemplate>;
  locale?: CompiledSchema<RawLocale>;
} = {};

export function roleSchema(): CompiledSchema<RawRole> {
  return (compiled.role ??= compile<RawRole>('role'));
}

export function configSchema(): CompiledSchema<RawConfig> {
  return (compiled.config ??= compile<RawConfig>('config'));
}

export function templateSchema(): CompiledSchema<RawTemplate> {
  return (compiled.template ??= compile<RawTemplate>('template'));
}

export function localeSchema(): CompiledSchema<RawLocale> {
  return (compiled.locale ??= compile<RawLocale>('locale'));
}

function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (!ref?.startsWith('#/$defs/')) return node;
  const target = root.$defs?.[ref.slice('#/$defs/'.length)];
  // Keywords written beside $ref (title, description) describe the use site, so they win.
  return target ? { ...resolveRef(root, target), ...node } : node;
}

/** The schema node that describes the data at `segments`, or undefined where the schema has none. */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveRef(root, root);
  for (const segment of segments) {
    if (!node) return undefined;
    const next: SchemaNode | undefined = /^\d+$/.test(segment) && node.items ? node.items : node.properties?.[segment];
    node = next ? resolveRef(root, next) : undefined;
  }
  return node;
}

/**
 * The names a key goes by — each part of its schema title ("工作地点 / Work location") and the
 * synonyms HR uses — for a label typed where the key belongs. A name that would mean two different
 * keys is left out: there the key cannot be guessed.
 */
export function keysByLabel(root: SchemaNode, synonyms: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const found = new Map<string, string | null>();
  const add = (label: string, key: string): void => {
    const known = found.get(label);
    found.set(label, known === undefined || known === key ? key : null);
  };
  const visit = (node: SchemaNode | undefined): void => {
    if (!node) return;
    const resolved = resolveRef(root, node);
    for (const [key, child] of Object.entries(resolved.properties ?? {})) {
      const title = resolveRef(root, child).title;
      for (const label of [...(title?.split(' / ') ?? []), ...(synonyms[key] ?? [])]) add(label.trim(), key);
      visit(child);
    }
    if (resolved.items) visit(resolved.items);
  };
  visit(root);
  return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** Every key the schema knows, at any depth: the vocabulary of the format. */
export function allKeys(root: SchemaNode): Set<string> {
  const keys = new Set<string>();
  const visit = (node: SchemaNode | undefined): void => {
    if (!node) return;
    const resolved = resolveRef(root, node);
    for (const [key, child] of Object.entries(resolved.properties ?? {})) {
      keys.add(key);
      visit(child);
    }
    if (resolved.items) visit(resolved.items);
  };
  visit(root);
  return keys;
}
