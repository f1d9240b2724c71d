/**
 * roledoc as a library: the pipeline every command calls.
 *
 *   const checked = await checkProject(root);                  // diagnostics, roles, template, locale
 *   const { documents } = await compileProject(root);          // every document to make, with its Layout
 *   const pdf = await renderDocument(documents[0].layout, 'pdf', { createdAt: documents[0].createdAt });
 *   const result = await buildProject(root, undefined, { paths: [] });   // plan, render, write out/
 *
 * Stages below this are pure (data in, data out); reading the project and writing its outputs
 * happen in io/, which only the pipeline calls. See docs/architecture.md.
 */
export type { Diagnostic, Severity, SourceSpan } from './core/diagnostic.js';
export { UserError } from './core/errors.js';
export type { Layout, Block } from './layout/layout.js';
export type { Locale } from './locale/locale.js';
export type { OutputFormat, ProjectConfig } from './model/config.js';
export { FIELDS, type FieldSpec, type LabelKey } from './model/fields.js';
export type { Handbook, HandbookDepartment } from './model/handbook.js';
export type { RawRole, Role, RoleRef } from './model/role.js';
export type { Template } from './model/template.js';

export { openProject, type ProjectContext } from './pipeline/open-project.js';
export { checkProject, type CheckedProject, type CheckOptions } from './pipeline/check-project.js';
export { compileProject, type CompiledProject, type CompileProjectOptions } from './pipeline/compile-project.js';
export { compileDocuments, type PlannedDocument } from './pipeline/compile.js';
export { renderDocument } from './pipeline/render-document.js';
export { buildProject, type BuildHooks, type BuildRequest, type BuildResult } from './pipeline/build.js';
export { importRoles, type ImportOptions, type ImportResult, type ImportedSourceReport, type ImportedRoleReport } from './pipeline/import-roles.js';

export { resolveRoles } from './resolve/resolve-roles.js';
export { resolveHandbook } from './resolve/resolve-handbook.js';
export { composeRole } from './compose/compose-role.js';
export { composeHandbook } from './compose/handbook.js';
export { planBuild, type BuildPlan } from './incremental/plan.js';
