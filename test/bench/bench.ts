/**
 * `npm run bench`: how fast roledoc is, as a user meets it — whole `roledoc` processes, start-up
 * included — next to its peers, with every figure of the performance targets (issue 15) and its
 * ratio to the target, all from the same run. Prints a report and writes the figures to
 * out/bench.json.
 *
 * The projects are N copies of the bundled 客服部经理 role with their own ids and titles (see
 * lib/project.ts), validated before anything is timed. For each size:
 *   - full build: `roledoc build --force` (every .docx and PDF and both handbooks): wall, peak RSS
 *   - no-op rebuild: `roledoc build` right after it
 *   - one role edited: one sentence of one role file changed, then `roledoc build` (handbook on)
 *   - roles only: `build --only roles --format docx|pdf --force`, per role
 *   - Typst in Node as a peer (sizes up to 1,000): `build --only roles --format pdf --force --jobs 1`
 *     against one Node process rendering the same roles with Typst (peers/typst-render.ts), one
 *     thread against one thread, interleaved; pages and text of one document compared
 *   - where the time goes (1,000 roles): one more full build, and one more PDF-only build on one
 *     thread, under node's CPU profiler, their samples summed by area of the code
 * Sizes above 1,000 (10,000 unless BENCH_10K=0) run the full build only, and report a failure
 * (exit code, last lines of stderr) as a figure. Then, once:
 *   - cold start: `validate` and `build --no-handbook --force` of a one-role project, interleaved
 *   - pandoc (Markdown → .docx) + LibreOffice (.docx → PDF) per document, and with one soffice for
 *     the whole batch, against `roledoc build --no-handbook --force` of the same roles, interleaved
 *
 * Peak RSS is the whole process, worker threads included (getrusage maxRSS, reported by a module
 * loaded with --import). Every figure is a median of its runs, with the machine's 1-minute load
 * average when they started.
 *
 *   BENCH_SIZES=1,100,1000   project sizes (default); BENCH_SIZES=1,100 BENCH_10K=0 is the quick mode
 *   BENCH_10K=0              do not build 10,000 roles (default: built, after the other sizes; about
 *                            four minutes and 2.5 GB here; full build only)
 *   BENCH_REPEAT=3           runs per figure at most (rounds, for the interleaved comparisons) …
 *   BENCH_BUDGET=60          … and no further run once a figure's runs would pass this many seconds
 *                            (3× that for the Typst pairs, 2× for pandoc + LibreOffice)
 *   BENCH_TYPST_SIZES=…      sizes to compare with Typst (default: the sizes up to 1,000; 0: none)
 *   BENCH_PANDOC_ROLES=20    roles for pandoc + LibreOffice (0: skip)
 *   BENCH_COLD_RUNS=7        runs of each cold-start command
 *   BENCH_PROFILE=0          no profiles (default: at 1,000 roles, one more full build and one more
 *                            PDF-only --jobs 1 build under --cpu-prof, CPU time by area: lib/profile.ts)
 *   BENCH_KEEP=1             keep the generated projects (their folders are printed)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { extractText } from 'unpdf';
import { parse } from 'yaml';
import { directoryOf, roleForm } from './peers/role-form.js';
import { roleMarkdown } from './peers/role-markdown.js';
import { createProject, editOneSentence, type Project } from './lib/project.js';
import { summarizeProfiles, type ProfileSummary } from './lib/profile.js';
import { available, failure, PEAK_PROBE, run, runNode, type Run } from './lib/run.js';
import { figure, interleave, median, pairRatios, repeat, type Figure } from './lib/stats.js';

// ---- settings -----------------------------------------------------------------------------------

/** The repository: the nearest folder up from this file (compiled or not) that holds roledoc's package.json. */
function findRepo(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bin', 'roledoc.js'))) return dir;
  }
  throw new Error('bench: cannot find the roledoc repository above this script');
}
const REPO = findRepo(import.meta.dirname);
const BIN = path.join(REPO, 'bin', 'roledoc.js');
const TYPST_SCRIPT = path.join(import.meta.dirname, 'peers', 'typst-render.js');

