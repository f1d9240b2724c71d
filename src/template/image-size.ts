/**
 * Whether a logo file is an image the renderers can take: a whole PNG or JPEG of sensible size,
 * every header value one the format allows, its data as long as the header says, and of a kind
 * the PDF renderer (pdfkit) prints correctly. Checked when the template is loaded, so a damaged,
 * truncated or enormous file is a diagnostic at the template's line, never a crash inside pdfkit
 * halfway through a build nor a PDF that readers refuse.
 */
import * as zlib from 'node:zlib';
import type { UnsupportedImageKind } from '../messages/messages.js';

export interface ImageInfo {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

export type ImageCheck =
  | ImageInfo
  | { readonly problem: 'unreadable' | 'too-large' }
  /** A well-formed image of a kind pdfkit cannot print (it would make a broken or wrong PDF). */
  | { readonly problem: 'unsupported'; readonly kind: UnsupportedImageKind };

/** A logo is printed a few centimetres wide: 4096 pixels a side is far more than enough. */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const UNREADABLE = { problem: 'unreadable' } as const;
const TOO_LARGE = { problem: 'too-large' } as const;
const unsupported = (kind: UnsupportedImageKind): ImageCheck => ({ problem: 'unsupported', kind });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bit depths PNG allows for each colour type, and the samples a pixel of it has. */
const PNG_COLOUR_TYPES: ReadonlyMap<number, { readonly depths: readonly number[]; readonly channels: number }> = new Map([
  [0, { depths: [1, 2, 4, 8, 16], channels: 1 }], // grey
  [2, { depths: [8, 16], channels: 3 }], // RGB
  [3, { depths: [1, 2, 4, 8], channels: 1 }], // palette
  [4, { depths: [8, 16], channels: 2 }], // grey + alpha
  [6, { depths: [8, 16], channels: 4 }], // RGB + alpha
]);

/** Adam7's seven passes: first column and row, then the step between columns and between rows. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The scanlines of the image data: how many, and how many bytes each (without its filter byte). */
function pngScanlines(width: number, height: number, bitsPerPixel: number, interlaced: boolean): { rows: number; bytes: number }[] {
  const passes = interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return passes
    .map(([x0, y0, dx, dy]) => ({ columns: Math.ceil((width - x0) / dx), rows: Math.ceil((height - y0) / dy) }))
    .filter((pass) => pass.columns > 0 && pass.rows > 0)
    .map((pass) => ({ rows: pass.rows, bytes: Math.ceil((pass.columns * bitsPerPixel) / 8) }));
}

const isLetter = (byte: number): boolean => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/**
 * Walks a PNG's chunks in the order the PNG specification sets, checking each one's CRC and the
 * header's values, then inflates the image data and checks it holds exactly the scanlines the
 * header implies, each with a filter type PNG defines.
 */
function checkPng(bytes: Uint8Array, view: DataView): ImageCheck {
  if (bytes.length < 8 + 25 + 12) return UNREADABLE;
  // The header comes first, 13 bytes long.
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return UNREADABLE;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [depth = 0, colourType = 0, compression = 0, filter = 0, interlace = 0] = bytes.subarray(24, 29);
  if (width === 0 || height === 0) return UNREADABLE;
  const colour = PNG_COLOUR_TYPES.get(colourType);
  if (!colour || !colour.depths.includes(depth) || compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) return UNREADABLE;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return TOO_LARGE;

  const data: Uint8Array[] = [];
  let paletteEntries: number | undefined;
  let transparency = false;
  let offset = 8;
  let previous = '';
  for (;;) {
    if (offset + 12 > bytes.length) return UNREADABLE;
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (length > 0x7fffffff || end + 4 > bytes.length) return UNREADABLE;
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isLetter)) return UNREADABLE;
    const type = String.fromCharCode(...typeBytes);
    // zlib.crc32 arrived in Node 20.15; on an older Node the inflate below still catches most damage.
    if (typeof zlib.crc32 === 'function' && zlib.crc32(bytes.subarray(offset + 4, end)) !== view.getUint32(end)) return UNREADABLE;
    const seenData = data.length > 0;
    switch (type) {
      case 'IHDR':
        if (offset !== 8) return UNREADABLE;
        break;
      case 'PLTE':
        if (paletteEntries !== undefined || seenData || transparency) return UNREADABLE;
        if (length === 0 || length % 3 !== 0 || length / 3 > 256) return UNREADABLE;
        // Grey images have no palette; a true-colour image's is only a suggestion, which pdfkit takes for its colours.
        if (colourType === 0 || colourType === 4) return UNREADABLE;
        if (colourType !== 3) return unsupported('png-palette-on-truecolour');
        if (length / 3 > 2 ** depth) return UNREADABLE;
        paletteEntries = length / 3;
        break;
      case 'tRNS':
        if (transparency || seenData) return UNREADABLE;
        if (colourType === 4 || colourType === 6) return UNREADABLE;
        if (colourType === 3 && (paletteEntries === undefined || length > paletteEntries)) return UNREADABLE;
        if ((colourType === 0 && length !== 2) || (colourType === 2 && length !== 6)) return UNREADABLE;
        // pdfkit masks the wrong colour of a grey or RGB image, and unpacks indices of fewer than 8 bits wrongly.
        if (colourType !== 3) return unsupported('png-transparent-colour');
        if (depth < 8) return unsupported('png-palette-transparency-low-depth');
        transparency = true;
        break;
      case 'IDAT':
        // The image data is one run of IDAT chunks.
        if (seenData && previous !== 'IDAT') return UNREADABLE;
        if (colourType === 3 && paletteEntries === undefined) return UNREADABLE;
        data.push(bytes.subarray(offset + 8, end));
        break;
      case 'IEND':
        if (length !== 0) return UNREADABLE;
        break;
      default: {
        // A critical chunk this reader does not know (its name starts with a capital): the image cannot be read without it.
        const first = typeBytes[0] ?? 0;
        if (first >= 0x41 && first <= 0x5a) return UNREADABLE;
      }
    }
    previous = type;
    offset = end + 4;
    if (type === 'IEND') break;
  }
  if (data.length === 0) return UNREADABLE;
  // pdfkit decodes an interlaced image itself, and cannot unpack pixels of fewer than 8 bits.
  if (interlace === 1 && depth < 8) return unsupported('png-interlaced-low-depth');
  // It also reads a filter byte for an empty pass (a column past the right edge), which shifts every later row.
  if (interlace === 1 && width < 5) return unsupported('png-interlaced-narrow');

  const scanlines = pngScanlines(width, height, colour.channels * depth, interlace === 1);
  const expected = scanlines.reduce((sum, pass) => sum + pass.rows * (1 + pass.bytes), 0);
  let pixels: Uint8Array;
  try {
    // Never more than the header implies: more is as wrong as less, and a zip bomb stops early.
    pixels = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch {
    return UNREADABLE;
  }
  if (pixels.length !== expected) return UNREADABLE;
  // Each scanline starts with its filter type: None, Sub, Up, Average or Paeth.
  let at = 0;
  for (const pass of scanlines) {
    for (let row = 0; row < pass.rows; row++) {
      if ((pixels[at] ?? 5) > 4) return UNREADABLE;
      at += 1 + pass.bytes;
    }
  }
  return { format: 'png', width, height };
}

