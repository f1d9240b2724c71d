/**
 * Logos are checked whole before they reach a PDF: every PNG header value the format allows, the
 * chunks in their order, the image data exactly as long as the header implies (Adam7 included),
 * a palette where one is needed; a JPEG's frame, scans and end. A damaged logo, or one of a kind
 * pdfkit prints wrongly, is a bad image at the template's `logo.file` line; a good logo still
 * makes a PDF poppler reads, with its colours where they belong.
 *
 * The broken images are made here, byte by byte: a PNG from zlib and a CRC, a JPEG from its
 * segments (the smallest baseline JPEG: one Huffman code per table, every block a flat grey).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkImage, type ImageCheck } from '../src/template/image-size.js';
import { build } from './helpers/project.js';
import { runCli } from './helpers/run-cli.js';
import { REPO, tempProject } from './helpers/seed.js';

const ACME_LOGO = readFileSync(path.join(REPO, 'test', 'fixtures', 'brand', 'templates', 'acme', 'logo.png'));

// ---------------------------------------------------------------- PNG, by hand

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface PngSpec {
  width?: number;
  height?: number;
  depth?: number;
  colourType?: number;
  interlace?: number;
  compression?: number;
  /** The scanlines as the PNG holds them (filter byte first); default: what the header implies, all filter 0. */
  scanlines?: Uint8Array;
  palette?: readonly number[];
  transparency?: readonly number[];
  /** Chunks to put before the image data, as [type, data]. */
  extra?: readonly (readonly [string, Uint8Array])[];
}

/** Filter byte 0 and zero bytes, for every scanline of every pass the header implies. */
function blankScanlines(width: number, height: number, bitsPerPixel: number, interlaced: boolean): Uint8Array {
  const rows: Uint8Array[] = [];
  for (const [x0, y0, dx, dy] of interlaced ? ADAM7 : [[0, 0, 1, 1] as const]) {
    const columns = Math.ceil((width - x0) / dx);
    const count = Math.ceil((height - y0) / dy);
    if (columns <= 0 || count <= 0) continue;
    for (let row = 0; row < count; row++) rows.push(new Uint8Array(1 + Math.ceil((columns * bitsPerPixel) / 8)));
  }
  return Buffer.concat(rows);
}

function png(spec: PngSpec = {}): Buffer {
  const { width = 8, height = 8, depth = 8, colourType = 2, interlace = 0, compression = 0 } = spec;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, colourType, compression, 0, interlace], 8);
  const scanlines = spec.scanlines ?? blankScanlines(width, height, (CHANNELS[colourType] ?? 3) * depth, interlace === 1);
  const palette = spec.palette ?? (colourType === 3 ? [0, 0, 0, 255, 255, 255] : undefined);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(palette ? [chunk('PLTE', Uint8Array.from(palette))] : []),
    ...(spec.transparency ? [chunk('tRNS', Uint8Array.from(spec.transparency))] : []),
    ...(spec.extra ?? []).map(([type, data]) => chunk(type, data)),
    chunk('IDAT', zlib.deflateSync(scanlines)),
    chunk('IEND', new Uint8Array()),
  ]);
}

// ---------------------------------------------------------------- JPEG, by hand