const env = process.env;
const numbers = (value: string | undefined, fallback: readonly number[]): number[] =>
  value === undefined || value.trim() === '' ? [...fallback] : value.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0);
const count = (value: string | undefined, fallback: number): number => numbers(value, [fallback])[0] ?? fallback;

const LARGE = 1000;
const sizes = [...new Set([...numbers(env['BENCH_SIZES'], [1, 100, 1000]), ...(env['BENCH_10K'] === '0' ? [] : [10_000])])].filter((n) => n > 0).sort((a, b) => a - b);
const REPEAT = Math.max(1, count(env['BENCH_REPEAT'], 3));
const BUDGET = count(env['BENCH_BUDGET'], 60);
const typstSizes = new Set(numbers(env['BENCH_TYPST_SIZES'], sizes.filter((n) => n <= LARGE)).filter((n) => n > 0));
const PANDOC_ROLES = count(env['BENCH_PANDOC_ROLES'], 20);
const COLD_RUNS = Math.max(1, count(env['BENCH_COLD_RUNS'], 7));
const KEEP = env['BENCH_KEEP'] === '1';
const PROFILE = env['BENCH_PROFILE'] !== '0';

/** roledoc's processes: plain output, the peak-memory probe loaded. */
const ROLEDOC_ENV: NodeJS.ProcessEnv = { ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
const roledoc = (project: Project | string, args: readonly string[]): Promise<Run> =>
  runNode(BIN, args, { cwd: typeof project === 'string' ? project : project.dir, env: ROLEDOC_ENV });

// ---- formatting ---------------------------------------------------------------------------------

const grouped = (n: number): string => n.toLocaleString('en-US');
const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const secs = (value: number): string => (!Number.isFinite(value) ? '—' : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3));
const mb = (value: number | undefined): string => (value === undefined ? '—' : grouped(Math.round(value)));
const loads = (values: readonly number[]): string => {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return `load ${lo.toFixed(1)}${hi - lo >= 0.05 ? `–${hi.toFixed(1)}` : ''}`;
};
const spread = (f: Figure): string => (f.runs > 1 && Number.isFinite(f.min) ? ` [${secs(f.min)}–${secs(f.max)}]` : '');
const LABEL = 50;
/** A factor: two decimals near 1 (where 0.96 must not read as 1.0), one above. */
const times = (value: number): string => `${fixed(value, value < 1.2 ? 2 : 1)}×`;
const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** One figure's line: median wall time [min–max], runs, peak RSS, load — or its failure. */
function show(f: Figure, extra = ''): void {
  const peak = f.peakMb === undefined ? '' : `, peak ${f.peakSampled ? '≥ ' : ''}${mb(f.peakMb)} MB`;
  const head = `  ${f.label.padEnd(LABEL)} ${`${secs(f.seconds)} s`.padStart(9)}${spread(f)} (n=${f.runs}${peak}; ${loads(f.loads)})${extra}`;
  line(f.failed ? `  ${f.label.padEnd(LABEL)} FAILED${peak === '' ? '' : ` (${peak.slice(2)})`}: ${f.failed}` : head);
}

// ---- the runs -----------------------------------------------------------------------------------

interface SizeResult {
  readonly roles: number;
  readonly validate?: Figure;
  readonly full?: Figure;
  readonly noop?: Figure;
  readonly edit?: Figure;
  readonly docx?: Figure;
  readonly pdf?: Figure;
  readonly typst?: TypstResult;
  readonly profile?: { readonly full: ProfileResult; readonly pdf: ProfileResult };
  readonly error?: string;
}

interface ProfileResult {
  readonly run: Figure;
  readonly summary?: ProfileSummary;
}

interface TypstResult {
  readonly roles: number;
  readonly roledoc: Figure;
  readonly typst: Figure;
  /** Typst ÷ roledoc wall time per pair: above 1, roledoc is faster. */
  readonly ratios: readonly number[];
  readonly ratio: number;
  /** Typst's own time per document inside its loop (start-up left out), median over runs. */
  readonly typstLoopMs: number;
  readonly check?: { readonly id: string; readonly roledoc: PdfSummary; readonly typst: PdfSummary };
}

