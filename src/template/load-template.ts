/**
 * Finding, checking and completing a template. A template is a folder holding template.yaml: a
 * built-in one (templates/<name>/ in the package) or one of the project's. A template file says
 * only what it changes; the rest comes from the built-in template it `extends` (classic when it
 * names none), which is how a project template stays a few lines long.
 *
 * Every problem is a diagnostic at its line, as for role files: schema errors with did-you-mean,
 * a logo or font file that is not there, a {placeholder} that does not exist.
 */
import path from 'node:path';
import { type Diagnostic, diagnostic, type DiagnosticCode, START_OF_FILE } from '../core/diagnostic.js';
import { errorCode, UserError } from '../core/errors.js';
import { FileProblemError, type FileAccess, type PathProblem } from '../core/file-access.js';
import { deepMerge, isPlainObject, type PlainObject } from '../core/merge.js';
import { packagePath } from '../core/package-files.js';
import { isInside, toProjectPath } from '../core/paths.js';
import { itemLabel } from '../layout/numbering.js';
import { MAX_ROLE_FILE_BYTES } from '../load/decode.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import { cliMessagesFor } from '../messages/cli-messages.js';
import type { Lang } from '../messages/lang.js';
import { messagesFor } from '../messages/messages.js';
import { MAX_FONT_BYTES } from '../model/fonts.js';
import { PAGE_TEXT_PLACEHOLDERS, type LogoImage, type RawTemplate, type Template } from '../model/template.js';
import { checkYamlFile } from '../validate/check-file.js';
import { suggest } from '../validate/explain.js';
import { templateSchema } from '../validate/schemas.js';
import { checkImage, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from './image-size.js';

export const TEMPLATE_FILE_NAME = 'template.yaml';
/** The built-in templates' folder in the package. */
export const BUILTIN_TEMPLATES_DIR = packagePath('templates');
/** Where a project keeps its own templates, as `roledoc template eject` puts them. */
export const PROJECT_TEMPLATES_DIR = 'templates';
/** The template every other one extends, directly or through another built-in. */
export const ROOT_TEMPLATE = 'classic';

const DEFAULT_LOGO_HEIGHTS = { header_height_mm: 8, cover_height_mm: 25 } as const;

export interface LoadedTemplate {
  readonly template: Template | undefined;
  /** Every template file read, for reporters to quote. */
  readonly sources: readonly SourceFile[];
  /** Files the documents are made from (template files, logo, fonts) as the project names them. */
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** The logo the documents carry, as the project names it (to name it when it cannot be printed). */
  readonly logoFile?: string;
}

const isName = (value: string): boolean => /^[a-z0-9][a-z0-9-]*$/.test(value);

/** Where `template:` was written, for a diagnostic when it names nothing. */
export interface TemplateOrigin {
  readonly file: string;
  readonly locator: Locator;
}

/** The project's own templates (templates/<name>/template.yaml), by folder name, sorted. */
export async function projectTemplateNames(projectRoot: string, files: FileAccess): Promise<string[]> {
  const dir = path.join(projectRoot, PROJECT_TEMPLATES_DIR);
  const names: string[] = [];
  for (const name of await files.folders(dir)) {
    if (await files.isFile(path.join(dir, name, TEMPLATE_FILE_NAME))) names.push(name);
  }
  return names;
}

/**
 * The built-in templates. Listed here, not read from the folder: in a clone of roledoc itself, the
 * project's templates/ is that folder, and a template made there is the project's, not built in.
 * (A test checks the list against the folder and the schema's `extends`.)
 */
export const BUILTIN_TEMPLATES = ['classic', 'modern'] as const;

/**
 * The template file `template:` names: a bare name is the project's templates/<name>/ when there is
 * one (an ejected copy wins over the built-in it came from), else the built-in; anything else is a
 * folder of the project.
 */
export async function findTemplateFile(nameOrPath: string, projectRoot: string, files: FileAccess): Promise<{ file: string; shownAs: string } | undefined> {
  const builtin = (BUILTIN_TEMPLATES as readonly string[]).includes(nameOrPath) ? [path.join(BUILTIN_TEMPLATES_DIR, nameOrPath, TEMPLATE_FILE_NAME)] : [];
  const candidates = isName(nameOrPath)
    ? [path.join(projectRoot, PROJECT_TEMPLATES_DIR, nameOrPath, TEMPLATE_FILE_NAME), ...builtin]
    : [path.join(path.resolve(projectRoot, nameOrPath), TEMPLATE_FILE_NAME)];
  for (const file of candidates) {
    if (await files.isFile(file)) return { file, shownAs: shownPath(file, projectRoot) };
  }
  return undefined;
}

/** A project file as the project names it; a built-in one as templates/<name>/…. */
function shownPath(file: string, projectRoot: string): string {
  // Named apart from the project's files: an ejected templates/classic/ is not the built-in one.
  if (isInside(BUILTIN_TEMPLATES_DIR, file) && !isInside(projectRoot, file)) {
    return `roledoc:templates/${path.relative(BUILTIN_TEMPLATES_DIR, file).split(path.sep).join('/')}`;
  }
  return toProjectPath(projectRoot, file);
}

interface Layer {
  /** The file's data with its paths made absolute and its logo read. */
  readonly data: PlainObject;
  readonly extends: string | undefined;
  /** The logo file this layer sets, as the project names it. */
  readonly logoFile?: string;
}

interface Collected {
  sources: SourceFile[];
  files: string[];
  diagnostics: Diagnostic[];
  /** How the template's files are read. */
  readonly access: FileAccess;
}

/** One template file: checked, its files found and read. */
async function readLayer(file: string, shownAs: string, projectRoot: string, lang: Lang, out: Collected): Promise<Layer | undefined> {
  const messages = messagesFor(lang);
  let bytes: Uint8Array;
  try {
    bytes = await out.access.read(file, MAX_ROLE_FILE_BYTES);
  } catch (error: unknown) {
    if (error instanceof FileProblemError && error.problem === 'too-large') {
      // As the loader says it of any YAML file too large to read.
      out.diagnostics.push(diagnostic('load.too-large', shownAs, START_OF_FILE, messages.tooLarge(error.details.size ?? MAX_ROLE_FILE_BYTES + 1, MAX_ROLE_FILE_BYTES), messages.tooLargeHint));
      return undefined;
    }
    const reason = error instanceof FileProblemError ? messages.pathProblem(error.problem, error.details.limit) : (errorCode(error) ?? String(error));
    throw new UserError(cliMessagesFor(lang).cannotRead(shownAs, reason));
  }
  const checked = checkYamlFile<RawTemplate>(shownAs, bytes, templateSchema(), lang);
  if (checked.source) out.sources.push(checked.source);
  out.files.push(shownAs);
  out.diagnostics.push(...checked.diagnostics);
  const locator = checked.locator;
  // A file with schema errors is still searched for missing files and placeholders, so every
  // problem is reported at once; its values are then only trusted where their type is checked.
  const raw = (checked.value ?? (isPlainObject(checked.data) ? checked.data : undefined)) as RawTemplate | undefined;
  if (!raw || !locator) return undefined;
  const folder = path.dirname(file);
  const problem = (code: DiagnosticCode, message: string, segments: readonly string[], hint: string): void => {
    out.diagnostics.push(diagnostic(code, shownAs, locator.locate(segments, 'value'), message, hint));
  };
  const data: PlainObject = { ...raw };
  /** A file the template names, relative to its folder; one outside the project is a warning (CI will not have it). */
  const fileNamed = (given: string, segments: readonly string[]): string => {
    const resolved = path.resolve(folder, given);
    if (isInside(projectRoot, folder) && !isInside(projectRoot, resolved)) {
      problem('template.path-outside', messages.templatePathOutside(resolved), segments, messages.templatePathOutsideHint);
    }
    return resolved;
  };

  // Placeholders: a misspelt one, or a brace without its pair, would be printed on every page.
  for (const part of ['header', 'footer'] as const) {
    const spec: unknown = raw[part];
    for (const [position, text] of Object.entries(isPlainObject(spec) ? spec : {})) {
      if (typeof text !== 'string') continue;
      for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
        const name = match[1] ?? '';
        if (!(PAGE_TEXT_PLACEHOLDERS as readonly string[]).includes(name)) {
          const near = suggest(name, PAGE_TEXT_PLACEHOLDERS);
          const hint = near === undefined ? messages.unknownPagePlaceholderHint(PAGE_TEXT_PLACEHOLDERS) : messages.didYouMean(`{${near}}`);
          problem('template.unknown-placeholder', messages.unknownPagePlaceholder(name), [part, position], hint);
        }
      }
      if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) problem('template.stray-brace', messages.strayBrace, [part, position], messages.strayBraceHint);
    }
  }

  // A section listed twice would be printed twice.
  if (Array.isArray(raw.sections)) {
    const seen = new Set<unknown>();
    raw.sections.forEach((entry: unknown, index) => {
      const section = isPlainObject(entry) ? entry['section'] : undefined;
      if (typeof section !== 'string') return;
      if (seen.has(section)) problem('template.duplicate-section', messages.duplicateSection(section), ['sections', String(index), 'section'], messages.duplicateSectionHint);
      seen.add(section);
    });
  }

  // PDF font files: absolute from here on, so a template extending this one finds them too.
  const fonts: PlainObject = { ...raw.fonts };
  for (const face of ['body', 'heading'] as const) {
    const given: unknown = isPlainObject(raw.fonts) ? raw.fonts[face] : undefined;
    const pdf = isPlainObject(given) ? given['pdf'] : undefined;
    if (typeof pdf !== 'string') continue;
    const segments = ['fonts', face, 'pdf'];
    const resolved = fileNamed(pdf, segments);
    const shown = shownPath(resolved, projectRoot);
    const read = await readNamedFile(out.access, resolved, MAX_FONT_BYTES);
    if (!(read instanceof Uint8Array)) {
      const key = `fonts.${face}.pdf`;
      if (read.problem === 'too-large') problem('template.bad-font', messages.templateFontUnreadable(shown, messages.pathProblem(read.problem, read.details.limit)), segments, messages.templateFontUnreadableHint);
      else if (isNotAFile(read.problem)) problem('template.not-a-file', messages.namedFileUnreadable(key, shown, messages.pathProblem(read.problem)), segments, messages.namedFileUnreadableHint);
      else problem('template.missing-file', messages.templateFileMissing(key, shown), segments, messages.templateFileMissingHint);
      continue;
    }
    const font = await openFont(read);
    if (font === 'collection') problem('template.font-collection', messages.templateFontCollection(shown), segments, messages.templateFontCollectionHint);
    else if (font !== 'ok') problem('template.bad-font', messages.templateFontUnreadable(shown, font.reason), segments, messages.templateFontUnreadableHint);
    fonts[face] = { ...raw.fonts?.[face], pdf: resolved };
    out.files.push(shown);
  }
  if (raw.fonts !== undefined) data['fonts'] = fonts;

  let logoFile: string | undefined;
  if (isPlainObject(raw.logo) && typeof raw.logo.file === 'string') {
    const segments = ['logo', 'file'];
    const resolved = fileNamed(raw.logo.file, segments);
    const shown = shownPath(resolved, projectRoot);
    // Too big to read is too big to print: never more than MAX_IMAGE_BYTES is read, whatever the file claims.
    const read = await readNamedFile(out.access, resolved, MAX_IMAGE_BYTES);
    const bytes = read instanceof Uint8Array ? read : undefined;
    const image = bytes ? checkImage(bytes) : undefined;
    if (read instanceof FileProblemError && read.problem === 'missing') problem('template.missing-file', messages.templateFileMissing('logo.file', shown), segments, messages.templateFileMissingHint);
    else if (read instanceof FileProblemError && isNotAFile(read.problem)) {
      problem('template.not-a-file', messages.namedFileUnreadable('logo.file', shown, messages.pathProblem(read.problem)), segments, messages.namedFileUnreadableHint);
    } else if ((read instanceof FileProblemError && read.problem === 'too-large') || (image && 'problem' in image && image.problem === 'too-large')) {
      problem('template.image-too-large', messages.templateImageTooLarge(shown, MAX_IMAGE_SIDE, MAX_IMAGE_BYTES / 1024 / 1024), segments, messages.templateImageTooLargeHint);
    } else if (image && 'problem' in image && image.problem === 'unsupported') {
      problem('template.bad-image', messages.templateImageUnsupported(shown, image.kind), segments, messages.templateImageUnsupportedHint);
    } else if (!image || 'problem' in image) {
      problem('template.bad-image', messages.templateImageUnreadable(shown), segments, messages.templateImageUnreadableHint);
    }
    if (bytes && image && !('problem' in image)) {
      const logo: LogoImage = {
        format: image.format,
        data: Buffer.from(bytes).toString('base64'),
        widthPx: image.width,
        heightPx: image.height,
        header_height_mm: raw.logo.header_height_mm ?? DEFAULT_LOGO_HEIGHTS.header_height_mm,
        cover_height_mm: raw.logo.cover_height_mm ?? DEFAULT_LOGO_HEIGHTS.cover_height_mm,
      };
      data['logo'] = logo;
      out.files.push(shown);
      logoFile = shown;
    }
  }
  if (!checked.value) return undefined;
  delete data['extends'];
  return { data, extends: checked.value.extends, ...(logoFile === undefined ? {} : { logoFile }) };
}