/** Markers that stand alone, without a length: RST0–7 (inside a scan only) and TEM. */
const isRestart = (marker: number): boolean => marker >= 0xd0 && marker <= 0xd7;
/** Start-of-frame markers: C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Baseline, extended sequential and progressive Huffman coding: what a PDF's DCTDecode reads. */
const PRINTABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);

/**
 * Walks a JPEG's segments from its start to its end-of-image marker, checking the frame header
 * (the size, the precision, the colour components) and that every scan has its header and some
 * coded data. A scan cut short and given a new end marker cannot be told without decoding it.
 */
function checkJpeg(bytes: Uint8Array, view: DataView): ImageCheck {
  let frame: ImageInfo | undefined;
  const components = new Set<number>();
  let scans = 0;
  let offset = 2;
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) return UNREADABLE;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      // Fill bytes: legal, but pdfkit would take them for a marker while looking for the frame.
      if (!frame) return UNREADABLE;
      offset += 1;
      continue;
    }
    if (marker === 0xd9) {
      // The end of the image, and of the file.
      if (offset + 2 !== bytes.length || !frame || scans === 0) return UNREADABLE;
      return frame;
    }
    if (marker === 0x00 || marker === 0x01 || marker === 0xd8 || isRestart(marker)) return UNREADABLE;
    if (offset + 4 > bytes.length) return UNREADABLE;
    const length = view.getUint16(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return UNREADABLE;
    // pdfkit takes the first C0–CF marker but DHT for the frame: JPG and DAC (arithmetic coding) would mislead it.
    if (!frame && (marker === 0xc8 || marker === 0xcc)) return unsupported('jpeg-coding');
    if (isFrame(marker)) {
      if (frame || length < 8) return UNREADABLE;
      const precision = bytes[offset + 4] ?? 0;
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      const count = bytes[offset + 9] ?? 0;
      // A height of 0 is given later by a DNL marker, which pdfkit does not read.
      if (width === 0 || height === 0 || count === 0 || length !== 8 + 3 * count) return UNREADABLE;
      if (precision !== 8 && precision !== 12) return UNREADABLE;
      for (let i = 0; i < count; i++) {
        const at = offset + 10 + 3 * i;
        const id = bytes[at] ?? 0;
        const sampling = bytes[at + 1] ?? 0;
        const horizontal = sampling >> 4;
        const vertical = sampling & 0x0f;
        if (components.has(id) || horizontal < 1 || horizontal > 4 || vertical < 1 || vertical > 4 || (bytes[at + 2] ?? 0) > 3) return UNREADABLE;
        components.add(id);
      }
      if (!PRINTABLE_FRAMES.has(marker)) return unsupported('jpeg-coding');
      if (precision !== 8) return unsupported('jpeg-12-bit');
      // A PDF names the colours by their number: grey, RGB or CMYK.
      if (count !== 1 && count !== 3 && count !== 4) return unsupported('jpeg-colours');
      if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return TOO_LARGE;
      frame = { format: 'jpeg', width, height };
      offset = end;
      continue;
    }
    if (marker === 0xda) {
      // A scan: its header, then coded data up to the next marker that is not a restart.
      const count = bytes[offset + 4] ?? 0;
      if (!frame || count < 1 || count > 4 || length !== 6 + 2 * count) return UNREADABLE;
      for (let i = 0; i < count; i++) if (!components.has(bytes[offset + 5 + 2 * i] ?? -1)) return UNREADABLE;
      let next = end;
      while (next + 1 < bytes.length && !(bytes[next] === 0xff && bytes[next + 1] !== 0x00 && !isRestart(bytes[next + 1] ?? 0) && bytes[next + 1] !== 0xff)) next++;
      if (next + 1 >= bytes.length || next === end) return UNREADABLE;
      scans++;
      offset = next;
      continue;
    }
    offset = end;
  }
  // No end-of-image marker: the file was cut short.
  return UNREADABLE;
}

export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_IMAGE_BYTES) return TOO_LARGE;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return checkPng(bytes, view);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes, view);
  return UNREADABLE;
}
