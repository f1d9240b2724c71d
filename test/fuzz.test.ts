/**
 * Property: whatever bytes a role file holds — the seed roles with lines deleted, duplicated,
 * swapped, values retyped, bytes corrupted — roledoc answers with diagnostics or with documents,
 * never with an exception. `npm test` runs a small budget; `npm run fuzz` runs FUZZ_RUNS (10,000).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { composeRole } from '../src/compose/compose-role.js';
import { localeFor } from '../src/locale/builtin.js';
import { checkRoles } from '../src/pipeline/check-roles.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { bundledFonts } from './helpers/fonts.js';
import { loadBuiltinTemplate, REPO, resolveOne } from './helpers/seed.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const seedDir = path.join(REPO, 'roles', '客服部');
const seedNames = readdirSync(seedDir).sort();
const seeds = seedNames.map((name) => readFileSync(path.join(seedDir, name), 'utf8'));
const fonts = bundledFonts();
const template = loadBuiltinTemplate();
const createdAt = new Date('2024-01-01T00:00:00Z');

const scalars = ['', '0', '-1', '1e400', '4人', 'null', '~', 'true', '[]', '{}', '[a, [b, {c: d}]]', '"\\x07\\uD800"', '*alias', '&anchor x', '"unterminated', '：', '\u3000', '2014-13', '../../x', 'Ab_C', '😀𠮷', 'a'.repeat(300)];

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (lines) => lines.filter((_, i) => i !== n % Math.max(1, lines.length))),
  fc.nat().map((n): Mutation => (lines) => lines.flatMap((line, i) => (i === n % Math.max(1, lines.length) ? [line, line] : [line]))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (lines) => {
    const copy = [...lines];
    const i = a % Math.max(1, copy.length);
    const j = b % Math.max(1, copy.length);
    [copy[i], copy[j]] = [copy[j] ?? '', copy[i] ?? ''];
    return copy;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...scalars)).map(([n, value]): Mutation => (lines) =>
    lines.map((line, i) => (i === n % Math.max(1, lines.length) ? line.replace(/:( .*)?$/, `: ${value}`) : line)),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 8 })).map(([n, spaces]): Mutation => (lines) =>
    lines.map((line, i) => (i === n % Math.max(1, lines.length) ? ' '.repeat(spaces) + line.trimStart() : line)),
  ),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([n, junk]): Mutation => (lines) =>
    lines.map((line, i) => (i === n % Math.max(1, lines.length) ? line.slice(0, junk.length) + junk + line.slice(junk.length) : line)),
  ),
);

/** Retyping whole nodes through the parsed data: a list becomes a map, a string a number, a key vanishes. */
const retype = fc.tuple(fc.nat(), fc.anything({ maxDepth: 2 })).map(([n, value]) => (text: string): string => {
  const data: unknown = parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return text;
  const keys = Object.keys(data);
  const key = keys[n % keys.length] ?? 'id';
  return stringify({ ...data, [key]: value === undefined ? null : value });
});

const corruptBytes = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 });

// Most cases get one light change, so a good share still validates and goes on to be rendered.
const roleFile = fc.record({
  seed: fc.nat(),
  mutations: fc.oneof({ arbitrary: fc.array(mutation, { maxLength: 1 }), weight: 3 }, { arbitrary: fc.array(mutation, { maxLength: 4 }), weight: 1 }),
  retype: fc.option(retype, { freq: 4 }),
  bytes: fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, { arbitrary: corruptBytes, weight: 1 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

let rendered = 0;

describe('fuzzing load → validate → build', () => {
  it('never throws: every mutated role file gives diagnostics or documents', async () => {
    await fc.assert(
      fc.asyncProperty(roleFile, async (c) => {
        const chosen = c.seed % seeds.length;
        let text = seeds[chosen] ?? '';
        if (c.retype) text = c.retype(text);
        text = c.mutations.reduce((lines, m) => m(lines), text.split('\n')).join(c.crlf ? '\r\n' : '\n');
        const bytes = new TextEncoder().encode((c.bom ? '\ufeff' : '') + text);
        for (const [at, value] of c.bytes) if (bytes.length > 0) bytes[at % bytes.length] = value;

        // The mutated file sits beside the other seed roles, as in a real project: the roles it links
        // to (reports_to: cs-manager) exist, so a file that is still valid goes on to be rendered.
        const others = seedNames.flatMap((name, index) =>
          index === chosen ? [] : [{ path: `roles/${name}`, bytes: new TextEncoder().encode(seeds[index] ?? '') }],
        );
        const checked = checkRoles([{ path: 'roles/x.yaml', bytes }, ...others], 'zh-CN');
        const errors = checked.diagnostics.filter((d) => d.severity === 'error');
        const mine = checked.roles.filter((entry) => entry.file === 'roles/x.yaml');
        for (const d of checked.diagnostics) {
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (errors.length > 0) {
          // A file with an error of its own yields no role; cross-file rules (a role reporting to
          // itself, KPI sums) report without withholding the role. Either way, the build stops here.
          if (errors.some((d) => d.file === 'roles/x.yaml' && !/^(link|role|kpi)\./.test(d.code))) expect(mine).toHaveLength(0);
          return;
        }
        const role = mine[0]?.role;
        if (!role) throw new Error('no error and no role');
        const layout = composeRole(resolveOne(role, checked.roles.map((entry) => entry.role)), { template, locale: localeFor('zh-CN'), organization: '' });
        expect((await renderDocx(layout, { createdAt })).byteLength).toBeGreaterThan(0);
        expect((await renderPdf(layout, { fonts, createdAt })).byteLength).toBeGreaterThan(0);
        rendered++;
      }),
      // `npm test` runs the same 60 cases every time, so CI is never red by the luck of a draw;
      // `npm run fuzz` draws new ones each run (FUZZ_SEED replays one).
      { numRuns: RUNS, ...(process.env['FUZZ_SEED'] !== undefined ? { seed: Number(process.env['FUZZ_SEED']) } : process.env['FUZZ_RUNS'] === undefined ? { seed: 20261127 } : {}) },
    );
    // The property is only worth something if valid files get through to the renderers too.
    expect(rendered).toBeGreaterThan(RUNS / 20);
  }, 3_600_000);
});
