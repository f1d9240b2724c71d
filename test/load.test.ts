import { describe, expect, it, vi } from 'vitest';
import { decodeRoleBytes, firstInvalidUtf8Offset, MAX_ROLE_FILE_BYTES } from '../src/load/decode.js';
import { parseYaml } from '../src/load/parse-yaml.js';
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

describe('decodeRoleBytes: files in other encodings, each named', () => {
  const ROLE = 'id: cs-a\ntitle: 客服主管\ndepartment: 客服部\n';
  /** UTF-16 or UTF-32 code units of the text, in the byte order given, without a byte-order mark. */
  const wide = (text: string, bytesPerUnit: 2 | 4, littleEndian: boolean): Uint8Array => {
    const units = bytesPerUnit === 2 ? Array.from(text, (_, i) => text.charCodeAt(i)) : Array.from(text, (char) => char.codePointAt(0) ?? 0);
    const view = new DataView(new ArrayBuffer(units.length * bytesPerUnit));
    units.forEach((unit, i) => (bytesPerUnit === 2 ? view.setUint16(i * 2, unit, littleEndian) : view.setUint32(i * 4, unit, littleEndian)));
    return new Uint8Array(view.buffer);
  };
  const failure = (bytes: Uint8Array) => {
    const result = decodeRoleBytes(bytes, 'roles/a.yaml', zh);
    if (result.ok) throw new Error('decoded');
    return result.diagnostic;
  };

  it('recognises UTF-16 without a byte-order mark, in either byte order, and says to reopen it before saving', () => {
    expect(failure(wide(ROLE, 2, false))).toMatchObject({ code: 'load.not-utf8', span: { line: 1, column: 1 }, message: zh.encodingNamed('UTF-16BE') });
    const le = failure(wide(ROLE, 2, true));
    expect(le.message).toBe(zh.encodingNamed('UTF-16LE'));
    expect(le.hint).toContain('通过编码重新打开');
  });

  it('recognises UTF-32 with or without a byte-order mark, rather than calling it UTF-16', () => {
    expect(failure(new Uint8Array([0xff, 0xfe, 0, 0, ...wide(ROLE, 4, true)])).message).toBe(zh.encodingNamed('UTF-32LE'));
    const be = failure(wide(ROLE, 4, false));
    expect(be.message).toBe(zh.encodingNamed('UTF-32BE'));
    expect(be.hint).toContain("-Encoding BigEndianUTF32 'roles/a.yaml'");
  });

  it('does not call a UTF-8 file with a stray zero byte UTF-16', () => {
    expect(decodeRoleBytes(encode('id: a\n\u0000title: b\n'), 'a.yaml', zh).ok).toBe(true);
  });

  it('tells Shift-JIS from GBK: Japanese has kana, Chinese read as Shift-JIS only half-width ones', () => {
    // お客様 (Japanese) in Shift-JIS: also valid GB18030 bytes, which is what it used to be called.
    const japanese = new Uint8Array([...encode('title: '), 0x82, 0xa8, 0x8b, 0x71, 0x97, 0x6c, 0x0a]);
    expect(failure(japanese).message).toBe(zh.encodingNamed('Shift_JIS'));
    // 人力资源部 (Chinese) in GBK: also valid Shift-JIS bytes, as half-width katakana.
    const chinese = new Uint8Array([...encode('department: '), 0xc8, 0xcb, 0xc1, 0xa6, 0xd7, 0xca, 0xd4, 0xb4, 0xb2, 0xbf, 0x0a]);
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(chinese)).toContain('ﾈﾋ');
    expect(failure(chinese).message).toBe(zh.encodingNamed('GB18030'));
  });
});

describe('parseYaml: YAML roledoc does not support', () => {
  it('reports a complex key at the key, drops it from the data, and prints no warning of the parser', () => {
    const warnings = vi.spyOn(process, 'emitWarning');
    try {
      const parsed = parseYaml('id: a\n? [a, b]\n: 1\ntitle: x\n', 'a.yaml', zh);
      expect(parsed.diagnostics).toMatchObject([{ code: 'yaml.complex-key', span: { line: 2, column: 3 } }]);
      expect(parsed.data).toEqual({ id: 'a', title: 'x' });
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });

  it('keeps the value of a tag it reports, as the text written, and allows the core tags such as !!str', () => {
    const parsed = parseYaml('a: !!binary aGVsbG8=\nb: !!str 001\nc: !!timestamp 2014-09-01\nd: !!set {x, y}\n', 'a.yaml', zh);
    expect(parsed.diagnostics.map((d) => [d.code, d.span.line, d.span.column])).toEqual([
      ['yaml.tag', 1, 4],
      ['yaml.tag', 3, 4],
      ['yaml.tag', 4, 4],
    ]);
    expect(parsed.data).toEqual({ a: 'aGVsbG8=', b: '001', c: '2014-09-01', d: { x: null, y: null } });
  });
});

describe('parseYaml: a quote never closed', () => {
  const report = (text: string): [number, number, string][] => parseYaml(text, 'a.yaml', zh).diagnostics.map((d) => [d.span.line, d.span.column, d.message]);

  it('is reported where it opened, not at the backslash further down the parser trips on', () => {
    const text = 'title: 甲\npurpose: "负责管理\nresponsibilities:\n  - 负责协助；\n  - 文件在 D:\\资料 目录；\n  - 负责监督。\n';
    expect(report(text)).toEqual([[2, 10, '这个引号 " 没有结束：从这里到第 6 行的内容，包括其中的键和列表项，都被当成了这一项的文字。']]);
  });

  it('but a value quoted over two lines on purpose keeps the parser\'s own complaint, at the backslash', () => {
    const text = 'title: 甲\npurpose: "负责管理，文件在\n  D:\\资料 目录"\n';
    expect(report(text)).toEqual([[3, 5, 'YAML 格式错误：双引号里的反斜杠 \\ 组成了无效的转义。']]);
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

  it('names the key a label stands for, with the line as it should be, and marks the line so the label is not reported again as an unknown key', () => {
    const byLabel = new Map([
      ['工作地点', 'work_location'],
      ['币种', 'currency'],
    ]);
    const result = prelintYaml('title: 客服主管\n工作地点：上海\nsalary:\n  币种：\n', 'a.yaml', keys, zh, byLabel);
    expect(result.text).toBe('title: 客服主管\n工作地点: 上海\nsalary:\n  币种:\n');
    expect(result.diagnostics.map((d) => [d.code, d.span.line, d.span.column, d.message, d.hint])).toEqual([
      ['yaml.fullwidth-colon', 2, 1, '“工作地点”这一项在岗位文件里写作英文键名 work_location，后面跟英文冒号“:”，不是中文冒号“：”。', '切换到英文输入法，把这一行写成 work_location: 上海（冒号后面加一个空格）。'],
      ['yaml.fullwidth-colon', 4, 3, '“币种”这一项在岗位文件里写作英文键名 currency，后面跟英文冒号“:”，不是中文冒号“：”。', '切换到英文输入法，把这一行写成 currency: 值（冒号后面加一个空格）。'],
    ]);
    expect([...result.labelKeyLines]).toEqual([2, 4]);
    // A word that is no label keeps the plain advice.
    expect(prelintYaml('地点：上海\n', 'a.yaml', keys, zh, byLabel).diagnostics.map((d) => d.hint)).toEqual(['切换到英文输入法，写成 地点: 值（冒号后面加一个空格）。']);
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