interface PdfSummary {
  readonly pages: number;
  readonly characters: number;
  readonly bytes: number;
}

async function pdfSummary(file: string): Promise<PdfSummary> {
  const bytes = readFileSync(file);
  const { totalPages, text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return { pages: totalPages, characters: [...text.replace(/\s+/g, '')].length, bytes: bytes.length };
}

const perDocMs = (f: Figure, documents: number): number => (f.seconds * 1000) / documents;

async function validated(project: Project): Promise<Figure> {
  const f = figure('validate (before timing)', [await roledoc(project, ['validate'])]);
  return f;
}

async function compareTypst(project: Project): Promise<TypstResult> {
  const n = project.roles;
  const typstOut = path.join(project.dir, 'typst-out');
  const [a = [], b = []] = await interleave(REPEAT, 3 * BUDGET, [
    () => roledoc(project, ['build', '--only', 'roles', '--format', 'pdf', '--force', '--jobs', '1']),
    () => {
      rmSync(typstOut, { recursive: true, force: true });
      return runNode(TYPST_SCRIPT, [path.join(project.dir, 'roles'), typstOut]);
    },
  ]);
  const ratios = pairRatios(b, a);
  const loops = b.filter((r) => r.ok).map((r) => (JSON.parse(r.stdout) as { seconds: number }).seconds);
  const id = project.ids[0] ?? '';
  const ours = path.join(project.dir, 'out', `${id}.pdf`);
  const theirs = path.join(typstOut, `${id}.pdf`);
  const check = existsSync(ours) && existsSync(theirs) ? { id, roledoc: await pdfSummary(ours), typst: await pdfSummary(theirs) } : undefined;
  return {
    roles: n,
    roledoc: figure(`roledoc PDF only, --jobs 1`, a),
    typst: figure(`Typst 0.7.0 in Node, one process`, b),
    ratios,
    ratio: median(ratios),
    typstLoopMs: (median(loops) * 1000) / n,
    ...(check ? { check } : {}),
  };
}

/**
 * One more run of a command under V8's sampling profiler: where its CPU time goes, by area of the
 * code (lib/profile.ts), every thread together. The profiler costs time of its own (~10%): this
 * run's wall time is not one of the figures above.
 */
async function profiled(project: Project, args: readonly string[], what: string): Promise<ProfileResult> {
  const dir = path.join(project.dir, 'cpu-profile');
  rmSync(dir, { recursive: true, force: true });
  const r = await run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', PEAK_PROBE, BIN, ...args], { cwd: project.dir, env: ROLEDOC_ENV });
  const result = figure(`${what} under the CPU profiler`, [r]);
  if (result.failed) {
    show(result);
    return { run: result };
  }
  const summary = summarizeProfiles(dir);
  const busy = summary.threads.reduce((sum, thread) => sum + thread.busyMs, 0);
  line(`  where the time goes: ${what} (\`${args.join(' ')}\` under --cpu-prof, ${secs(result.seconds)} s wall), CPU seconds by area:`);
  line(`    ${summary.threads.map((t) => `${t.thread === 0 ? 'main thread' : `thread ${t.thread}`} ${fixed(t.busyMs / 1000, 1)} s (GC ${fixed(t.gcMs / 1000, 1)})`).join(', ')}; ${fixed(busy / 1000, 1)} CPU s in all`);
  for (const { area, ms } of summary.areas.filter((entry) => entry.ms >= busy / 200)) {
    line(`    ${area.padEnd(LABEL + 4)} ${fixed(ms / 1000, 1).padStart(6)} s ${`${fixed((100 * ms) / busy, 0)}%`.padStart(5)}`);
  }
  return { run: result, summary };
}

async function measureSize(roles: number): Promise<SizeResult> {
  line(`\n${grouped(roles)} role${roles === 1 ? '' : 's'} (copies of 客服部经理):`);
  const project = createProject(REPO, roles);
  if (KEEP) line(`  project: ${project.dir}`);
  try {
    const validate = await validated(project);
    show(validate);
    if (validate.failed) return { roles, validate, error: `the generated project does not validate: ${validate.failed}` };

    const full = figure('full build: build --force (+ handbook)', await repeat(roles > LARGE ? 1 : REPEAT, BUDGET, () => roledoc(project, ['build', '--force'])));
    show(full, `, ${fixed(roles / full.seconds, 1)} roles/s`);
    if (roles > LARGE || full.failed) return { roles, validate, full };

    const noop = figure('no-op rebuild: build', await repeat(Math.max(REPEAT, 3), BUDGET, () => roledoc(project, ['build'])));
    show(noop, `: “${noop.said}”`);
    const edit = figure(
      'one sentence of one role edited: build',
      await repeat(REPEAT, BUDGET, () => {
        editOneSentence(project);
        return roledoc(project, ['build']);
      }),
    );
    show(edit, `: “${edit.said}”`);
    const docx = figure('roles only, .docx: build --only roles', await repeat(REPEAT, BUDGET, () => roledoc(project, ['build', '--only', 'roles', '--format', 'docx', '--force'])));
    show(docx, `, ${fixed(perDocMs(docx, roles), 1)} ms/role`);
    const pdf = figure('roles only, PDF: build --only roles', await repeat(REPEAT, BUDGET, () => roledoc(project, ['build', '--only', 'roles', '--format', 'pdf', '--force'])));
    show(pdf, `, ${fixed(perDocMs(pdf, roles), 1)} ms/role`);

    let typst: TypstResult | undefined;
    if (typstSizes.has(roles)) {
      typst = await compareTypst(project);
      show(typst.roledoc, `, ${fixed(perDocMs(typst.roledoc, roles), 1)} ms/PDF`);
      show(typst.typst, `, ${fixed(perDocMs(typst.typst, roles), 1)} ms/PDF (${fixed(typst.typstLoopMs, 1)} inside its loop)`);
      const verdict = !Number.isFinite(typst.ratio) ? 'no pair completed' : typst.ratio >= 1 ? `roledoc is ${fixed(typst.ratio)}× faster` : `roledoc is ${fixed(1 / typst.ratio)}× slower`;
      line(`  ${'Typst ÷ roledoc, per pair'.padEnd(LABEL)} ${fixed(typst.ratio)}× [${typst.ratios.map((r) => fixed(r)).join(', ')}]: ${verdict}`);
      if (typst.check) {
        const { roledoc: o, typst: t } = typst.check;
        line(
          `  ${`same document (${typst.check.id}.pdf)`.padEnd(LABEL)} roledoc ${o.pages} pages, ${grouped(o.characters)} characters, ${grouped(Math.round(o.bytes / 1024))} KB; Typst ${t.pages} pages, ${grouped(t.characters)} characters, ${grouped(Math.round(t.bytes / 1024))} KB`,
        );
      }
    }
    const profile =
      roles === LARGE && PROFILE
        ? {
            full: await profiled(project, ['build', '--force'], 'the full build'),
            pdf: await profiled(project, ['build', '--only', 'roles', '--format', 'pdf', '--force', '--jobs', '1'], 'role PDFs on one thread (as against Typst)'),
          }
        : undefined;
    return { roles, validate, full, noop, edit, docx, pdf, ...(typst ? { typst } : {}), ...(profile ? { profile } : {}) };
  } finally {
    if (!KEEP) rmSync(project.dir, { recursive: true, force: true });
  }
}

interface ColdResult {
  readonly validate: Figure;
  readonly build: Figure;
}

async function coldStart(): Promise<ColdResult | { error: string }> {
  line('\ncold start, a one-role project:');
  const project = createProject(REPO, 1, 'cold');
  try {
    const [v = [], b = []] = await interleave(COLD_RUNS, Number.POSITIVE_INFINITY, [
      () => roledoc(project, ['validate']),
      () => roledoc(project, ['build', '--no-handbook', '--force']),
    ]);
    const result = { validate: figure('validate', v), build: figure('build --no-handbook --force (.docx + .pdf)', b) };
    show(result.validate);
    show(result.build);
    return result;
  } finally {
    if (!KEEP) rmSync(project.dir, { recursive: true, force: true });
  }
}

interface PandocResult {
  readonly roles: number;
  readonly roledoc: Figure;
  readonly perDocument: Figure;
  readonly batch: Figure;
  /** Per pair: the route's time ÷ roledoc's, for the same roles (above 1, roledoc is faster). */
  readonly perDocumentRatios: readonly number[];
  readonly batchRatios: readonly number[];
  readonly perDocumentRatio: number;
  readonly batchRatio: number;
  readonly versions: { readonly pandoc: string; readonly soffice: string };
}

/** Several processes one after the other as one run: their times added, the first failure kept. */
async function sequence(steps: readonly (() => Promise<Run>)[], check: () => string | undefined): Promise<Run> {
  const runs: Run[] = [];
  for (const step of steps) {
    const r = await step();
    runs.push(r);
    if (!r.ok) break;
  }
  const bad = runs.find((r) => !r.ok);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const first = runs[0];
  const problem = bad ? undefined : check();
  return {
    ok: bad === undefined && problem === undefined,
    seconds,
    // Not measured: pandoc and soffice are not Node processes (no probe), and soffice runs its
    // work in a child process of its own.
    peakMb: undefined,
    peakExact: false,
    exitCode: bad ? bad.exitCode : problem ? 1 : 0,
    signal: bad ? bad.signal : null,
    load: first?.load ?? loadavg()[0] ?? 0,
    stdout: '',
    stderrTail: bad ? bad.stderrTail : problem ? [problem] : [],
  };
}

function firstLine(command: string): string {
  try {
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]?.trim() ?? '';
  } catch {
    return '';
  }
}

