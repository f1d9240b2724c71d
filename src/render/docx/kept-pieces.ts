/**
 * The handbook .docx's document.xml as compressed pieces kept between builds: a part placed in
 * the document (its lists, bookmarks and anchors numbered, assemble.ts Numberer) and deflated
 * knowing the 32 KB before it. Such a piece is a function of the part, where it is numbered from
 * and those 32 KB: after a one-role edit every piece before the role, and most after it, are the
 * bytes the last build wrote. Taken as they are, the part's XML is not read, numbered, encoded
 * or deflated again — most of the .docx thread's work in an edit.
 *
 * A piece is kept with what taking it must do besides writing its bytes: its length and CRC-32
 * (the zip entry's CRC is combined from them), the lists and bookmarks it numbered, the anchors
 * it named first, and a digest of the 32 KB that end it (the next piece's key).
 */
import { createHash } from 'node:crypto';
import { readJsonHead, withJsonHead } from '../bytes.js';
import type { ListDefinition } from './numbering.js';

/** Compressed pieces kept between builds, by pieceKey. */
export interface PieceStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, piece: Uint8Array): void;
}

/** Changes whenever a piece would be placed, deflated or kept differently. */
const PIECE_FORMAT = 'docx-piece/1';

export interface KeptPiece {
  /** The piece deflated, flushed to a byte boundary: raw deflate blocks that go on the stream before it. */
  readonly deflated: Uint8Array;
  /** Its length and CRC-32 uncompressed. */
  readonly size: number;
  readonly crc: number;
  /** The lists it numbered (numbering.xml gets a definition for each), in order. */
  readonly lists: readonly ListDefinition[];
  /** How many bookmark ids it took. */
  readonly bookmarks: number;
  /** The anchors it named first, in order. */
  readonly named: readonly string[];
  /** A digest of the stream's last 32 KB once the piece is written (windowDigest). */
  readonly windowAfter: string;
}

/**
 * A piece's key: the part (its own key), where its numbering starts (lists, bookmarks, the
 * anchors named before it), the 32 KB before it, and zlib's version (another zlib may deflate
 * the same text to other bytes).
 */
export function pieceKey(partKey: string, listBase: number, bookmarkBase: number, namesDigest: string, windowDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify([PIECE_FORMAT, process.versions.zlib ?? '', partKey, listBase, bookmarkBase, namesDigest, windowDigest]))
    .digest('hex');
}

/** What stands for the last bytes of the stream in a piece's key. */
export function windowDigest(window: Uint8Array): string {
  return createHash('sha256').update(window).digest('hex');
}

/** A kept piece as bytes: a JSON head (all but the deflated bytes), then the deflated bytes. */
export function encodePiece(piece: KeptPiece): Uint8Array {
  const { deflated, ...head } = piece;
  return withJsonHead(head, [deflated]);
}

/** A kept piece from its bytes; none when they are not one (the piece is made again). */
export function decodePiece(bytes: Uint8Array | undefined): KeptPiece | undefined {
  const read = readJsonHead(bytes);
  return read !== undefined && isPieceHead(read.head) ? { ...read.head, deflated: read.body } : undefined;
}

function isPieceHead(value: unknown): value is Omit<KeptPiece, 'deflated'> {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Record<string, unknown>;
  return (
    typeof head['size'] === 'number' &&
    typeof head['crc'] === 'number' &&
    typeof head['bookmarks'] === 'number' &&
    typeof head['windowAfter'] === 'string' &&
    Array.isArray(head['lists']) &&
    Array.isArray(head['named'])
  );
}

/** CRC-32's polynomial, reflected (as zlib's). */
const POLY = 0xedb88320;

/** a × b modulo the CRC polynomial (zlib's multmodp). */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (zlib's x2n_table). */
const X2N: readonly number[] = (() => {
  const table: number[] = [];
  let p = 0x40000000;
  for (let k = 0; k < 32; k++) {
    table.push(p);
    p = multiplyModP(p, p);
  }
  return table;
})();

/** x^(n·2^k) modulo the polynomial (zlib's x2nmodp). */
function xPowerModP(n: number, k: number): number {
  let p = 0x80000000;
  while (n > 0) {
    if (n % 2 === 1) p = multiplyModP(X2N[k & 31] ?? 0, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/**
 * The CRC-32 of A then B from A's CRC, B's CRC and B's length (zlib's crc32_combine): a piece
 * taken whole adds its CRC to the entry's without its bytes.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(xPowerModP(lengthB, 3), crcA >>> 0) ^ (crcB >>> 0)) >>> 0;
}
