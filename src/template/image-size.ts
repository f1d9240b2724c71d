/**
 * Whether a logo file is an image the renderers can take: a whole PNG or JPEG of sensible size.
 * Checked when the template is loaded, so a truncated or enormous file is a diagnostic at the
 * template's line, never a crash inside pdfkit halfway through a build.
 */
import * as zlib from 'node:zlib';

export interface ImageInfo {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

export type ImageCheck = ImageInfo | { readonly problem: 'unreadable' | 'too-large' };

/** A logo is printed a few centimetres wide: 4096 pixels a side is far more than enough. */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Walks a PNG's chunks, checking each one's CRC, and inflates its image data. */
function checkPng(bytes: Uint8Array, view: DataView): ImageCheck {
  if (bytes.length < 33) return { problem: 'unreadable' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { problem: 'unreadable' };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { problem: 'too-large' };
  const data: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  while (!ended) {
    if (offset + 12 > bytes.length) return { problem: 'unreadable' };
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) return { problem: 'unreadable' };
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    // zlib.crc32 arrived in Node 20.15; on an older Node the inflate below still catches most damage.
    if (typeof zlib.crc32 === 'function' && zlib.crc32(bytes.subarray(offset + 4, end)) !== view.getUint32(end)) return { problem: 'unreadable' };
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, end));
    ended = type === 'IEND';
    offset = end + 4;
  }
  if (data.length === 0) return { problem: 'unreadable' };
  try {
    // At most what the largest allowed image can hold (16-bit RGBA), so a zip bomb stops early.
    zlib.inflateSync(Buffer.concat(data), { maxOutputLength: MAX_IMAGE_SIDE * (MAX_IMAGE_SIDE * 8 + 1) });
  } catch {
    return { problem: 'unreadable' };
  }
  return { format: 'png', width, height };
}

/** Walks a JPEG's segments to its frame header (the size) and checks the file is whole. */
function checkJpeg(bytes: Uint8Array, view: DataView): ImageCheck {
  // A JPEG ends with the end-of-image marker; one cut short does not.
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return { problem: 'unreadable' };
  let offset = 2;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { problem: 'unreadable' };
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      if (width === 0 || height === 0) return { problem: 'unreadable' };
      if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { problem: 'too-large' };
      return { format: 'jpeg', width, height };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return { problem: 'unreadable' };
}

export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_IMAGE_BYTES) return { problem: 'too-large' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return checkPng(bytes, view);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes, view);
  return { problem: 'unreadable' };
}