async function pandocLibreOffice(): Promise<PandocResult | { skipped: string }> {
  line(`\npandoc (Markdown → .docx) + LibreOffice (.docx → PDF), ${PANDOC_ROLES} roles:`);
  const missing = [(await available('pandoc')) ? '' : 'pandoc', (await available('soffice')) ? '' : 'soffice (LibreOffice)'].filter((s) => s !== '');
  if (missing.length > 0) {
    const skipped = `skipped: ${missing.join(' and ')} not installed`;
    line(`  ${skipped}`);
    return { skipped };
  }
  const project = createProject(REPO, PANDOC_ROLES, 'pandoc');
  try {
    const validate = await validated(project);
    if (validate.failed) return { skipped: `the generated project does not validate: ${validate.failed}` };
    // The Markdown, made before any timing.
    const md = path.join(project.dir, 'md');
    mkdirSync(md);
    const files = readdirSync(path.join(project.dir, 'roles', '客服部')).sort();
    const roles = files.map((name) => parse(readFileSync(path.join(project.dir, 'roles', '客服部', name), 'utf8')) as Record<string, unknown>);
    const directory = directoryOf(roles);
    const stems = roles.map((role) => String(role['id']));
    roles.forEach((role, i) => writeFileSync(path.join(md, `${stems[i]}.md`), roleMarkdown(roleForm(role, directory))));
    // LibreOffice with a profile of its own, so a soffice other programs run cannot take the job
    // over (it would return at once); made by one conversion that is not timed.
    const profile = `-env:UserInstallation=file://${path.join(project.dir, 'lo-profile')}`;
    const docxDir = path.join(project.dir, 'pandoc-docx');
    const pdfDir = path.join(project.dir, 'lo-pdf');
    const fresh = (): void => {
      for (const dir of [docxDir, pdfDir]) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
      }
    };
    const pandoc = (stem: string) => () => run('pandoc', [path.join(md, `${stem}.md`), '-o', path.join(docxDir, `${stem}.docx`)]);
    const soffice = (inputs: readonly string[]) => () => run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...inputs]);
    const produced = (): string | undefined => {
      const pdfs = readdirSync(pdfDir).filter((name) => name.endsWith('.pdf')).length;
      return pdfs === stems.length ? undefined : `LibreOffice wrote ${pdfs} of ${stems.length} PDFs`;
    };
    fresh();
    const warm = await sequence([pandoc(stems[0] ?? ''), soffice([path.join(docxDir, `${stems[0] ?? ''}.docx`)])], () => undefined);
    if (!warm.ok) {
      const skipped = `skipped: pandoc + LibreOffice failed on one role (${failure(warm)})`;
      line(`  ${skipped}`);
      return { skipped };
    }
    const [a = [], b = [], c = []] = await interleave(REPEAT, 2 * BUDGET, [
      () => roledoc(project, ['build', '--no-handbook', '--force']),
      () => {
        fresh();
        return sequence(
          stems.flatMap((stem) => [pandoc(stem), soffice([path.join(docxDir, `${stem}.docx`)])]),
          produced,
        );
      },
      () => {
        fresh();
        return sequence([...stems.map((stem) => pandoc(stem)), soffice(stems.map((stem) => path.join(docxDir, `${stem}.docx`)))], produced);
      },
    ]);
    const perDocumentRatios = pairRatios(b, a);
    const batchRatios = pairRatios(c, a);
    const result: PandocResult = {
      roles: PANDOC_ROLES,
      roledoc: figure('roledoc build --no-handbook --force', a),
      perDocument: figure('pandoc + one soffice per document', b),
      batch: figure('pandoc per document + one soffice for all', c),
      perDocumentRatios,
      batchRatios,
      perDocumentRatio: median(perDocumentRatios),
      batchRatio: median(batchRatios),
      versions: { pandoc: firstLine('pandoc'), soffice: firstLine('soffice') },
    };
    line(`  ${result.versions.pandoc}; ${result.versions.soffice}`);
    const perRole = (f: Figure): string => `, ${fixed(perDocMs(f, PANDOC_ROLES), 0)} ms/role (.docx + PDF)`;
    show(result.roledoc, perRole(result.roledoc));
    show(result.perDocument, perRole(result.perDocument));
    show(result.batch, perRole(result.batch));
    line(`  ${'per document ÷ roledoc, per pair'.padEnd(LABEL)} ${fixed(result.perDocumentRatio, 1)}× [${perDocumentRatios.map((r) => fixed(r, 1)).join(', ')}]`);
    line(`  ${'one soffice for all ÷ roledoc, per pair'.padEnd(LABEL)} ${fixed(result.batchRatio, 1)}× [${batchRatios.map((r) => fixed(r, 1)).join(', ')}]`);
    return result;
  } finally {
    if (!KEEP) rmSync(project.dir, { recursive: true, force: true });
  }
}