const segment = (marker: number, body: readonly number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

interface JpegSpec {
  width?: number;
  height?: number;
  precision?: number;
  components?: number;
  frameMarker?: number;
  /** The coded data of the one scan; default: the right number of flat blocks. */
  scan?: readonly number[];
  end?: boolean;
}

/** A baseline JPEG of flat grey blocks: each block is a DC difference of 0 and an end-of-block, one bit each. */
function jpeg(spec: JpegSpec = {}): Buffer {
  const { width = 16, height = 16, precision = 8, components = 1, frameMarker = 0xc0, end = true } = spec;
  const ids = Array.from({ length: components }, (_, i) => i + 1);
  const oneCode = (tableClass: number): number[] => [tableClass, 1, ...new Array<number>(15).fill(0), 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8) * components;
  const bits = blocks * 2;
  // Zero bits for the codes, one bits to pad the last byte.
  const coded = Array.from({ length: Math.ceil(bits / 8) }, (_, i) => (i === Math.ceil(bits / 8) - 1 && bits % 8 !== 0 ? 0xff >> (bits % 8) : 0));
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(frameMarker, [precision, height >> 8, height & 0xff, width >> 8, width & 0xff, components, ...ids.flatMap((id) => [id, 0x11, 0])]),
    ...segment(0xc4, oneCode(0x00)),
    ...segment(0xc4, oneCode(0x10)),
    ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0]), 0, 63, 0]),
    ...(spec.scan ?? coded),
    ...(end ? [0xff, 0xd9] : []),
  ]);
}

const unreadable: ImageCheck = { problem: 'unreadable' };

describe('a PNG logo is checked whole', () => {
  it('the hand-made images this test starts from are good', () => {
    expect(checkImage(png())).toEqual({ format: 'png', width: 8, height: 8 });
    expect(checkImage(png({ colourType: 3, depth: 1, width: 13, height: 3 }))).toEqual({ format: 'png', width: 13, height: 3 });
    expect(checkImage(png({ colourType: 6, depth: 16, interlace: 1, width: 9, height: 7 }))).toEqual({ format: 'png', width: 9, height: 7 });
    expect(checkImage(ACME_LOGO)).toEqual({ format: 'png', width: 360, height: 100 });
  });

  it.each([
    ['colour type 7', png({ colourType: 7 })],
    ['colour type 1', png({ colourType: 1 })],
    ['bit depth 3', png({ colourType: 0, depth: 3 })],
    ['an RGB image of 4 bits', png({ colourType: 2, depth: 4 })],
    ['a palette image of 16 bits', png({ colourType: 3, depth: 16 })],
    ['interlace method 2', png({ interlace: 2 })],
    ['compression method 1', png({ compression: 1 })],
  ])('a header PNG does not allow (%s) is a bad image', (_name, bytes) => {
    expect(checkImage(bytes)).toEqual(unreadable);
  });

  it('image data shorter or longer than the header implies is a bad image', () => {
    const rows = blankScanlines(8, 8, 24, false);
    expect(checkImage(png({ scanlines: rows.subarray(0, rows.length - 1) }))).toEqual(unreadable);
    expect(checkImage(png({ scanlines: rows.subarray(0, 3) }))).toEqual(unreadable);
    expect(checkImage(png({ scanlines: Buffer.concat([rows, new Uint8Array(1)]) }))).toEqual(unreadable);
    // Data laid out for a plain image under a header that says Adam7 (and the other way round).
    expect(checkImage(png({ interlace: 1, scanlines: rows }))).toEqual(unreadable);
    expect(checkImage(png({ scanlines: blankScanlines(8, 8, 24, true) }))).toEqual(unreadable);
  });

  it('a scanline with a filter type PNG does not define is a bad image', () => {
    const rows = blankScanlines(8, 8, 32, false);
    rows[(1 + 8 * 4) * 5] = 7;
    expect(checkImage(png({ colourType: 6, scanlines: rows }))).toEqual(unreadable);
  });

  it('a palette image without its palette, or a palette of the wrong size, is a bad image', () => {
    expect(checkImage(png({ colourType: 3, palette: [] }))).toEqual(unreadable);
    const withoutPalette = Buffer.concat([png({ colourType: 3 }).subarray(0, 33), png({ colourType: 3 }).subarray(33 + 12 + 6)]);
    expect(checkImage(withoutPalette)).toEqual(unreadable);
    expect(checkImage(png({ colourType: 3, palette: [1, 2, 3, 4] }))).toEqual(unreadable);
    // Three colours cannot be told apart by one bit.
    expect(checkImage(png({ colourType: 3, depth: 1, palette: [0, 0, 0, 1, 1, 1, 2, 2, 2] }))).toEqual(unreadable);
    // A grey image has no palette.
    expect(checkImage(png({ colourType: 0, palette: [0, 0, 0] }))).toEqual(unreadable);
  });

  it('a chunk whose CRC is wrong, or a critical chunk no reader knows, is a bad image', () => {
    const damaged = png();
    damaged[40] = (damaged[40] ?? 0) ^ 0xff;
    expect(checkImage(damaged)).toEqual(unreadable);
    expect(checkImage(png({ extra: [['ABCD', new Uint8Array(2)]] }))).toEqual(unreadable);
    // An ancillary one (lower case first) is skipped.
    expect(checkImage(png({ extra: [['abCD', new Uint8Array(2)]] }))).toEqual({ format: 'png', width: 8, height: 8 });
  });

  it.each([
    ['png-interlaced-low-depth', png({ colourType: 0, depth: 4, interlace: 1 })],
    ['png-interlaced-narrow', png({ colourType: 2, width: 3, height: 9, interlace: 1 })],
    ['png-transparent-colour', png({ colourType: 2, transparency: [0, 1, 0, 2, 0, 3] })],
    ['png-transparent-colour', png({ colourType: 0, transparency: [0, 5] })],
    ['png-palette-transparency-low-depth', png({ colourType: 3, depth: 2, transparency: [0] })],
    ['png-palette-on-truecolour', png({ colourType: 6, palette: [1, 2, 3] })],
  ])('a PNG pdfkit would print wrongly is named as such (%s)', (kind, bytes) => {
    expect(checkImage(bytes)).toEqual({ problem: 'unsupported', kind });
  });
});

