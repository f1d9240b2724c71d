/**
 * Bytes → text. HR staff on Windows save files in whatever the editor offers, so the encoding is
 * checked before anything else, and the message says how to fix it.
 */
import { type Diagnostic, diagnostic, type DiagnosticCode, type SourceSpan } from '../core/diagnostic.js';
import type { Messages } from '../messages/messages.js';

export const MAX_ROLE_FILE_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (extra + 2));
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

/** Where a byte offset lies, counted in the characters an editor would show (the prefix decoded leniently). */
function spanOfByte(bytes: Uint8Array, offset: number): SourceSpan {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

/** The text when the bytes are entirely valid in `encoding`, otherwise undefined. */
function decodeStrictly(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A file in UTF-16 or UTF-32: the encoding, and whether a byte-order mark says so. */
interface WideEncoding {
  readonly encoding: 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';
  readonly bom: boolean;
}

/** Every four bytes one code point (at most U+10FFFF, no surrogate), in the byte order given. */
function isUtf32(bytes: Uint8Array, littleEndian: boolean): boolean {
  if (bytes.length === 0 || bytes.length % 4 !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  }
  return true;
}

/**
 * UTF-32 and UTF-16, by their byte-order mark or, without one, by their zero bytes: a text file in
 * UTF-8 has none, while the ASCII keys of a YAML file (`id:`, `title:`) put a zero byte beside every
 * character in UTF-16 and three in UTF-32 — after it in little-endian order, before it in big-endian.
 */
function wideEncoding(bytes: Uint8Array): WideEncoding | undefined {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return { encoding: 'UTF-32LE', bom: true };
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return { encoding: 'UTF-32BE', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'UTF-16LE', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'UTF-16BE', bom: true };
  if (!bytes.includes(0)) return undefined;
  if (isUtf32(bytes, true)) return { encoding: 'UTF-32LE', bom: false };
  if (isUtf32(bytes, false)) return { encoding: 'UTF-32BE', bom: false };
  if (bytes.length % 2 !== 0) return undefined;
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) zerosEven++;
    if (bytes[i + 1] === 0) zerosOdd++;
  }
  // One side clearly carries the zeros, and the text read so has YAML's colons: a stray zero byte
  // in a UTF-8 file is no reason to call it UTF-16.
  const [side, other] = zerosOdd >= zerosEven ? [zerosOdd, zerosEven] : [zerosEven, zerosOdd];
  if (side < 2 || other * 4 > side) return undefined;
  const encoding = zerosOdd >= zerosEven ? 'UTF-16LE' : 'UTF-16BE';
  if (!decodeStrictly(bytes, encoding.toLowerCase())?.includes(':')) return undefined;
  return { encoding, bom: false };
}

/** Kana as Japanese writes them, and the half-width kana that other encodings' bytes turn into when read as Shift-JIS. */
const FULL_WIDTH_KANA = /[\u3041-\u30ff]/gu;
const HALF_WIDTH_KANA = /[\uff61-\uff9f]/gu;

/**
 * Which older encoding bytes that are not UTF-8 were most likely written in. GB18030 accepts
 * almost any bytes, Japanese ones too, so Shift-JIS is tried first: Japanese text is full of kana
 * (の, を, お客様), while Chinese GBK bytes read as Shift-JIS come out as half-width kana, if at all.
 */
function guessLegacyEncoding(bytes: Uint8Array): 'GB18030' | 'Shift_JIS' | undefined {
  const japanese = decodeStrictly(bytes, 'shift_jis');
  if (japanese !== undefined) {
    const fullKana = japanese.match(FULL_WIDTH_KANA)?.length ?? 0;
    const halfKana = japanese.match(HALF_WIDTH_KANA)?.length ?? 0;
    if (fullKana > halfKana) return 'Shift_JIS';
  }
  if (decodeStrictly(bytes, 'gb18030') !== undefined) return 'GB18030';
  return japanese === undefined ? undefined : 'Shift_JIS';
}

export function decodeRoleBytes(
  bytes: Uint8Array,
  file: string,
  messages: Messages,
  maxBytes: number = MAX_ROLE_FILE_BYTES,
): DecodeResult {
  const fail = (code: DiagnosticCode, message: string, span: SourceSpan, hint?: string): DecodeResult => ({ ok: false, diagnostic: diagnostic(code, file, span, message, hint) });
  const start: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

  if (bytes.length > maxBytes) {
    return fail('load.too-large', messages.tooLarge(bytes.length, maxBytes), start, messages.tooLargeHint);
  }
  const wide = wideEncoding(bytes);
  if (wide?.encoding.startsWith('UTF-32')) {
    return fail('load.not-utf8', messages.encodingNamed(wide.encoding), start, messages.utf32Hint(file, wide.encoding === 'UTF-32BE'));
  }
  if (wide?.bom) {
    return fail('load.not-utf8', messages.utf16, start, messages.notUtf8Hint);
  }
  if (wide) {
    // Without the mark an editor does not recognise UTF-16 either: it has to be told before saving as UTF-8.
    return fail('load.not-utf8', messages.encodingNamed(wide.encoding), start, messages.reopenAsUtf8Hint(wide.encoding));
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const bad = firstInvalidUtf8Offset(body);
  if (bad >= 0) {
    const guess = guessLegacyEncoding(body);
    const message = guess === undefined ? messages.notUtf8(undefined) : messages.encodingNamed(guess);
    return fail('load.not-utf8', message, spanOfByte(body, bad), guess === undefined ? messages.notUtf8Hint : messages.reopenAsUtf8Hint(guess));
  }
  // Classic Mac line ends (CR alone) become LF; same length, so every offset stays put.
  const text = new TextDecoder('utf-8').decode(body).replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') {
    return fail('load.empty', messages.emptyFile, start, messages.emptyFileHint);
  }
  return { ok: true, text };
}