/** A file a template names, at most `maxBytes` of it, or why it cannot be read. */
async function readNamedFile(access: FileAccess, file: string, maxBytes: number): Promise<Uint8Array | FileProblemError> {
  try {
    return await access.read(file, maxBytes);
  } catch (error: unknown) {
    if (error instanceof FileProblemError) return error;
    return new FileProblemError('other', file, { code: errorCode(error) });
  }
}

/** Something at the path that is not a file at all: never a logo or a font, whatever its name. */
function isNotAFile(problem: PathProblem): boolean {
  return ['directory', 'fifo', 'device', 'socket', 'other', 'broken-link', 'link-loop'].includes(problem);
}

/**
 * Whether fontkit can read a font file, as the PDF renderer will: one face, not a collection.
 * fontkit is loaded only for a template that names a font: `roledoc validate` should not pay for it.
 */
async function openFont(bytes: Uint8Array): Promise<'ok' | 'collection' | { reason: string }> {
  const { create } = await import('fontkit');
  try {
    return 'fonts' in create(Buffer.from(bytes)) ? 'collection' : 'ok';
  } catch (error: unknown) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The merged data as a complete Template; the root template sets every key, so a gap is a bug in it. */
function completeTemplate(data: PlainObject): Template {
  const required = ['name', 'page', 'fonts', 'pdf_fonts', 'sizes_pt', 'colors', 'line_height', 'block_spacing_pt', 'label_column_chars', 'title_align', 'table_style', 'heading_rule', 'sections', 'numbering'];
  const missing = required.filter((key) => data[key] === undefined);
  if (missing.length > 0) throw new Error(`The built-in template ${ROOT_TEMPLATE} does not set ${missing.join(', ')}.`);
  return { hide: [], labels: {}, ...data } as unknown as Template;
}

/** Template layers, root first, laid over each other into a complete template. */
export function mergeTemplates(layers: readonly object[]): Template {
  return completeTemplate(layers.reduce<PlainObject>((below, layer) => deepMerge(below, { ...layer }), {}));
}

/**
 * Loads the template `template:` names, with the built-ins it extends beneath it.
 * @throws UserError when there is no such template at all.
 */
export async function loadTemplate(nameOrPath: string, projectRoot: string, lang: Lang, access: FileAccess, namedIn?: TemplateOrigin): Promise<LoadedTemplate> {
  const found = await findTemplateFile(nameOrPath, projectRoot, access);
  if (!found) {
    const messages = messagesFor(lang);
    const available = [...new Set([...(await projectTemplateNames(projectRoot, access)), ...BUILTIN_TEMPLATES])];
    const near = suggest(nameOrPath, available);
    const hint = near === undefined ? messages.templateNotFoundHint(available) : messages.didYouMean(near);
    // Named in the config: an error at its line like any other. Named on the command line: a usage error.
    if (!namedIn) throw new UserError(messages.templateNotFound(nameOrPath), hint);
    const span = namedIn.locator.locate(['template'], 'value');
    return { template: undefined, sources: [], files: [], diagnostics: [diagnostic('config.template-not-found', namedIn.file, span, messages.templateNotFound(nameOrPath), hint)] };
  }
  const out: Collected = { sources: [], files: [], diagnostics: [], access };
  const layers: object[] = [];
  const rootFile = path.join(BUILTIN_TEMPLATES_DIR, ROOT_TEMPLATE, TEMPLATE_FILE_NAME);
  let current: { file: string; shownAs: string } | undefined = found;
  // Built-ins extend only built-ins, each a step nearer the root: the chain is short and ends.
  const seen = new Set<string>();
  let logoFile: string | undefined;
  while (current && !seen.has(current.file)) {
    seen.add(current.file);
    const layer = await readLayer(current.file, current.shownAs, projectRoot, lang, out);
    if (!layer) return { template: undefined, sources: out.sources, files: out.files, diagnostics: out.diagnostics };
    layers.unshift(layer.data);
    // The nearest layer's logo is the one the merged template keeps.
    logoFile ??= layer.logoFile;
    if (current.file === rootFile) break;
    const base = path.join(BUILTIN_TEMPLATES_DIR, layer.extends ?? ROOT_TEMPLATE, TEMPLATE_FILE_NAME);
    current = { file: base, shownAs: shownPath(base, projectRoot) };
  }
  const loaded = { sources: out.sources, files: out.files, diagnostics: out.diagnostics };
  if (out.diagnostics.some((d) => d.severity === 'error')) return { template: undefined, ...loaded };
  return { template: mergeTemplates(layers), ...loaded, ...(logoFile === undefined ? {} : { logoFile }) };
}

/** The template's PDF font files, as `chooseFonts` takes them: body text regular, headings and bold text bold. */
export function templatePdfFonts(template: Template): { regular?: string; bold?: string } {
  const regular = template.fonts.body.pdf;
  const bold = template.fonts.heading.pdf ?? regular;
  return { ...(regular === undefined ? {} : { regular }), ...(bold === undefined ? {} : { bold }) };
}

/** Every word the template itself puts on a page (labels, header, footer): the PDF font must draw it. */
export function templateText(template: Template): string {
  const pageTexts = [template.header, template.footer].flatMap((spec) => Object.values(spec ?? {}));
  // The labels of the first fifty items of each list (㉑, 二十一 …).
  const numbers = Object.values(template.numbering).flatMap((style) => Array.from({ length: 50 }, (_, index) => itemLabel(style, index)));
  return [...Object.values(template.labels), ...pageTexts, ...numbers].join('');
}