describe('a JPEG logo is checked whole', () => {
  it('the hand-made image this test starts from is good', () => {
    expect(checkImage(jpeg())).toEqual({ format: 'jpeg', width: 16, height: 16 });
    expect(checkImage(jpeg({ components: 3, width: 24, height: 8 }))).toEqual({ format: 'jpeg', width: 24, height: 8 });
  });

  it.each([
    ['no colour components', jpeg({ components: 0 })],
    ['a precision of 7 bits', jpeg({ precision: 7 })],
    ['a height of 0', jpeg({ height: 0 })],
    ['a scan without coded data', jpeg({ scan: [] })],
    ['a file cut short in its scan', jpeg().subarray(0, jpeg().length - 3)],
    ['a file cut short in its frame header', Buffer.concat([jpeg().subarray(0, 80), Buffer.from([0xff, 0xd9])])],
    ['no scan at all', Buffer.concat([jpeg().subarray(0, 2 + 69 + 13), Buffer.from([0xff, 0xd9])])],
  ])('a JPEG with %s is a bad image', (_name, bytes) => {
    expect(checkImage(bytes)).toEqual(unreadable);
  });

  it.each([
    ['jpeg-12-bit', jpeg({ precision: 12, frameMarker: 0xc1 })],
    ['jpeg-coding', jpeg({ frameMarker: 0xc3 })],
    ['jpeg-coding', jpeg({ frameMarker: 0xc9 })],
    ['jpeg-colours', jpeg({ components: 2 })],
  ])('a JPEG a PDF cannot hold is named as such (%s)', (kind, bytes) => {
    expect(checkImage(bytes)).toEqual({ problem: 'unsupported', kind });
  });
});

