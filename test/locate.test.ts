import { describe, expect, it } from 'vitest';
import { createLocator, parsePointer } from '../src/load/locate.js';
import { parseYaml } from '../src/load/parse-yaml.js';
import { messagesFor } from '../src/messages/messages.js';

const SOURCE = [
  '# yaml-language-server: $schema=../schemas/role.schema.json', // 1
  'id: cs-a', // 2
  'title:', // 3
  'qualifications:', // 4
  '  education: 大专以上', // 5
  'duties:', // 6
  '  - duty: 日常行政管理', // 7
  '    tasks:', // 8
  '      - 负责日常工作；', // 9
  '      - "a/b~c"', // 10
  'a/b: 1', // 11
  '',
].join('\n');

function locatorFor(text: string) {
  const parsed = parseYaml(text, 'x.yaml', messagesFor('en'));
  return createLocator(parsed.doc, parsed.lineCounter);
}

describe('parsePointer', () => {
  it('splits and unescapes JSON Pointer segments', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/duties/0/tasks')).toEqual(['duties', '0', 'tasks']);
    expect(parsePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });
});

describe('createLocator', () => {
  const locator = locatorFor(SOURCE);

  it('points at a value', () => {
    expect(locator.locate(['id'], 'value')).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 9 });
    expect(locator.locate(['duties', '0', 'tasks', '1'], 'value')).toMatchObject({ line: 10, column: 9 });
  });

  it('points at the key for an unknown key, including keys that need pointer escaping', () => {
    expect(locator.locate(['qualifications', 'education'], 'key')).toMatchObject({ line: 5, column: 3, endColumn: 12 });
    expect(locator.locate(['a/b'], 'key')).toMatchObject({ line: 11, column: 1 });
  });

  it('points at the key of a key written without a value', () => {
    expect(locator.locate(['title'], 'value')).toMatchObject({ line: 3, column: 1 });
  });

  it('points a missing key at its mapping: the owning key, or the list item', () => {
    expect(locator.locate(['qualifications'], 'container')).toMatchObject({ line: 4, column: 1 });
    expect(locator.locate(['duties', '0'], 'container')).toMatchObject({ line: 7, column: 5 });
    // The root mapping starts at its first key, after the modeline comment.
    expect(locator.locate([], 'container')).toMatchObject({ line: 2, column: 1 });
  });

  it('falls back to the deepest existing node for a path the document does not have', () => {
    expect(locator.locate(['duties', '5', 'duty'], 'value')).toMatchObject({ line: 7 });
  });

  it('counts columns in UTF-16 code units after CJK text, as editors do', () => {
    const located = locatorFor('title: 客服主管\nheadcount: 四人\n');
    expect(located.locate(['headcount'], 'value')).toMatchObject({ line: 2, column: 12, endColumn: 14 });
  });

  it('gives the same lines for CRLF files', () => {
    const crlf = locatorFor(SOURCE.replaceAll('\n', '\r\n'));
    expect(crlf.locate(['duties', '0', 'tasks', '1'], 'value')).toMatchObject({ line: 10, column: 9 });
  });
});
