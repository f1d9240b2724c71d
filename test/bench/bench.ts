/**
 * `npm run bench`: how fast roledoc is, as a user meets it — whole `roledoc` processes on synthetic
 * organisations of N roles (sentences drawn from the seed roles: 12 responsibilities, 6 duties × 4
 * tasks, qualifications, KPIs; 40 departments at most, each a reporting tree). Prints a table and
 * writes the figures to out/bench.json. Where LibreOffice (and pandoc) are installed, times them on
 * the same documents and prints the ratios.
 *
 *   BENCH_SIZES=1,100,1000   the organisation sizes (default)
 *   BENCH_REPEAT=3           runs per figure for sizes up to 100 (medians); larger sizes run once
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** The repository: the nearest folder up from this file (compiled or not) that holds roledoc's package.json. */
function findRepo(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bin', 'roledoc.js'))) return dir;
  }
  throw new Error('bench: cannot find the roledoc repository above this script');
}
const REPO = findRepo(import.meta.dirname);
const BIN = path.join(REPO, 'bin', 'roledoc.js');
/** Loaded into every roledoc process: reports its peak resident memory (all threads) on exit. */
const PEAK_PROBE = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nPEAK_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
}

function roledoc(args: readonly string[], cwd: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', PEAK_PROBE, BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`roledoc ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const peak = Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0);
  return { seconds, peakMb: peak / 1024 };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function repeat(times: number, run: () => Run): Run {
  const runs = Array.from({ length: times }, run);
  return { seconds: median(runs.map((r) => r.seconds)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
}

// ---- synthetic organisations --------------------------------------------------------------------

/** Every sentence of the seed roles, to draw realistic text from. */
function seedSentences(): string[] {
  const dir = path.join(REPO, 'roles', '客服部');
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string' && node.length >= 12) out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  for (const name of readdirSync(dir)) walk(parse(readFileSync(path.join(dir, name), 'utf8')));
  return out;
}

function generate(dir: string, count: number): void {
  const sentences = seedSentences();
  let cursor = 0;
  const next = (): string => sentences[cursor++ % sentences.length] ?? '负责部门日常工作。';
  const departments = Math.max(1, Math.min(40, Math.ceil(count / 25)));
  writeFileSync(path.join(dir, 'roledoc.config.yaml'), 'title: 基准测试岗位说明书\norganization: 示例集团\n');
  for (let i = 0; i < count; i++) {
    const department = i % departments;
    const index = Math.floor(i / departments);
    const id = `d${department}-r${index}`;
    const role = {
      id,
      title: `岗位${department}-${index}`,
      code: `D${department}-${String(index).padStart(3, '0')}`,
      department: `部门${department}`,
      headcount: 1 + (i % 9),
      // A tree three wide under each role: r0 ← r1, r2, r3; r1 ← r4, r5, r6; …
      ...(index === 0 ? {} : { reports_to: `d${department}-r${Math.floor((index - 1) / 3)}` }),
      career_path: [id, '高级专员', '主管', '经理'],
      responsibilities: Array.from({ length: 12 }, next),
      duties: Array.from({ length: 6 }, (_, d) => ({ duty: `职责${d + 1}`, tasks: Array.from({ length: 4 }, next) })),
      qualifications: { education: '大专以上', experience: next(), personal: [next(), next()] },
      kpis: ['销售业绩完成率', '客户满意度', '投诉率', '人员流失率'],
    };
    const folder = path.join(dir, 'roles', `部门${department}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${id}.yaml`), stringify(role));
  }
}

// ---- the figures ----------------------------------------------------------------------------------

interface SizeFigures {
  readonly roles: number;
  readonly docx: Run;
  readonly pdf: Run;
  readonly handbook: Run;
  readonly all: Run;
  readonly noop: Run;
}

function measureSize(roles: number, times: number): SizeFigures {
  const dir = mkdtempSync(path.join(tmpdir(), `roledoc-bench-${roles}-`));
  generate(dir, roles);
  try {
    const docx = repeat(times, () => roledoc(['build', '--only', 'roles', '--format', 'docx', '--force'], dir));
    const pdf = repeat(times, () => roledoc(['build', '--only', 'roles', '--format', 'pdf', '--force'], dir));
    const handbook = repeat(times, () => roledoc(['build', '--only', 'handbook', '--force'], dir));
    const all = repeat(times, () => roledoc(['build', '--force'], dir));
    const noop = repeat(Math.max(times, 3), () => roledoc(['build'], dir));
    return { roles, docx, pdf, handbook, all, noop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coldStart(): { validate: number; build: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-bench-cold-'));
  generate(dir, 1);
  try {
    const validate = median(Array.from({ length: 5 }, () => roledoc(['validate'], dir).seconds));
    const build = median(Array.from({ length: 5 }, () => roledoc(['build', '--no-handbook', '--force'], dir).seconds));
    return { validate, build };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function available(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** LibreOffice (the usual way to a PDF) and pandoc (the usual way to a .docx), per document, on roledoc's own documents. */
function alternatives(documents: number): { libreoffice?: number; pandoc?: number; roledocDocx: number; roledocPdf: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledoc-bench-alt-'));
  generate(dir, documents);
  try {
    const docx = roledoc(['build', '--only', 'roles', '--format', 'docx', '--force', '--jobs', '1'], dir).seconds / documents;
    const pdf = roledoc(['build', '--only', 'roles', '--format', 'pdf', '--force', '--jobs', '1'], dir).seconds / documents;
    const files = readdirSync(path.join(dir, 'out')).filter((name) => name.endsWith('.docx')).map((name) => path.join(dir, 'out', name));
    const out: { libreoffice?: number; pandoc?: number; roledocDocx: number; roledocPdf: number } = { roledocDocx: docx, roledocPdf: pdf };
    if (available('soffice')) {
      // One soffice process per document, as a script converting one file at a time runs it.
      const started = performance.now();
      for (const file of files) spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), file], { stdio: 'ignore' });
      out.libreoffice = (performance.now() - started) / 1000 / files.length;
    }
    if (available('pandoc')) {
      const started = performance.now();
      for (const file of files) spawnSync('pandoc', [file, '-o', `${file}.pandoc.docx`], { stdio: 'ignore' });
      out.pandoc = (performance.now() - started) / 1000 / files.length;
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- report -------------------------------------------------------------------------------------

const sizes = (process.env['BENCH_SIZES'] ?? '1,100,1000').split(',').map(Number).filter((n) => n > 0);
const repeatSmall = Number(process.env['BENCH_REPEAT'] ?? 3);
const fixed = (value: number, digits = 2): string => value.toFixed(digits);
const cell = (text: string, width: number): string => text.padStart(width);

console.log(`roledoc benchmark — Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), render threads: one per CPU`);
console.log(
  `Whole roledoc processes, wall time, start-up included; ${repeatSmall > 1 ? `medians of ${repeatSmall} runs up to 100 roles, one run above` : 'one run each'}.\n`,
);

const results: SizeFigures[] = [];
const header = ['roles', 'all (s)', 'roles/s', 'docx ms/role', 'pdf ms/role', 'handbook (s)', 'no-op (s)', 'peak RSS (MB)'];
console.log(header.map((h) => cell(h, 14)).join(''));
for (const roles of sizes) {
  const figures = measureSize(roles, roles <= 100 ? repeatSmall : 1);
  results.push(figures);
  console.log(
    [
      String(roles),
      fixed(figures.all.seconds),
      fixed(roles / figures.all.seconds, 1),
      fixed((figures.docx.seconds * 1000) / roles, 1),
      fixed((figures.pdf.seconds * 1000) / roles, 1),
      fixed(figures.handbook.seconds),
      fixed(figures.noop.seconds),
      fixed(Math.max(figures.all.peakMb, figures.docx.peakMb, figures.pdf.peakMb, figures.handbook.peakMb), 0),
    ]
      .map((text) => cell(text, 14))
      .join(''),
  );
}

const cold = coldStart();
console.log(`\ncold start, one role: roledoc validate ${fixed(cold.validate)} s, roledoc build (docx + pdf) ${fixed(cold.build)} s`);

const alt = alternatives(5);
console.log('\nper document, one thread, on the same 5 roles:');
console.log(`  roledoc .docx ${fixed(alt.roledocDocx, 3)} s   roledoc .pdf ${fixed(alt.roledocPdf, 3)} s (whole processes, start-up included)`);
if (alt.libreoffice !== undefined) console.log(`  LibreOffice .docx → .pdf ${fixed(alt.libreoffice)} s: roledoc is ${fixed(alt.libreoffice / alt.roledocPdf, 0)}× faster`);
else console.log('  LibreOffice (soffice) is not installed: no comparison');
if (alt.pandoc !== undefined) console.log(`  pandoc → .docx ${fixed(alt.pandoc, 3)} s: roledoc is ${fixed(alt.pandoc / alt.roledocDocx, 1)}× faster`);
else console.log('  pandoc is not installed: no comparison');
const largest = results[results.length - 1];
if (largest && alt.libreoffice !== undefined) {
  const perDocument = largest.all.seconds / (largest.roles * 2 + 2);
  console.log(`  at ${largest.roles} roles roledoc makes a document every ${fixed(perDocument * 1000, 1)} ms: ${fixed(alt.libreoffice / perDocument, 0)}× LibreOffice's per-PDF time`);
}

mkdirSync(path.join(REPO, 'out'), { recursive: true });
const json = { node: process.version, cpus: availableParallelism(), sizes: results, coldStart: cold, alternatives: alt };
writeFileSync(path.join(REPO, 'out', 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
console.log('\nfigures written to out/bench.json');