describe('a bad logo stops the build at the template line', () => {
  const role = 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n';
  const buildWith = async (logo: Uint8Array, name: string, lang = 'zh-CN') => {
    const dir = tempProject({ 'roledoc.config.yaml': 'template: templates/t\nformats: [pdf]\n', 'roles/a.yaml': role, 'templates/t/template.yaml': `name: t\nlogo: { file: ${name} }\n` });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'templates', 't', name), logo);
    const result = await runCli(['build', '--format', 'json', '--lang', lang], dir);
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string; line: number; message: string; hint?: string }[] };
    return { exitCode: result.exitCode, diagnostics: report.diagnostics, dir };
  };

  it.each([
    ['colour type 7', png({ colourType: 7 }), 'logo.png'],
    ['bit depth 3', png({ colourType: 0, depth: 3 }), 'logo.png'],
    ['too little image data', png({ scanlines: new Uint8Array(10) }), 'logo.png'],
    ['a JPEG of no components', jpeg({ components: 0 }), 'logo.jpg'],
    ['a JPEG whose scan has no data', jpeg({ scan: [] }), 'logo.jpg'],
  ])('%s: template.bad-image at logo.file, nothing written', async (_name, bytes, name) => {
    const { exitCode, diagnostics, dir } = await buildWith(bytes, name);
    expect(exitCode).toBe(1);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'template.bad-image', file: 'templates/t/template.yaml', line: 2, message: expect.stringContaining(`templates/t/${name}`) })]);
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(dir, 'out', 'a.pdf'))).toBe(false);
  });

  it('a kind pdfkit cannot print is named, with how to save it again, in both languages', async () => {
    const bytes = png({ colourType: 3, depth: 4, transparency: [0], palette: [0, 0, 0, 9, 9, 9] });
    const zh = await buildWith(bytes, 'logo.png');
    expect(zh.diagnostics).toEqual([expect.objectContaining({ code: 'template.bad-image', line: 2, message: expect.stringContaining('带透明度、每个像素不足 8 位的调色板 PNG'), hint: expect.stringContaining('另存为普通的 PNG') })]);
    const en = await buildWith(bytes, 'logo.png', 'en');
    expect(en.diagnostics).toEqual([expect.objectContaining({ code: 'template.bad-image', line: 2, message: expect.stringContaining('a palette PNG with transparency'), hint: expect.stringContaining('ordinary PNG') })]);
  });
});

// ---------------------------------------------------------------- poppler reads what is printed

function run(command: string, args: readonly string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { encoding: 'buffer', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr: stderr.toString('utf8'), missing });
    });
  });
}

const popplerMissing = 'pdftoppm (poppler-utils) is not installed: the PDF is not opened by a second reader here';

/** The first page at `dpi`, as poppler draws it: width, height and RGB bytes (pdftoppm writes a PPM). */
async function firstPage(pdf: string, dpi: number): Promise<{ width: number; height: number; rgb: Buffer } | 'missing'> {
  const result = await run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), pdf]);
  if (result.missing) return 'missing';
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(result.stdout.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: result.stdout.subarray(header[0].length) };
}

/** How many pixels of the page are close to each colour. */
function countColours(page: { rgb: Buffer }, colours: Record<string, readonly [number, number, number]>): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((name) => [name, 0]));
  for (let at = 0; at + 2 < page.rgb.length; at += 3) {
    for (const [name, [r, g, b]] of Object.entries(colours)) {
      if (Math.abs((page.rgb[at] ?? 0) - r) < 40 && Math.abs((page.rgb[at + 1] ?? 0) - g) < 40 && Math.abs((page.rgb[at + 2] ?? 0) - b) < 40) counts[name] = (counts[name] ?? 0) + 1;
    }
  }
  return counts;
}

