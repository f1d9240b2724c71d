/**
 * compile: checked roles, template and locale → the documents to make (pure). Every role is
 * resolved against the others, composed into a Layout and dated; each document carries a hash of
 * everything it is made from, which is how an incremental build knows what it may skip.
 */
import { roledocVersion } from '../core/version.js';
import { composeHandbook } from '../compose/handbook.js';
import { composeRole } from '../compose/compose-role.js';
import { documentDate, type CommitDates } from '../incremental/document-date.js';
import { sha256 } from '../incremental/manifest.js';
import type { WantedOutput } from '../incremental/plan.js';
import type { Layout } from '../layout/layout.js';
import type { Locale } from '../locale/locale.js';
import { CONFIG_FILE_NAME, HANDBOOK_NAME, type OutputFormat, type ProjectConfig } from '../model/config.js';
import type { Revision } from '../model/role.js';
import type { Template } from '../model/template.js';
import { fontIdentity, type FontFactsSet } from '../model/fonts.js';
import { resolveHandbook } from '../resolve/resolve-handbook.js';
import { resolveRoles } from '../resolve/resolve-roles.js';
import type { CheckedRole } from './check-roles.js';

/** One document to make: its file name, what it is made from, and its Layout. */
export interface PlannedDocument extends WantedOutput {
  readonly format: OutputFormat;
  /** The Layout, composed the first time it is asked for and kept (for every format of the document). */
  readonly layout: Layout;
  /** The Layout composed anew, kept by no one: what a build renders from, so it never holds them all. */
  compose(): Layout;
  readonly createdAt: Date;
}

export interface CompileInputs {
  readonly config: ProjectConfig;
  /** Every valid role of the project: links, 直接下级 and the handbook need them all. */
  readonly roles: readonly CheckedRole[];
  readonly template: Template;
  readonly locale: Locale;
  /** The files the template and a project catalog are made of, as the project names them: they date the documents. */
  readonly templateFiles: readonly string[];
  /** Each role file's 修订记录, when the config asks for them (revision_history). */
  readonly revisions?: ReadonlyMap<string, readonly Revision[]>;
}

export interface CompileOptions {
  readonly formats: readonly OutputFormat[];
  /** The roles to make documents for (a subset of `roles`); none with only the handbook. */
  readonly documentsOf: readonly CheckedRole[];
  readonly handbook: boolean;
  /** SOURCE_DATE_EPOCH, when set: every document's date. */
  readonly epoch: Date | undefined;
  readonly commits: CommitDates;
  /** The PDF fonts, when PDF is among the formats: they are part of what a PDF is made from. */
  readonly fonts: FontFactsSet | undefined;
}

/**
 * The documents to make. Each carries `inputs`, a hash of everything its Layout is composed from
 * (the resolved role — its links' titles and its 直接下级 included —, the template, the locale,
 * the organisation) with the format, date, fonts and roledoc's version; its Layout is composed
 * only when asked for, so a build that finds a document up to date never composes it.
 */
export function compileDocuments(inputs: CompileInputs, options: CompileOptions): PlannedDocument[] {
  const { config, template, locale, templateFiles } = inputs;
  const resolved = resolveRoles(inputs.roles.map((entry) => entry.role)).map((role, index) => {
    const revisions = inputs.revisions?.get(inputs.roles[index]?.file ?? '');
    return revisions === undefined ? role : { ...role, revisions };
  });
  const roleOf = new Map(inputs.roles.map((entry, index) => [entry, resolved[index]]));
  // What every document shares, hashed once; each role's own part hashed once, for its documents and the handbook's.
  const look = sha256(JSON.stringify({ template, locale, organization: config.organization }));
  const roleHash = new Map(resolved.map((role) => [role, sha256(JSON.stringify(role))]));
  const planned: PlannedDocument[] = [];
  const want = (name: string, made: unknown, compose: () => Layout, createdAt: Date): void => {
    let layout: Layout | undefined;
    for (const format of options.formats) {
      const hashed = sha256(
        JSON.stringify({
          roledoc: roledocVersion(),
          format,
          date: createdAt.toISOString(),
          // The handbook .docx's contents carry page numbers from the PDF's pagination: its fonts are an input too.
          fonts: (format === 'pdf' || (format === 'docx' && name === HANDBOOK_NAME)) && options.fonts ? fontIdentity(options.fonts) : '',
          look,
          made,
          // Only when set, so that a project without it keeps its documents' hashes.
          ...(format === 'pdf' && config.pdf_standard !== undefined ? { pdfStandard: config.pdf_standard } : {}),
        }),
      );
      planned.push({
        name: `${name}.${format}`,
        role: name,
        inputs: hashed,
        createdAt,
        format,
        compose,
        // One Layout for every format of the document, composed the first time one is asked for.
        get layout(): Layout {
          layout ??= compose();
          return layout;
        },
      });
    }
  };
  for (const entry of options.documentsOf) {
    const role = roleOf.get(entry);
    if (!role) continue;
    // Dated by its own files only: a commit to another role (even one it links to) does not re-date it.
    const createdAt = documentDate([entry.file, CONFIG_FILE_NAME, ...templateFiles], options.epoch, options.commits);
    want(role.id, { role: roleHash.get(role) }, () => composeRole(role, { template, locale, organization: config.organization }), createdAt);
  }
  if (options.handbook) {
    // The handbook holds every role; it is as new as its newest part.
    const createdAt = documentDate([CONFIG_FILE_NAME, ...templateFiles, ...inputs.roles.map((entry) => entry.file)], options.epoch, options.commits);
    const made = { handbook: { title: config.title, order: config.order }, roles: resolved.map((role) => roleHash.get(role)) };
    want(
      HANDBOOK_NAME,
      made,
      () =>
        composeHandbook(resolveHandbook(resolved, config.order, locale.lang), {
          template,
          locale,
          organization: config.organization,
          title: config.title,
          date: createdAt,
        }),
      createdAt,
    );
  }
  return planned;
}
