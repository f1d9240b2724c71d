/**
 * Bytes a document keeps until its file is finished (render/bytes.ts): zlib hands back a short
 * result as a view of its 16 KB output chunk, and a view kept is the whole chunk kept.
 */
import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ownBytes } from '../src/render/bytes.js';

describe('ownBytes', () => {
  it('copies a short zlib result into a buffer of its own size, with the same bytes', () => {
    for (const deflated of [deflateSync(Buffer.from('q 1 0 0 -1 0 842 cm BT /F1 9 Tf (page 1 of 3) Tj ET Q')), deflateRawSync(Buffer.from('<w:p><w:r><w:t>岗位职责</w:t></w:r></w:p>'))]) {
      // What the copy is for: zlib's result is a small view of a larger buffer.
      expect(deflated.buffer.byteLength).toBeGreaterThan(deflated.byteLength * 2);
      const own = ownBytes(deflated);
      expect(own.buffer.byteLength).toBe(deflated.byteLength);
      expect(Buffer.from(own).equals(deflated)).toBe(true);
    }
  });

  it('keeps bytes that fill most of their buffer as they are', () => {
    const whole = new Uint8Array([1, 2, 3, 4]);
    expect(ownBytes(whole)).toBe(whole);
    const most = new Uint8Array(new ArrayBuffer(10), 2, 6);
    expect(ownBytes(most)).toBe(most);
  });
});