// ---- targets ------------------------------------------------------------------------------------

interface Target {
  readonly figure: string;
  readonly measured: string;
  readonly target: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
  /** measured ÷ target (for a "≤" target, above 1 is over; for a "≥" target, below 1 is short). */
  readonly ratio: number | undefined;
  readonly note: string;
}

function atMost(name: string, value: number | undefined, limit: number, unit: string, format: (n: number) => string, note = ''): Target {
  if (value === undefined || !Number.isFinite(value)) return { figure: name, measured: 'not run', target: `≤ ${format(limit)} ${unit}`, met: undefined, ratio: undefined, note };
  const ratio = value / limit;
  return {
    figure: name,
    measured: `${format(value)} ${unit}`,
    target: `≤ ${format(limit)} ${unit}`,
    met: value <= limit,
    ratio,
    note: note || (ratio > 1 ? `${times(ratio)} over` : `${times(1 / ratio)} under`),
  };
}

function atLeast(name: string, value: number | undefined, limit: number, note = ''): Target {
  if (value === undefined || !Number.isFinite(value)) return { figure: name, measured: 'not run', target: `≥ ${limit}×`, met: undefined, ratio: undefined, note };
  const ratio = value / limit;
  return {
    figure: name,
    measured: `${fixed(value, value >= 10 ? 1 : 2)}×`,
    target: `≥ ${limit}×`,
    met: value >= limit,
    ratio,
    note: note || (ratio >= 1 ? `${times(ratio)} the target` : `${times(1 / ratio)} short`),
  };
}