describe('a good logo still renders, and poppler reads the PDF', () => {
  it('the brand logo: built, and every page drawn by pdftoppm without a complaint', async (context) => {
    const dir = tempProject({ 'roledoc.config.yaml': 'template: templates/acme\nformats: [pdf]\n', 'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n' });
    const { cpSync } = await import('node:fs');
    cpSync(path.join(REPO, 'test', 'fixtures', 'brand', 'templates', 'acme'), path.join(dir, 'templates', 'acme'), { recursive: true });
    const result = await build(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual(expect.arrayContaining(['a.pdf', 'handbook.pdf']));
    for (const name of ['a.pdf', 'handbook.pdf']) {
      const drawn = await run('pdftoppm', ['-r', '20', path.join(dir, 'out', name)]);
      if (drawn.missing) context.skip(popplerMissing);
      expect(drawn.stderr).toBe('');
      expect(drawn.code).toBe(0);
      expect(drawn.stdout.length).toBeGreaterThan(0);
    }
  });

  // Four bands, top to bottom: red, green, blue, and magenta (transparent where the image says so).
  const BANDS = [
    [255, 0, 0],
    [0, 200, 0],
    [0, 0, 255],
    [255, 0, 255],
  ] as const;
  const SIDE = 32;
  const band = (y: number): number => Math.floor((y * BANDS.length) / SIDE);
  const rowsOf = (passes: readonly (readonly [number, number, number, number])[], pixel: (y: number) => number[]): Uint8Array =>
    Buffer.concat(
      passes.flatMap(([x0, y0, dx, dy]) => {
        const columns = Math.ceil((SIDE - x0) / dx);
        return Array.from({ length: Math.ceil((SIDE - y0) / dy) }, (_, row) => Buffer.from([0, ...new Array<number[]>(columns).fill(pixel(y0 + row * dy)).flat()]));
      }),
    );
  const plain = [[0, 0, 1, 1]] as const;
  const palette = BANDS.flat();
  const kinds: [string, Buffer, boolean][] = [
    ['RGBA', png({ width: SIDE, height: SIDE, colourType: 6, scanlines: rowsOf(plain, (y) => [...(BANDS[band(y)] ?? []), band(y) === 3 ? 0 : 255]) }), true],
    ['RGBA, interlaced', png({ width: SIDE, height: SIDE, colourType: 6, interlace: 1, scanlines: rowsOf(ADAM7, (y) => [...(BANDS[band(y)] ?? []), band(y) === 3 ? 0 : 255]) }), true],
    ['palette of 8 bits with transparency', png({ width: SIDE, height: SIDE, colourType: 3, palette, transparency: [255, 255, 255, 0], scanlines: rowsOf(plain, (y) => [band(y)]) }), true],
    ['palette of 2 bits, opaque', png({ width: SIDE, height: SIDE, colourType: 3, depth: 2, palette, scanlines: Buffer.concat(Array.from({ length: SIDE }, (_, y) => Buffer.from([0, ...new Array<number>(SIDE / 4).fill(band(y) * 0x55)]))) }), false],
  ];

  it.for(kinds)('a %s logo prints its colours, and only the opaque ones', async ([, logo, transparent], context) => {
    expect(checkImage(logo)).toEqual({ format: 'png', width: SIDE, height: SIDE });
    const dir = tempProject({
      'roledoc.config.yaml': 'template: templates/t\nformats: [pdf]\nhandbook: false\n',
      'roles/a.yaml': 'id: a\ntitle: 专员\ndepartment: 客服部\nresponsibilities: [负责接听电话。]\n',
      'templates/t/template.yaml': 'logo: { file: logo.png, header_height_mm: 20 }\n',
    });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'templates', 't', 'logo.png'), logo);
    expect((await build(dir)).written).toEqual(['a.pdf']);
    const page = await firstPage(path.join(dir, 'out', 'a.pdf'), 50);
    if (page === 'missing') return context.skip(popplerMissing);
    const counts = countColours(page, { red: BANDS[0], green: BANDS[1], blue: BANDS[2], magenta: BANDS[3] });
    // The logo is made smaller to fit the header: some 190 pixels a band at 50 dpi.
    expect(counts['red']).toBeGreaterThan(100);
    expect(counts['green']).toBeGreaterThan(100);
    expect(counts['blue']).toBeGreaterThan(100);
    if (transparent) expect(counts['magenta']).toBe(0);
    else expect(counts['magenta']).toBeGreaterThan(100);
  });
});
