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

function decodesAsGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
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
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return fail('load.not-utf8', messages.utf16, start, messages.notUtf8Hint);
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const bad = firstInvalidUtf8Offset(body);
  if (bad >= 0) {
    const guess = decodesAsGb18030(body) ? 'GB18030' : undefined;
    return fail('load.not-utf8', messages.notUtf8(guess), spanOfByte(body, bad), messages.notUtf8Hint);
  }
  // Classic Mac line ends (CR alone) become LF; same length, so every offset stays put.
  const text = new TextDecoder('utf-8').decode(body).replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') {
    return fail('load.empty', messages.emptyFile, start, messages.emptyFileHint);
  }
  return { ok: true, text };
}