function targets(results: readonly SizeResult[], cold: ColdResult | { error: string } | undefined, pandoc: PandocResult | { skipped: string } | undefined): Target[] {
  const at = (n: number): SizeResult | undefined => results.find((r) => r.roles === n);
  const thousand = at(1000);
  const tenK = at(10_000);
  const failedNote = (f: Figure | undefined): string =>
    f?.failed ? `FAILED: ${(f.failed.split('\n')[0] ?? '').replace(/; last lines of stderr:$/, '')}${f.peakMb === undefined ? '' : `, peak ${f.peakSampled ? '≥ ' : ''}${mb(f.peakMb)} MB`}` : '';
  const seconds = (f: Figure | undefined): number | undefined => (f && !f.failed ? f.seconds : undefined);
  const out: Target[] = [
    atMost('1,000 roles: full build wall', seconds(thousand?.full), 15, 's', (n) => fixed(n, 1), failedNote(thousand?.full)),
    atMost('1,000 roles: full build peak RSS', thousand?.full?.peakMb, 400, 'MB', (n) => grouped(Math.round(n))),
    atMost(
      '1,000 roles: one role edited, build (handbook on)',
      seconds(thousand?.edit),
      3,
      's',
      (n) => fixed(n, 2),
      thousand?.edit && !thousand.edit.failed ? `${times(thousand.edit.seconds / 3)} ${thousand.edit.seconds > 3 ? 'over' : 'of it'}; peak ${mb(thousand.edit.peakMb)} MB` : failedNote(thousand?.edit),
    ),
    atMost('1,000 roles: no-op rebuild', seconds(thousand?.noop), 1, 's', (n) => fixed(n, 2), failedNote(thousand?.noop)),
  ];
  if (tenK?.full?.failed) {
    out.push({ figure: '10,000 roles: full build completes', measured: 'failed', target: 'completes', met: false, ratio: undefined, note: failedNote(tenK.full) });
  } else {
    out.push(atMost('10,000 roles: full build peak RSS', tenK?.full?.peakMb, 1024, 'MB', (n) => grouped(Math.round(n)), tenK?.full ? `completes in ${secs(tenK.full.seconds)} s` : 'not run: BENCH_10K=0'));
  }
  for (const n of [100, 1000]) {
    const t = at(n)?.typst;
    out.push(atLeast(`${grouped(n)} PDFs: Typst ÷ roledoc time per PDF (--jobs 1)`, t?.ratio, 2, t ? `roledoc ${fixed(perDocMs(t.roledoc, n), 1)} vs Typst ${fixed(perDocMs(t.typst, n), 1)} ms/PDF; ${t.ratio >= 2 ? 'met' : `${times(2 / t.ratio)} short`}` : ''));
  }
  const c = cold && 'validate' in cold ? cold : undefined;
  out.push(atMost('cold start: validate, one role', seconds(c?.validate), 0.25, 's', (n) => fixed(n, 3), failedNote(c?.validate)));
  out.push(atMost('cold start: build, one role (no handbook)', seconds(c?.build), 0.7, 's', (n) => fixed(n, 3), failedNote(c?.build)));
  const p = pandoc && 'perDocument' in pandoc ? pandoc : undefined;
  out.push(
    atLeast(
      `pandoc + LibreOffice per document ÷ roledoc (${PANDOC_ROLES} roles)`,
      p?.perDocumentRatio,
      50,
      p ? `${fixed(perDocMs(p.perDocument, p.roles), 0)} vs roledoc ${fixed(perDocMs(p.roledoc, p.roles), 0)} ms/role; one soffice for all: ${times(p.batchRatio)}` : pandoc && 'skipped' in pandoc ? pandoc.skipped : '',
    ),
  );
  return out;
}

