import { describe, expect, it } from 'vitest';
import { decodeRoleBytes, firstInvalidUtf8Offset, MAX_ROLE_FILE_BYTES } from '../src/load/decode.js';
import { prelintYaml } from '../src/load/prelint.js';
import { messagesFor } from '../src/messages/messages.js';

const zh = messagesFor('zh-CN');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeRoleBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const result = decodeRoleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('id: a\n')]), 'a.yaml', zh);
    expect(result).toEqual({ ok: true, text: 'id: a\n' });
  });

  it('names GB18030/GBK and the line of the first bad byte', () => {
    const gbk = new Uint8Array([...encode('id: a\ntitle: '), 0xbf, 0xcd, 0xb7, 0xfe, 0x0a]);
    const result = decodeRoleBytes(gbk, 'a.yaml', zh);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ code: 'load.not-utf8', span: { line: 2, column: 8 } });
    expect(result.diagnostic.message).toContain('GB18030');
    expect(result.diagnostic.hint).toContain('UTF-8');
  });

  it('does not claim GBK for bytes that are not GBK either', () => {
    const result = decodeRoleBytes(new Uint8Array([0x61, 0xff, 0xff, 0xff]), 'a.yaml', zh);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic.message).not.toContain('GB18030');
  });

  it('refuses files over the size limit before decoding them', () => {
    const big = new Uint8Array(MAX_ROLE_FILE_BYTES + 1).fill(0x61);
    const result = decodeRoleBytes(big, 'a.yaml', zh);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic.code).toBe('load.too-large');
  });

  it('treats a file of blank lines as empty', () => {
    const result = decodeRoleBytes(encode('\n  \r\n'), 'a.yaml', zh);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostic.code).toBe('load.empty');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts all of UTF-8, including 4-byte characters such as 𠮷', () => {
    expect(firstInvalidUtf8Offset(encode('岗位 𠮷 ok'))).toBe(-1);
  });
  it('rejects overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xe5, 0xb2]))).toBe(2);
  });
});

describe('prelintYaml', () => {
  const keys = new Set(['title', 'responsibilities', 'name', 'purpose']);

  it('repairs a full-width colon after a known key so the rest of the file is still checked', () => {
    const result = prelintYaml('title：客服主管\n', 'a.yaml', keys, zh);
    expect(result.text).toBe('title: 客服主管\n');
    expect(result.diagnostics.map((d) => [d.code, d.span.line, d.span.column])).toEqual([['yaml.fullwidth-colon', 1, 6]]);
  });

  it('leaves full-width colons in ordinary text alone', () => {
    const text = 'responsibilities:\n  - 注意：按时完成\n  - KPI：完成率\npurpose: |\n  name：不是键，是正文\n';
    const result = prelintYaml(text, 'a.yaml', keys, zh);
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toBe(text);
  });

  it('reports full-width spaces in indentation and indents with two spaces each', () => {
    const result = prelintYaml('responsibilities:\n\u3000- a\n', 'a.yaml', keys, zh);
    expect(result.text).toBe('responsibilities:\n  - a\n');
    expect(result.diagnostics[0]).toMatchObject({ code: 'yaml.fullwidth-space', span: { line: 2, column: 1 } });
  });

  it('warns about a value wrapped in full-width quotes, but not about quotes inside text', () => {
    const warned = prelintYaml('title: “客服主管”\n', 'a.yaml', keys, zh);
    expect(warned.diagnostics).toMatchObject([{ severity: 'warning', code: 'yaml.fullwidth-quotes', span: { column: 8 } }]);
    expect(prelintYaml('title: 做到“客户至上”的主管\n', 'a.yaml', keys, zh).diagnostics).toEqual([]);
  });
});
