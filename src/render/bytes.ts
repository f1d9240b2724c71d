/** Bytes a document keeps until its file is finished. */

/**
 * `bytes`, copied when they are a small view of a much larger buffer. zlib's deflateSync and
 * deflateRawSync return a result shorter than their 16 KB output chunk as a view of that chunk:
 * kept until a file is finished, each page's few hundred bytes of header and footer in the
 * handbook PDF, and each piece of the handbook .docx, held 16 KB (a 1,000-role handbook .docx held
 * 48 MB for 0.5 MB of output; a 10,000-role handbook PDF, 500 MB). The copy has a buffer of its
 * own, of its size: a copy from Node's shared 8 KB pool would keep that pool.
 */
export function ownBytes<T extends Uint8Array>(bytes: T): T | Uint8Array<ArrayBuffer> {
  return bytes.byteLength * 2 < bytes.buffer.byteLength ? new Uint8Array(bytes) : bytes;
}