function printTargets(list: readonly Target[]): void {
  line('\nTargets (issue 15), from this run; ratio = measured ÷ target:');
  const widths = [52, 14, 11, 5, 7];
  const row = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  line(row(['figure', 'measured', 'target', 'met', 'ratio']) + '  note');
  line('-'.repeat(100));
  for (const t of list) {
    line(row([t.figure, t.measured, t.target, t.met === undefined ? '—' : t.met ? 'yes' : 'NO', t.ratio === undefined ? '—' : fixed(t.ratio)]) + `  ${t.note}`);
  }
}

function printSizeTable(results: readonly SizeResult[]): void {
  line('\nBy size (default threads; medians; s = wall seconds, whole processes):');
  const header = ['roles', 'full (s)', 'roles/s', 'peak MB', 'no-op (s)', 'edit (s)', 'edit MB', 'docx ms/role', 'pdf ms/role', 'load'];
  line(header.map((h) => h.padStart(13)).join(''));
  for (const r of results) {
    const f = r.full;
    const cells = [
      grouped(r.roles),
      f?.failed ? 'FAILED' : f ? secs(f.seconds) : '—',
      f && !f.failed ? fixed(r.roles / f.seconds, 1) : '—',
      `${f?.peakSampled ? '≥' : ''}${mb(f?.peakMb)}`,
      r.noop ? secs(r.noop.seconds) : '—',
      r.edit ? secs(r.edit.seconds) : '—',
      mb(r.edit?.peakMb),
      r.docx ? fixed(perDocMs(r.docx, r.roles), 1) : '—',
      r.pdf ? fixed(perDocMs(r.pdf, r.roles), 1) : '—',
      loads([...(f?.loads ?? []), ...(r.pdf?.loads ?? [])]).replace('load ', ''),
    ];
    line(cells.map((c) => c.padStart(13)).join(''));
  }
}

