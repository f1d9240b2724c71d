/**
 * The fonts a project's PDFs are set in, and what they cannot draw. `build` and `validate` both
 * run this, so a CI job that only validates learns of every character that would print as a box.
 */
import path from 'node:path';
import { diagnostic, START_OF_FILE, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { bundledFontFacts, chooseFonts } from '../io/fonts.js';
import type { Locator } from '../load/locate.js';
import type { SourceFile } from '../load/source-file.js';
import type { Locale } from '../locale/locale.js';
import { localeText } from '../locale/locale-text.js';
import type { CliMessages } from '../messages/cli-messages.js';
import type { Messages } from '../messages/messages.js';
import { CONFIG_FILE_NAME, type ProjectConfig } from '../model/config.js';
import { FontError, type FontChoice, type FontFactsSet } from '../model/fonts.js';
import type { Template } from '../model/template.js';
import type { FontSet } from '../render/fonts.js';
import { templatePdfFonts, templateText } from '../template/load-template.js';
import { checkGlyphCoverage, missingCharacters } from './glyph-coverage.js';

export interface PdfFonts {
  /** The font files, for render threads to parse for themselves. */
  readonly choice: FontChoice;
  /** Who the faces are and what they draw: all a check of the project's text needs. */
  readonly facts: FontFactsSet;
  /** The parsed faces, for rendering on this thread: parsed the first time they are asked for. */
  fonts(): Promise<FontSet>;
}

function fontProblemMessage(error: FontError, messages: CliMessages): UserError {
  const problem = error.problem;
  switch (problem.kind) {
    case 'missing-file':
      return new UserError(messages.fontNotFound(problem.path));
    case 'missing-face':
      return problem.face === ''
        ? new UserError(messages.fontNeedsFace(problem.path), messages.fontFaces(problem.available))
        : new UserError(messages.fontFaceNotFound(problem.path, problem.face, problem.available));
    case 'unreadable':
      return new UserError(messages.fontUnreadable(problem.path, problem.reason));
    case 'unusable':
      return new UserError(messages.fontUnusable(problem.path, problem.reason), messages.fontUnusableHint);
    case 'not-a-file': {
      const what = messages.pathProblem(problem.problem, problem.limit);
      if (problem.problem === 'too-large' || problem.problem === 'denied' || problem.problem === 'other') {
        return new UserError(messages.fontUnreadable(problem.path, problem.code === undefined ? what : `${what}, ${problem.code}`));
      }
      return new UserError(messages.fontNotAFile(problem.path, what));
    }
    case 'none-found':
      return new UserError(messages.noCjkFont, messages.noCjkFontHint);
  }
}

/**
 * Chooses and parses the PDF fonts: the config's (often what this machine or company has) win over
 * the template's files, as a set; a face neither names is the bundled family the template's
 * `pdf_fonts` picks for it (classic: Noto Serif SC body, Noto Sans SC bold). The files the project names
 * are tried out first (a few characters set in a throwaway PDF): the installed ones are known good.
 * @throws UserError when a font file is missing, unreadable, or cannot be set text in.
 */
export async function loadPdfFonts(config: ProjectConfig, projectRoot: string, template: Template, messages: CliMessages): Promise<PdfFonts> {
  try {
    const configured = config.fonts;
    const ownFaces = configured?.regular !== undefined || configured?.bold !== undefined;
    const named = ownFaces ? configured : { ...templatePdfFonts(template), ...configured };
    const choice = chooseFonts(named, projectRoot, template.pdf_fonts);
    // The bundled faces as the build step described them: nothing parsed until something renders here.
    const regular = bundledFontFacts(choice.regular);
    const bold = bundledFontFacts(choice.bold);
    if (regular && bold && choice.fallback === undefined) {
      let parsedSet: Promise<FontSet> | undefined;
      return { choice, facts: { regular, bold }, fonts: () => (parsedSet ??= import('./load-fonts.js').then(({ loadFontSet }) => loadFontSet(choice))) };
    }
    // fontkit (through load-fonts.ts) is loaded only when a font has to be parsed here.
    const { checkFontsUsable, loadFontSet } = await import('./load-fonts.js');
    const fonts = loadFontSet(choice);
    const namedPaths = new Set(
      [named?.regular, named?.bold, named?.fallback].flatMap((ref) => (ref === undefined ? [] : [path.resolve(projectRoot, typeof ref === 'string' ? ref : ref.path)])),
    );
    await checkFontsUsable(choice, fonts, (file) => namedPaths.has(file.path));
    return { choice, facts: fonts, fonts: () => Promise.resolve(fonts) };
  } catch (error: unknown) {
    if (error instanceof FontError) throw fontProblemMessage(error, messages);
    throw error;
  }
}

/** A role file the coverage check reads: its data, and where each value is. */
export interface CoveredRole {
  readonly file: string;
  readonly data: unknown;
  readonly locator: Locator;
}

/** roledoc.config.yaml as the coverage check reads it: where its title and organisation are. */
export interface CoveredConfig {
  readonly file: string;
  readonly locator: Locator;
  readonly source: SourceFile | undefined;
}

/**
 * A warning for each character of the roles, and of the config's title and organisation, the
 * fonts cannot draw, at its file:line:column.
 * @throws UserError when the fonts cannot draw the documents' own words (labels, headings, page
 *   numbers): every page would be boxes.
 */
export function checkPdfCoverage(
  fonts: FontFactsSet,
  documents: { readonly locale: Locale; readonly template: Template; readonly config: ProjectConfig; readonly configFile?: CoveredConfig | undefined },
  roles: readonly CoveredRole[],
  sources: ReadonlyMap<string, SourceFile>,
  messages: { readonly cli: CliMessages; readonly files: Messages },
): Diagnostic[] {
  const { locale, template, config, configFile } = documents;
  // The title and organisation are the user's words, like a role's: a warning at their line when the config file
  // says them; only the defaults (no config file) are checked with the catalog's own words.
  const ownWords = configFile === undefined ? `${config.title}${config.organization}` : '';
  const lacking = missingCharacters(`${localeText(locale)}${templateText(template)}${ownWords}`, fonts);
  if (lacking.length > 0) throw new UserError(messages.cli.fontLacksLocale(lacking.join(''), locale.lang), messages.cli.fontLacksLocaleHint);
  const configInput = configFile === undefined ? [] : [{ ...configFile, data: { title: config.title, organization: config.organization } }];
  return checkGlyphCoverage(
    [...configInput, ...roles.map((role) => ({ ...role, source: sources.get(role.file) }))],
    fonts,
    messages.files,
  );
}

/**
 * The PDF fonts a build that makes no PDF still uses: the handbook .docx is paginated with them for
 * its contents' page numbers. A font that cannot be read does not stop such a build: the contents
 * are left for Word to number, and a warning at the config's `fonts` says so (validate and build alike).
 */
export async function paginationFonts(
  config: ProjectConfig,
  projectRoot: string,
  template: Template,
  configLocator: Locator | undefined,
  messages: { readonly cli: CliMessages; readonly files: Messages },
): Promise<{ readonly fonts: PdfFonts | undefined; readonly diagnostics: readonly Diagnostic[] }> {
  try {
    return { fonts: await loadPdfFonts(config, projectRoot, template, messages.cli), diagnostics: [] };
  } catch (error: unknown) {
    if (!(error instanceof UserError)) throw error;
    const at = configLocator?.locate(['fonts'], 'key') ?? START_OF_FILE;
    return { fonts: undefined, diagnostics: [diagnostic('font.contents-unpaged', CONFIG_FILE_NAME, at, messages.files.contentsUnpaged(error.message), messages.files.contentsUnpagedHint)] };
  }
}
