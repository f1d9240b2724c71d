/** Bytes a document keeps until its file is finished, and rendered pieces as the build cache keeps them. */

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

/**
 * A JSON head with bytes after it, as the build cache keeps a rendered piece (kept furniture,
 * kept .docx pieces): the head's length in 4 bytes, the head as UTF-8 JSON, the bytes.
 */
export function withJsonHead(head: unknown, bytes: readonly Uint8Array[]): Uint8Array {
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([length, json, ...bytes]);
}

/** The head and the bytes after it (a view) of what withJsonHead wrote; undefined when the bytes are not that. */
export function readJsonHead(bytes: Uint8Array | undefined): { readonly head: unknown; readonly body: Buffer } | undefined {
  if (bytes === undefined || bytes.length < 4) return undefined;
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = data.readUInt32BE(0);
  if (4 + headLength > data.length) return undefined;
  try {
    return { head: JSON.parse(data.toString('utf8', 4, 4 + headLength)) as unknown, body: data.subarray(4 + headLength) };
  } catch {
    return undefined;
  }
}