// ---- main ---------------------------------------------------------------------------------------

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'templates'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? ' + uncommitted changes in src/ or templates/' : ''}`;
  } catch {
    return 'unknown';
  }
}

const started = new Date();
const loadAtStart = loadavg();
line(`roledoc benchmark — ${started.toISOString()}, commit ${commit()}`);
line(`Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${fixed(totalmem() / 2 ** 30, 0)} GiB; roledoc's default render threads: one per CPU, at most 4`);
line(`load average at start: ${loadAtStart.map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
line(`sizes ${sizes.map(grouped).join(', ')}; Typst at ${[...typstSizes].map(grouped).join(', ') || 'none'}; up to ${REPEAT} runs per figure within ${BUDGET} s; whole processes, start-up included`);

const results: SizeResult[] = [];
let cold: ColdResult | { error: string } | undefined;
let pandoc: PandocResult | { skipped: string } | undefined;
const guard = async <T>(what: string, work: () => Promise<T>, fallback: (error: string) => T): Promise<T> => {
  try {
    return await work();
  } catch (error: unknown) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    line(`  ${what} could not be measured: ${message}`);
    return fallback(message);
  }
};

cold = await guard('cold start', coldStart, (error) => ({ error }));
for (const roles of sizes) results.push(await guard(`${roles} roles`, () => measureSize(roles), (error) => ({ roles, error })));
pandoc = PANDOC_ROLES > 0 ? await guard('pandoc + LibreOffice', pandocLibreOffice, (error) => ({ skipped: error })) : { skipped: 'skipped: BENCH_PANDOC_ROLES=0' };

printSizeTable(results);
const list = targets(results, cold, pandoc);
printTargets(list);
const loadAtEnd = loadavg();
const minutes = (Date.now() - started.getTime()) / 60_000;
line(`\nload average at end: ${loadAtEnd.map((n) => n.toFixed(2)).join(' / ')}; the benchmark took ${fixed(minutes, 1)} min`);

mkdirSync(path.join(REPO, 'out'), { recursive: true });
const json = {
  date: started.toISOString(),
  commit: commit(),
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAtStart,
  loadAtEnd,
  settings: { sizes, repeat: REPEAT, budgetSeconds: BUDGET, typstSizes: [...typstSizes], pandocRoles: PANDOC_ROLES, coldRuns: COLD_RUNS },
  data: 'copies of roles/客服部/cs-manager.yaml with their own ids and titles, one department, the repository config (docx + pdf + handbook)',
  sizes: results,
  coldStart: cold,
  pandocLibreOffice: pandoc,
  targets: list,
};
writeFileSync(path.join(REPO, 'out', 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
line('figures written to out/bench.json');
