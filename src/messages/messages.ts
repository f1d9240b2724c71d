/**
 * Every sentence roledoc says about a user's files, in each language it speaks.
 * Kept in one place so wording stays consistent and a translation can be checked for completeness
 * by the type checker: both catalogs implement the same interface.
 */
import type { PathProblem } from '../core/file-access.js';
import type { Lang } from './lang.js';

export type JsonTypeName = 'string' | 'integer' | 'number' | 'array' | 'object' | 'boolean' | 'null';

export interface Messages {
  typeName(type: JsonTypeName): string;
  /** Describes a value found in a file: `文本「4人」`, `a list`. */
  describeValue(value: unknown): string;
  quote(text: string): string;
  itemOf(label: string, index: number): string;
  /** How to name a field in a sentence: its label and its key. */
  field(label: string | undefined, key: string): string;
  list(items: readonly string[]): string;
  didYouMean(suggestion: string): string;

  notUtf8(guess: 'GB18030' | undefined): string;
  notUtf8Hint: string;
  utf16: string;
  emptyFile: string;
  emptyFileHint: string;
  tooLarge(sizeBytes: number, limitBytes: number): string;
  tooLargeHint: string;

  fullwidthColon(key: string): string;
  fullwidthColonHint(key: string): string;
  /** `工作地点：上海`: the label the document shows, typed with a full-width colon, where the key belongs. */
  labelWithFullwidthColon(label: string, key: string): string;
  labelWithFullwidthColonHint(key: string, value: string): string;
  fullwidthSpace: string;
  fullwidthDash(dash: string): string;
  dashWithoutSpace: string;
  fullwidthSpaceHint: string;
  fullwidthQuotes: string;
  fullwidthQuotesHint: string;

  yamlSyntax(yamlCode: string, parserMessage: string): string;
  yamlSyntaxHint(yamlCode: string): string | undefined;
  /** A quote opened and never closed: the lines after it, keys and list items, were read as its text. */
  unclosedQuote(quote: string, lastLine: number): string;
  unclosedQuoteHint(quote: string): string;
  yamlDuplicateKey(key: string): string;
  yamlDuplicateKeyHint: string;
  yamlAliasLimit(limit: number): string;
  yamlAliasLimitHint: string;
  recursiveAlias: string;
  yamlMultipleDocuments: string;
  tooDeep(max: number): string;
  tooDeepHint: string;
  overIndented: string;
  overIndentedHint: string;
  starText: string;
  mergedListItem: string;
  mergedListItemHint: string;
  multilineText: string;
  multilineTextHint: string;
  fullwidthCommaInList: string;
  fullwidthCommaInListHint: string;
  listDashHint: string;
  splitIntoListHint: string;

  unknownKey(key: string, where: string): string;
  unknownKeyHint(allowed: readonly string[]): string;
  missingKey(field: string, where: string): string;
  missingKeyHint(key: string): string;
  wrongType(field: string, expected: string, actual: string): string;
  emptyValue(field: string): string;
  emptyValueHint: string;
  /** For an empty list item (`- ` with nothing after it): there is no colon to write after. */
  emptyItemHint: string;
  numberAsTextHint(value: string): string;
  numberOnlyHint(key: string, digits: string): string;
  /** A number outside its range: the range, and what a minus sign or a percentage means here. */
  rangeHint(key: string, low: number | undefined, high: number | undefined, value: number): string;
  /** Text or a list where sub-keys belong (`salary: 6000-9000`): how to write them, with the keys there are. */
  subKeysHint(key: string, children: readonly string[]): string;
  /** `salary: 6000-9000`: the two numbers as min and max. */
  salaryRangeHint(min: string, max: string): string;
  /** A list where one text belongs (`purpose:` followed by `- ` lines). */
  listAsTextHint(key: string): string;
  notInEnum(field: string, value: string, allowed: readonly string[]): string;
  badPattern(field: string, patternKind: PatternKind, value: string): string;
  badPatternHint(patternKind: PatternKind): string | undefined;
  tooFewItems(field: string, min: number): string;
  tooManyItems(field: string, max: number): string;
  emptyText(field: string): string;
  textTooLong(field: string, max: number): string;
  outOfRange(field: string, comparison: '>=' | '<=' | '>' | '<', limit: number, value: number): string;
  duplicateItems(field: string): string;
  schemaOther(field: string, detail: string): string;
  rootNotMapping(actual: string): string;
  rootNotMappingHint: string;

  duplicateId(id: string, others: readonly string[]): string;
  duplicateIdHint: string;
  reservedId(id: string): string;
  handbookId(id: string): string;
  unknownOrderEntry(entry: string): string;
  unknownOrderEntryHint: string;
  reservedIdHint: string;
  unknownRole(field: string, id: string): string;
  unknownRoleHint: string;
  reportsToCycle(chain: readonly string[]): string;
  reportsToCycleHint: string;
  kpiWeightsSum(sum: number): string;
  kpiWeightsSumHint: string;
  missingGlyph(char: string, codePoint: string): string;
  pathOutsideProject(key: string, value: string): string;
  pathOutsideProjectHint: string;
  outsideProject: string;
  outsideProjectHint: string;
  controlCharacters(codePoints: readonly string[]): string;
  controlCharactersHint: string;
  missingGlyphHint: string;
  contentsUnpaged(problem: string): string;
  contentsUnpagedHint: string;

  templateFileMissing(key: string, shownPath: string): string;
  templateFileMissingHint: string;
  templateImageUnreadable(shownPath: string): string;
  templateImageUnreadableHint: string;
  templateImageTooLarge(shownPath: string, maxSide: number, maxMegabytes: number): string;
  templateImageTooLargeHint: string;
  templateFontUnreadable(shownPath: string, reason: string): string;
  templateFontUnreadableHint: string;
  templateFontCollection(shownPath: string): string;
  templateFontCollectionHint: string;
  templatePathOutside(shownPath: string): string;
  templatePathOutsideHint: string;
  templateNotFound(name: string): string;
  templateNotFoundHint(available: readonly string[]): string;
  duplicateSection(section: string): string;
  duplicateSectionHint: string;
  strayBrace: string;
  strayBraceHint: string;
  unknownPagePlaceholder(placeholder: string): string;
  unknownPagePlaceholderHint(allowed: readonly string[]): string;

  rootLabel: string;
  configLabel: string;
  templateLabel: string;
  localeLabel: string;

  // locale catalogs
  unknownLocale(name: string): string;
  unknownLocaleHint(builtins: readonly string[], near: string | undefined): string;
  localeFileNotFound(path: string): string;
  localeFileNotFoundHint: string;
  unknownCatalogPlaceholder(placeholder: string, field: string): string;
  unknownCatalogPlaceholderHint(allowed: readonly string[], near: string | undefined): string;
  incompleteCatalog(missing: readonly string[]): string;
  incompleteCatalogHint(builtins: readonly string[]): string;

  // values that cannot be, YAML that roledoc does not support, and file encodings
  encodingNamed(encoding: TextEncodingName): string;
  reopenAsUtf8Hint(encoding: TextEncodingName): string;
  utf32Hint(file: string, bigEndian: boolean): string;
  yamlTag(tag: string): string;
  yamlTagHint(tag: string): string;
  yamlMergeKey: string;
  yamlMergeKeyHint: string;
  yamlComplexKey(keyType: 'array' | 'object'): string;
  yamlComplexKeyHint: string;
  notFiniteNumberHint: string;
  blankText(field: string): string;
  blankTextHint: string;
  noSuchDate(field: string, value: string, year: number, month: number, days: number): string;
  noSuchDateHint: string;
  implausibleYear(field: string, value: string, earliest: number, latest: number): string;
  implausibleYearHint(earliest: number, latest: number): string;
  invisibleInRoleId(field: string, id: string, codePoints: readonly string[]): string;
  invisibleInRoleIdHint(id: string): string;

  // template images (logo) roledoc cannot print
  templateImageUnsupported(shownPath: string, kind: UnsupportedImageKind): string;
  templateImageUnsupportedHint: string;
  // the file system (harden-io): what is at a path that is not a file roledoc can read
  /** A noun phrase (or, for denied and too-large, a reason) for what is at a path; `limitBytes` for too-large. */
  pathProblem(problem: PathProblem, limitBytes?: number): string;
  unreadableRoleFile(what: string): string;
  unreadableRoleFileHint(problem: PathProblem): string;
  namedFileUnreadable(key: string, file: string, what: string): string;
  namedFileUnreadableHint: string;
  namedFolderNotFolder(key: string, dir: string, what: string): string;
  namedFolderNotFolderHint: string;
  badLintPattern(pattern: string, reason: string): string;
  badLintPatternHint: string;
}

/** The encodings roledoc recognises in a file that is not UTF-8, to name them and say how to convert. */
export type TextEncodingName = 'GB18030' | 'Shift_JIS' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

/** Well-formed images of a kind the PDF renderer cannot print correctly. */
export type UnsupportedImageKind =
  | 'png-interlaced-low-depth'
  | 'png-interlaced-narrow'
  | 'png-transparent-colour'
  | 'png-palette-transparency-low-depth'
  | 'png-palette-on-truecolour'
  | 'jpeg-coding'
  | 'jpeg-12-bit'
  | 'jpeg-colours';

/** Pattern-checked fields get their own explanation instead of a regular expression. */
export type PatternKind = 'id' | 'date' | 'currency' | 'color' | 'other';

function formatNumber(n: number): string {
  // From 1e21 on, String() writes an exponent (1e+23): a number too large is shown as written, in digits.
  if (Math.abs(n) >= 1e21) return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

function truncate(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

function valueType(value: unknown): JsonTypeName {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

const zhTypeNames: Record<JsonTypeName, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  array: '列表',
  object: '一组子项（键: 值）',
  boolean: 'true 或 false',
  null: '空值',
};

const enTypeNames: Record<JsonTypeName, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a set of sub-keys (key: value)',
  boolean: 'true or false',
  null: 'nothing',
};

const zhPatterns: Record<PatternKind, string> = {
  id: '只能由小写英文字母、数字和连字符 - 组成，以字母或数字开头，最多 64 个字符',
  date: '应写成“年-月”或“年-月-日”，例如 2014-09 或 2014-09-01',
  currency: '应是三个大写字母的货币代码，例如 CNY、USD',
  color: '应是六位十六进制颜色值，例如 C0392B',
  other: '格式不对',
};

const enPatterns: Record<PatternKind, string> = {
  id: 'may contain only lower-case letters, digits and hyphens, must start with a letter or digit, and be at most 64 characters',
  date: 'must be written as year-month or year-month-day, e.g. 2014-09 or 2014-09-01',
  currency: 'must be a three-letter currency code such as CNY or USD',
  color: 'must be a colour as six hexadecimal digits, e.g. C0392B',
  other: 'is not in the expected format',
};

/** What is at a path, as a noun phrase (harden-io). */
const megabytes = (bytes: number | undefined): string => formatNumber((bytes ?? 0) / 1048576);
const zhPathProblems: Record<PathProblem, (limit: number | undefined) => string> = {
  file: () => '一个文件',
  directory: () => '一个文件夹',
  fifo: () => '一个命名管道（FIFO）',
  device: () => '一个设备文件',
  socket: () => '一个套接字（socket）',
  other: () => '一个特殊文件',
  'broken-link': () => '一个指向不存在文件的链接',
  'link-loop': () => '一个绕圈的链接（一层层最终又指回自己）',
  missing: () => '不存在的路径',
  denied: () => '没有读取权限',
  'too-large': (limit) => `超过 ${megabytes(limit)} MB`,
};
const enPathProblems: Record<PathProblem, (limit: number | undefined) => string> = {
  file: () => 'a file',
  directory: () => 'a folder',
  fifo: () => 'a named pipe (FIFO)',
  device: () => 'a device file',
  socket: () => 'a socket',
  other: () => 'a special file',
  'broken-link': () => 'a link to a file that does not exist',
  'link-loop': () => 'a link that leads round in a circle',
  missing: () => 'nothing',
  denied: () => 'permission denied',
  'too-large': (limit) => `larger than ${megabytes(limit)} MB`,
};

const zhDidYouMean = (suggestion: string): string => `是不是想写 ${suggestion}？`;
const enDidYouMean = (suggestion: string): string => `Did you mean ${suggestion}?`;

/** Lists at most this many items in a sentence, then says how many more. */
const MAX_LISTED = 8;
const listed = (items: readonly string[], separator: string, more: (n: number) => string): string =>
  items.length <= MAX_LISTED ? items.join(separator) : `${items.slice(0, MAX_LISTED).join(separator)}${more(items.length - MAX_LISTED)}`;
const braces = (names: readonly string[]): string[] => names.map((name) => `{${name}}`);

/** How VS Code names each encoding in its "Reopen with Encoding" list, in each language. */
const zhVsCodeEncoding: Record<TextEncodingName, string> = {
  GB18030: '简体中文 (GBK)',
  Shift_JIS: '日语 (Shift JIS)',
  'UTF-16LE': 'UTF-16 LE',
  'UTF-16BE': 'UTF-16 BE',
  'UTF-32LE': 'UTF-32 LE',
  'UTF-32BE': 'UTF-32 BE',
};
const enVsCodeEncoding: Record<TextEncodingName, string> = {
  GB18030: 'Simplified Chinese (GBK)',
  Shift_JIS: 'Japanese (Shift JIS)',
  'UTF-16LE': 'UTF-16 LE',
  'UTF-16BE': 'UTF-16 BE',
  'UTF-32LE': 'UTF-32 LE',
  'UTF-32BE': 'UTF-32 BE',
};
/** A path as PowerShell reads it in single quotes, where a quote is written twice. */
const powerShellQuoted = (file: string): string => `'${file.replaceAll("'", "''")}'`;
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const zh: Messages = {
  typeName: (type) => zhTypeNames[type],
  describeValue(value) {
    const type = valueType(value);
    // YAML's .inf and .nan: not numbers an HR editor would recognise as such.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return Number.isNaN(value) ? '“.nan”（YAML 里表示“不是数字”）' : `“${value > 0 ? '' : '-'}.inf”（YAML 里表示${value > 0 ? '' : '负'}无穷大，不是一个具体的数）`;
    }
    if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') {
      return `${zhTypeNames[type]}「${truncate(String(value))}」`;
    }
    return zhTypeNames[type];
  },
  quote: (text) => `「${text}」`,
  itemOf: (label, index) => `${label}的第 ${index + 1} 项`,
  field: (label, key) => (label ? `「${label}」（${key}）` : `\`${key}\``),
  list: (items) => items.join('、'),
  didYouMean: zhDidYouMean,

  notUtf8: (guess) =>
    guess
      ? `文件不是 UTF-8 编码，看起来是 ${guess}（GBK）编码。`
      : '文件不是 UTF-8 编码，其中有无法识别的字节。',
  notUtf8Hint: '请把文件另存为 UTF-8 编码。在 VS Code 中：点击右下角状态栏的编码名称 → “通过编码保存” → 选择 “UTF-8”。',
  utf16: '文件是 UTF-16（Unicode）编码，roledoc 只读取 UTF-8。',
  emptyFile: '文件是空的，没有任何内容。',
  emptyFileHint: '请填写岗位信息（至少 id、title、department 和 responsibilities），或删除这个文件。',
  tooLarge: (size, limit) =>
    `文件太大（${(size / 1048576).toFixed(1)} MB），岗位文件最大 ${formatNumber(limit / 1048576)} MB。`,
  tooLargeHint: '一个岗位文件通常只有几 KB。请检查是否误把其他内容粘贴进了文件。',

  fullwidthColon: (key) => `“${key}”后面用了中文冒号“：”，YAML 只认英文冒号“:”。`,
  fullwidthColonHint: (key) => `切换到英文输入法，写成 ${key}: 值（冒号后面加一个空格）。`,
  labelWithFullwidthColon: (label, key) => `“${label}”这一项在岗位文件里写作英文键名 ${key}，后面跟英文冒号“:”，不是中文冒号“：”。`,
  labelWithFullwidthColonHint: (key, value) => `切换到英文输入法，把这一行写成 ${key}: ${value === '' ? '值' : value}（冒号后面加一个空格）。`,
  fullwidthSpace: '缩进里有中文全角空格（U+3000），YAML 只认英文空格。',
  fullwidthDash: (dash) => `列表项用了“${dash}”开头，YAML 只认英文减号加空格“- ”。`,
  dashWithoutSpace: '列表项的“-”后面少了一个空格。',
  fullwidthSpaceHint: '删掉行首的空白，切换到英文输入法后用空格键重新缩进。',
  fullwidthQuotes: '这个值两边是中文引号“ ”，它们会作为文字原样印在文档里。',
  fullwidthQuotesHint: '如果只是想给值加引号，请改用英文引号 "…"；如果确实要印出引号，可以忽略这条提醒。',

  yamlSyntax(code, parserMessage) {
    const plain: Record<string, string> = {
      BAD_INDENT: '这一行的缩进不对',
      TAB_AS_INDENT: '缩进里用了 Tab 键',
      MISSING_CHAR: '缺少需要的符号（例如冒号后的空格、结束的引号或括号）',
      MULTILINE_IMPLICIT_KEY: '键没有正确结束，可能少了冒号',
      BLOCK_AS_IMPLICIT_KEY: '键没有正确结束，可能少了冒号',
      UNEXPECTED_TOKEN: '这里出现了不该出现的内容',
      BAD_SCALAR_START: '值不能以这个符号开头',
      BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 组成了无效的转义',
      BLOCK_IN_FLOW: '方括号或花括号里不能换行写子项',
      KEY_OVER_1024_CHARS: '键太长了',
      BAD_ALIAS: '别名 * 引用了不存在的锚点',
      NON_STRING_KEY: '键必须是文字',
    };
    const text = plain[code];
    return text ? `YAML 格式错误：${text}。` : `YAML 格式错误（${parserMessage}）。`;
  },
  yamlSyntaxHint(code) {
    switch (code) {
      case 'MISSING_CHAR':
        return '引号、方括号 [ ] 和花括号 { } 要成对出现；如果值里有冒号或以引号开头，请给整个值加上英文引号。';
      case 'BAD_INDENT':
      case 'UNEXPECTED_TOKEN':
        return '检查这一行和上一行的缩进：同一层的键要左对齐，子项比上一级多缩进两个空格。';
      case 'TAB_AS_INDENT':
        return '缩进不能用 Tab 键，请改用空格。';
      case 'MULTILINE_IMPLICIT_KEY':
      case 'BLOCK_AS_IMPLICIT_KEY':
        return '可能少了冒号“:”，或者冒号后面少了空格；如果值里有冒号，请给整个值加上英文引号。';
      case 'BAD_SCALAR_START':
        return '以 * & ! @ ` % | > 等符号开头的文字需要用英文引号括起来，例如 "**重点**"。';
      case 'BAD_DQ_ESCAPE':
        return '双引号里的反斜杠要写成两个 \\\\；也可以去掉这个值两边的引号，或改用单引号 \'…\'。';
      default:
        return undefined;
    }
  },
  unclosedQuote: (quote, lastLine) => `这个引号 ${quote} 没有结束：从这里到第 ${lastLine} 行的内容，包括其中的键和列表项，都被当成了这一项的文字。`,
  unclosedQuoteHint: (quote) => `在这一项文字的末尾补上结束的英文引号 ${quote}，或者删掉开头的引号。`,
  yamlDuplicateKey: (key) => `键“${key}”在同一层写了两次。`,
  yamlDuplicateKeyHint: '删除其中一个，或把两处内容合并到一起。',
  yamlAliasLimit: (limit) => `文件里的别名（*名称）展开次数超过上限 ${limit}。`,
  yamlAliasLimitHint: '岗位文件不需要 YAML 别名。请直接写出内容，不要使用 & 和 *。',
  recursiveAlias: '这里的别名（*名称）引用了包含它自己的内容，会无限展开。',
  yamlMultipleDocuments: '一个文件里只能写一个岗位，这里出现了第二个文档分隔线“---”。',
  tooDeep: (max) => `这里的嵌套超过了 ${max} 层，岗位文件不会嵌套这么深。`,
  tooDeepHint: '检查方括号 [ ] 和花括号 { } 是否成对，以及缩进是否一层层越来越深。',
  overIndented: '这一行比上一行多缩进了，YAML 把它接在了上一行的后面。',
  overIndentedHint: '同一层的键要左对齐：删掉这一行开头多出来的空格。',
  starText: '以 * 开头的文字会被 YAML 当成“别名”，而不是普通文字。',
  mergedListItem: '这一行像是新的列表项，但它比上一项多缩进了，YAML 把它接在了上一项的末尾。',
  mergedListItemHint: '让这一行的“- ”和上一项的“- ”左对齐。',
  multilineText: '这段文字跨了多行，YAML 会把这几行连成一句（中间加一个空格）。',
  multilineTextHint: '如果是几条内容，请每条单独一行并以“- ”开头；如果是一段多行的话，请在冒号后写 | 再换行。',
  fullwidthCommaInList: '方括号里用了中文逗号“，”，这几项会被当成一项。',
  fullwidthCommaInListHint: '方括号里的各项要用英文逗号分隔，例如 [客服主管, 客服副经理]。',
  listDashHint: '列表的每一项单独一行，以“- ”开头。',
  splitIntoListHint: '把各项分开写成列表，例如 [客服主管, 客服副经理, 客服经理]。',

  unknownKey: (key, where) => `${where}中没有“${key}”这一项。`,
  unknownKeyHint: (allowed) => `可以写的项有：${allowed.join('、')}。`,
  missingKey: (field, where) => `${where}缺少必填项${field}。`,
  missingKeyHint: (key) => `请加上一行 ${key}: …`,
  wrongType: (field, expected, actual) => `${field}应该是${expected}，这里写的是${actual}。`,
  emptyValue: (field) => `${field}没有填写内容。`,
  emptyValueHint: '在冒号后面填上内容，或者删除这一行。',
  emptyItemHint: '在“- ”后面写上内容，或者删除这一行。',
  numberAsTextHint: (value) => `如果这是编号，请加上英文引号，写成 "${value}"，这样开头的 0 也不会丢。`,
  numberOnlyHint: (key, digits) => `只写数字，例如 ${key}: ${digits}`,
  rangeHint: (key, low, high, value) =>
    `${key === 'weight' ? '权重按百分比写（不带 %），' : ''}请写${low !== undefined && high !== undefined ? ` ${formatNumber(low)} 到 ${formatNumber(high)} 之间的数` : low !== undefined ? ` ${formatNumber(low)} 或更大的数` : ` ${formatNumber(high ?? 0)} 或更小的数`}。` +
    (value < 0 && (low ?? -1) >= 0 ? '这里不能是负数：去掉数字前面的“-”。' : ''),
  subKeysHint: (key, children) =>
    `在 ${key}: 下面另起一行、缩进两个空格，一行写一个子项，例如 ${children.slice(0, 2).map((child) => `${child}: …`).join(' 和 ')}；可以写的子项：${children.join('、')}。`,
  salaryRangeHint: (min, max) => `最低和最高分开写，只写数字：salary: { min: ${min}, max: ${max} }。`,
  listAsTextHint: (key) => `这一项写一段文字，不是列表：把各行合成一段写在 ${key}: 后面；要分行显示，就写 ${key}: | ，下面每行缩进两个空格，不用“- ”。`,
  // Values that hold 、 themselves (numbering styles such as 一、) are quoted, or the list cannot be read.
  notInEnum: (field, value, allowed) =>
    `${field}不能写“${value}”，只能是：${allowed.some((item) => /[、，]/.test(item)) ? allowed.map((item) => `“${item}”`).join(' ') : allowed.join('、')}。`,
  badPattern: (field, kind, value) => `${field}的值“${truncate(value)}”${zhPatterns[kind]}。`,
  badPatternHint: (kind) =>
    ({ id: 'id 用来命名输出文件和互相引用，例如 cs-supervisor。', date: '写成 2014-09 这样的格式：年份四位，月份两位，中间用减号。', currency: '人民币写 CNY，美元写 USD。', color: '红色写 C00000，深蓝写 1F4E79；可以从 Word 的“其他颜色”里抄“十六进制”值，不要加 #。加上引号更稳妥：\'C0392B\'。', other: undefined })[kind],
  tooFewItems: (field, min) => `${field}至少要写 ${min} 项。`,
  tooManyItems: (field, max) => `${field}最多只能写 ${max} 项。`,
  emptyText: (field) => `${field}不能是空文字。`,
  textTooLong: (field, max) => `${field}太长了，最多 ${max} 个字符。`,
  outOfRange(field, comparison, limit, value) {
    const words = { '>=': '不能小于', '<=': '不能大于', '>': '必须大于', '<': '必须小于' } as const;
    return `${field}${words[comparison]} ${formatNumber(limit)}，这里是 ${formatNumber(value)}。`;
  },
  duplicateItems: (field) => `${field}里有重复的项。`,
  schemaOther: (field, detail) => `${field}不符合要求：${detail}`,
  rootNotMapping: (actual) => `文件内容应该是一组“键: 值”，这里是${actual}。`,
  rootNotMappingHint: '每一行写成 键: 值，例如 title: 客服主管。',

  duplicateId: (id, others) => `岗位 id“${id}”重复了，${others.join('、')} 里也用了它。`,
  duplicateIdHint: '每个岗位的 id 必须唯一：请修改其中一个。',
  reservedId: (id) => `“${id}”是 Windows 保留的设备名，用作 id 时生成的 ${id}.pdf 在 Windows 上打不开。`,
  unknownOrderEntry: (entry) => `order 里的“${entry}”既不是哪个岗位的所属部门，也不是岗位 id，手册排序时会忽略它。`,
  unknownOrderEntryHint: 'order 里写部门名称（与岗位文件的 department 一致）或岗位 id。',
  handbookId: (id) => `“${id}”是合订本的文件名（${id}.pdf、${id}.docx），岗位不能用它作 id。`,
  reservedIdHint: '换一个 id，例如在前面加上部门缩写。',
  unknownRole: (field, id) => `${field}写的“${id}”像是一个岗位 id，但没有这个岗位。`,
  unknownRoleHint: '如果要写的是岗位名称而不是 id，请写中文名称（例如 部门经理），或用带空格、大写字母的文字。',
  reportsToCycle: (chain) => `直接上级形成了循环：${chain.join(' → ')}。`,
  reportsToCycleHint: '汇报关系必须是一棵树：检查这些岗位的 reports_to，去掉其中一处。',
  kpiWeightsSum: (sum) => `考核KPI指标的权重加起来是 ${formatNumber(sum)}，应该正好是 100。`,
  kpiWeightsSumHint: '调整各项 weight，使总和为 100；或者全部不写权重。',
  missingGlyph: (char, codePoint) => `PDF 字体里没有“${char}”（${codePoint}）这个字，PDF 中会显示成方框。`,
  contentsUnpaged: (problem) => `读不了 PDF 字体，合订本 handbook.docx 的目录没有页码（Word 打开时会补上，LibreOffice 和 WPS 不会）：${problem}`,
  contentsUnpagedHint: '在 roledoc.config.yaml 的 fonts 中换一个能读的字体文件，或删掉 fonts，使用内置的中文字体。',
  missingGlyphHint: '换一个常用字写法，或在 roledoc.config.yaml 的 fonts 中指定包含这个字的字体。',
  controlCharacters: (codePoints) => `这段文字里有文档不能包含的控制字符（${codePoints.join('、')}），生成文档时已去掉。`,
  controlCharactersHint: '这种字符通常是从别的软件复制粘贴带进来的：删掉后重新输入这段文字即可。',
  pathOutsideProject: (key, value) => `${key} 的路径“${value}”指到了项目文件夹之外。`,
  pathOutsideProjectHint: '相对路径必须留在项目文件夹里；确实要用项目外的位置，请写绝对路径。',
  outsideProject: '这个文件其实在项目文件夹之外（符号链接或 .. 路径），没有读取。',
  outsideProjectHint: '把岗位文件放进项目的岗位目录里，不要用指向别处的链接。',

  templateFileMissing: (key, shownPath) => `${key} 指向的文件 ${shownPath} 不存在。`,
  templateFileMissingHint: '路径相对模板所在的文件夹（template.yaml 旁边）；检查文件名和大小写，或把文件放到那里。',
  templateImageUnreadable: (shownPath) => `${shownPath} 不是可读的 PNG 或 JPEG 图片。`,
  templateImageUnreadableHint: '用图片软件把标志另存为 PNG 或 JPEG；只改文件扩展名是不行的。',
  templateImageTooLarge: (shownPath, maxSide, maxMegabytes) => `${shownPath} 太大：标志最多 ${maxSide}×${maxSide} 像素、${maxMegabytes} MB。`,
  templateImageTooLargeHint: '标志只印几厘米宽：用图片软件把它缩小到 1000 像素左右再另存。',
  templateFontUnreadable: (shownPath, reason) => `${shownPath} 不是可读的字体文件（${reason}）。`,
  templateFontUnreadableHint: '写 .ttf 或 .otf 字体文件的路径；字体文件可以从字体的官方网站或 npm 包获得。',
  templateFontCollection: (shownPath) => `${shownPath} 是字体集（.ttc），模板里只能写单个字体文件。`,
  templateFontCollectionHint: '写 .ttf 或 .otf 文件；要用 .ttc 中的某个字体，请在 roledoc.config.yaml 的 fonts 中写 path 和 face。',
  templatePathOutside: (shownPath) => `${shownPath} 在项目文件夹之外，别的电脑和 CI 上可能没有这个文件。`,
  templatePathOutsideHint: '把文件复制到模板文件夹里，用相对路径引用它。',
  templateNotFound: (name) => `找不到模板“${name}”。`,
  templateNotFoundHint: (available) => `可用的模板：${available.join('、')}；也可以写项目中包含 template.yaml 的文件夹路径。`,
  duplicateSection: (section) => `章节 ${section} 在 sections 中出现了不止一次，文档里会印两遍。`,
  duplicateSectionHint: '每个章节只列一次；要隐藏章节，把它从列表中删除或写进 hide。',
  strayBrace: '这里有不成对的 { 或 }，它会原样印在文档上。',
  strayBraceHint: '占位符写成 {organization} 这样，一对大括号中间是名称。',
  unknownPagePlaceholder: (placeholder) => `没有 {${placeholder}} 这个占位符，它会原样印在文档上。`,
  unknownPagePlaceholderHint: (allowed) => `可用的占位符：${allowed.map((name) => `{${name}}`).join('、')}。`,

  rootLabel: '岗位文件',
  configLabel: '项目配置',
  templateLabel: '模板',
  localeLabel: '语言文件',
  // locale catalogs
  unknownLocale: (name) => `没有“${name}”这种语言。`,
  unknownLocaleHint: (builtins, near) =>
    `${near ? zhDidYouMean(near) : ''}写内置语言（${builtins.join('、')}），或项目中语言文件的路径（以 .yaml 或 .yml 结尾，相对于项目根目录）。`,
  localeFileNotFound: (path) => `找不到语言文件 ${path}。`,
  localeFileNotFoundHint: '路径相对于项目根目录（roledoc.config.yaml 所在的文件夹）；检查文件名和大小写。',
  unknownCatalogPlaceholder: (placeholder, field) => `${field}中没有 {${placeholder}} 这个占位符，它会原样印在文档上。`,
  unknownCatalogPlaceholderHint: (allowed, near) =>
    `${near ? zhDidYouMean(`{${near}}`) : ''}${allowed.length === 0 ? '这一项不能用占位符。' : `这里能用的占位符：${braces(allowed).join('、')}。`}`,
  incompleteCatalog: (missing) => `语言文件没有写 extends，所以每一项都要写全；现在缺少 ${missing.length} 项：${listed(missing, '、', (n) => ` 等（还有 ${n} 项）`)}。`,
  incompleteCatalogHint: (builtins) => `在文件开头写上 extends: ${builtins[0] ?? 'zh-CN'}（或 ${builtins.slice(1).join('、')}），就只需写要改的项，其余沿用内置语言。`,

  // values that cannot be, YAML that roledoc does not support, and file encodings
  encodingNamed: (encoding) =>
    ({
      GB18030: '文件不是 UTF-8 编码，看起来是 GB18030（GBK）编码。',
      Shift_JIS: '文件不是 UTF-8 编码，看起来是 Shift-JIS（日文）编码。',
      'UTF-16LE': '文件是 UTF-16 LE 编码（开头没有字节顺序标记），roledoc 只读取 UTF-8。',
      'UTF-16BE': '文件是 UTF-16 BE 编码（开头没有字节顺序标记），roledoc 只读取 UTF-8。',
      'UTF-32LE': '文件是 UTF-32 编码，roledoc 只读取 UTF-8。',
      'UTF-32BE': '文件是 UTF-32 BE 编码，roledoc 只读取 UTF-8。',
    })[encoding],
  reopenAsUtf8Hint: (encoding) =>
    `先让编辑器按原来的编码打开，再另存为 UTF-8，否则文字会变成乱码。在 VS Code 中：点击右下角状态栏的编码名称 → “通过编码重新打开” → 选择 “${zhVsCodeEncoding[encoding]}”；再点击编码名称 → “通过编码保存” → 选择 “UTF-8”。`,
  utf32Hint: (file, bigEndian) =>
    `常用的编辑器大多打不开 UTF-32。在 Windows 上可以在项目文件夹里打开 PowerShell，运行：(Get-Content -Encoding ${bigEndian ? 'BigEndianUTF32' : 'UTF32'} ${powerShellQuoted(file)}) | Set-Content -Encoding UTF8 ${powerShellQuoted(file)}`,
  yamlTag: (tag) => `这里的“${tag}”是 YAML 的类型标签，roledoc 不支持标签。`,
  yamlTagHint: (tag) => `删掉“${tag}”。如果 ! 本来就是文字的一部分，请给整个值加上英文引号。`,
  yamlMergeKey: 'roledoc 不支持 YAML 的合并键“<<”（把别处的内容并进来）。',
  yamlMergeKeyHint: '把需要的各项直接写在这里，不要使用 <<、& 和 *。',
  yamlComplexKey: (keyType) => `这里的键是一个${keyType === 'array' ? '列表' : '映射'}，而键只能是文字，例如 title。`,
  yamlComplexKeyHint: '用不到以“?”开头的复杂键：每一行写成 键: 值，例如 title: 客服主管。',
  notFiniteNumberHint: '写一个具体的数字，例如 4。.inf（无穷大）和 .nan（不是数字）是 YAML 的特殊值。',
  blankText: (field) => `${field}只有空格或看不见的字符（例如全角空格、零宽空格），文档里会是一片空白。`,
  blankTextHint: '写上内容，或者删掉这一项。',
  noSuchDate: (field, value, year, month, days) => `${field}的日期“${value}”不存在：${year}年${month}月只有 ${days} 天。`,
  noSuchDateHint: '检查日期中的“日”；只知道年月时可以只写年月，例如 2014-09。',
  implausibleYear: (field, value, earliest, latest) => `${field}“${truncate(value)}”的年份不对：应在 ${earliest} 年到 ${latest} 年之间。`,
  implausibleYearHint: (earliest, latest) => `写成 2014-09 这样的格式：四位年份（${earliest}–${latest}）、两位月份，中间用减号。`,
  invisibleInRoleId: (field, id, codePoints) => `${field}写的“${id}”里夹着看不见的字符（${codePoints.join('、')}），所以它不会链接到岗位。`,
  invisibleInRoleIdHint: (id) => `是不是想写 ${id}？删掉这个值，重新输入即可去掉看不见的字符。`,
  // template images (logo) roledoc cannot print
  templateImageUnsupported: (shownPath, kind) => `${shownPath} 是 roledoc 无法印进 PDF 的图片：${zhImageKinds[kind]}。`,
  templateImageUnsupportedHint: '用图片软件把标志另存为普通的 PNG（24 位，或带透明度的 32 位，不要隔行扫描）或普通的 JPEG；压缩图片的工具有时会生成这类文件。',
  // the file system (harden-io)
  pathProblem: (problem, limit) => zhPathProblems[problem](limit),
  unreadableRoleFile: (what) => `这个岗位文件是${what}，不是普通文件，没有读取。`,
  unreadableRoleFileHint: (problem) =>
    problem === 'broken-link' || problem === 'link-loop'
      ? '恢复链接指向的文件，或删除这个链接。'
      : problem === 'denied'
        ? '让运行 roledoc 的用户能读取这个文件，或把它移出岗位目录。'
        : '岗位目录里只放普通的 .yaml 文件；把这个移走或删除。',
  namedFileUnreadable: (key, file, what) => `${key} 指向的 ${file} 是${what}，不是普通文件。`,
  namedFileUnreadableHint: '这里要写一个普通文件的路径（字体、图片或 .yaml 文件），不能是文件夹、设备或管道。',
  badLintPattern: (pattern, reason) => `lint.phrases 里的“${pattern}”不是正确的正则表达式：${reason}`,
  badLintPatternHint: '检查括号和反斜杠是否成对；只想找一个词时，直接写这个词即可（特殊字符前加 \\）。',
  namedFolderNotFolder: (key, dir, what) => `${key} 指向的 ${dir} 是${what}，不是文件夹。`,
  namedFolderNotFolderHint: '写一个文件夹的路径（还不存在也可以，构建时会新建），或把挡在那里的文件移走。',
};

const en: Messages = {
  typeName: (type) => enTypeNames[type],
  describeValue(value) {
    const type = valueType(value);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return Number.isNaN(value) ? ".nan (YAML's word for \"not a number\")" : `${value > 0 ? '' : '-'}.inf (YAML's word for ${value > 0 ? '' : 'minus '}infinity, not an actual number)`;
    }
    if (type === 'string') return `the text "${truncate(String(value))}"`;
    if (type === 'integer' || type === 'number' || type === 'boolean') return `${String(value)}`;
    return enTypeNames[type];
  },
  quote: (text) => `"${text}"`,
  itemOf: (label, index) => `Item ${index + 1} of ${label}`,
  field: (label, key) => (label ? `${label} (\`${key}\`)` : `\`${key}\``),
  list: (items) => items.join(', '),
  didYouMean: enDidYouMean,

  notUtf8: (guess) =>
    guess
      ? `The file is not UTF-8; it looks like ${guess} (GBK).`
      : 'The file is not UTF-8: it contains bytes that are not valid UTF-8.',
  notUtf8Hint: 'Save the file as UTF-8. In VS Code: click the encoding in the status bar → "Save with Encoding" → "UTF-8".',
  utf16: 'The file is UTF-16 ("Unicode"); roledoc reads UTF-8 only.',
  emptyFile: 'The file is empty.',
  emptyFileHint: 'Fill in the role (at least id, title, department and responsibilities), or delete the file.',
  tooLarge: (size, limit) =>
    `The file is too large (${(size / 1048576).toFixed(1)} MB); a role file may be at most ${formatNumber(limit / 1048576)} MB.`,
  tooLargeHint: 'A role file is usually a few KB. Check that nothing else was pasted into it.',

  fullwidthColon: (key) => `"${key}" is followed by a full-width colon "："; YAML needs an ASCII colon ":".`,
  fullwidthColonHint: (key) => `Switch to the English keyboard and write ${key}: value (with a space after the colon).`,
  labelWithFullwidthColon: (label, key) => `"${label}" is written as the key ${key} in a role file, followed by an ASCII colon ":", not a full-width "：".`,
  labelWithFullwidthColonHint: (key, value) => `Switch to the English keyboard and write the line as ${key}: ${value === '' ? 'value' : value} (with a space after the colon).`,
  fullwidthSpace: 'The indentation contains a full-width space (U+3000); YAML needs ordinary spaces.',
  fullwidthDash: (dash) => `This list item starts with "${dash}"; YAML needs an ASCII dash and a space: "- ".`,
  dashWithoutSpace: 'The "-" of this list item needs a space after it.',
  fullwidthSpaceHint: 'Delete the blank space at the start of the line and indent again with the English keyboard.',
  fullwidthQuotes: 'This value is wrapped in full-width quotes “ ”; they will be printed as part of the text.',
  fullwidthQuotesHint: 'To quote a value, use ASCII quotes "…". If the quotes should be printed, ignore this warning.',

  yamlSyntax: (_code, parserMessage) => `YAML syntax error: ${parserMessage}`,
  yamlSyntaxHint(code) {
    switch (code) {
      case 'MISSING_CHAR':
        return 'Quotes, brackets [ ] and braces { } come in pairs; if a value contains a colon or starts with a quote, quote the whole value.';
      case 'BAD_INDENT':
      case 'UNEXPECTED_TOKEN':
        return 'Check the indentation of this line and the one above: keys at one level line up, children are indented two more spaces.';
      case 'TAB_AS_INDENT':
        return 'Indent with spaces, not tabs.';
      case 'MULTILINE_IMPLICIT_KEY':
      case 'BLOCK_AS_IMPLICIT_KEY':
        return 'A colon ":" may be missing, or the space after it; if the value contains a colon, put the whole value in quotes.';
      case 'BAD_SCALAR_START':
        return 'Text that starts with * & ! @ ` % | > must be quoted, e.g. "**important**".';
      case 'BAD_DQ_ESCAPE':
        return "Inside double quotes a backslash is written twice, \\\\; or remove the quotes around the value, or use single quotes '…'.";
      default:
        return undefined;
    }
  },
  unclosedQuote: (quote, lastLine) => `This quote ${quote} is never closed: everything from here to line ${lastLine}, keys and list items included, was read as this value's text.`,
  unclosedQuoteHint: (quote) => `Add the closing ASCII quote ${quote} at the end of this value's text, or remove the opening quote.`,
  yamlDuplicateKey: (key) => `The key "${key}" appears twice at the same level.`,
  yamlDuplicateKeyHint: 'Delete one of them, or merge the two.',
  yamlAliasLimit: (limit) => `The file expands aliases (*name) more than ${limit} times.`,
  yamlAliasLimitHint: 'Role files need no YAML aliases: write the content out instead of using & and *.',
  recursiveAlias: 'An alias (*name) here refers to content that contains it, so it would expand forever.',
  yamlMultipleDocuments: 'A file holds one role, but a second document separator "---" appears here.',
  tooDeep: (max) => `The file nests more than ${max} levels deep here; no role file nests that deep.`,
  tooDeepHint: 'Check that brackets [ ] and braces { } are closed, and that the indentation does not keep growing.',
  overIndented: 'This line is indented further than the line above, so YAML reads it as the end of that line.',
  overIndentedHint: 'Keys at one level line up: delete the extra spaces at the start of this line.',
  starText: 'Text that starts with * is read by YAML as an alias, not as text.',
  mergedListItem: 'This line looks like a new list item, but it is indented further than the item above, so YAML glues it onto that item.',
  mergedListItemHint: 'Line up the "- " of this line with the "- " of the item above.',
  multilineText: 'This text runs over several lines; YAML joins them into one sentence (with a space between).',
  multilineTextHint: 'For several entries, write each on its own line starting with "- "; for a paragraph, write | after the colon and start the text on the next line.',
  fullwidthCommaInList: 'A full-width comma "，" inside [ ] does not separate entries: these become one entry.',
  fullwidthCommaInListHint: 'Separate the entries with ASCII commas, e.g. [Supervisor, Manager].',
  listDashHint: 'Write each entry on its own line, starting with "- ".',
  splitIntoListHint: 'Write the entries as a list, e.g. [Supervisor, Deputy Manager, Manager].',

  unknownKey: (key, where) => `${where} has no item called "${key}".`,
  unknownKeyHint: (allowed) => `Allowed here: ${allowed.join(', ')}.`,
  missingKey: (field, where) => `${where} is missing the required ${field}.`,
  missingKeyHint: (key) => `Add a line ${key}: …`,
  wrongType: (field, expected, actual) => `${field} must be ${expected}, but here it is ${actual}.`,
  emptyValue: (field) => `${field} is empty.`,
  emptyValueHint: 'Write a value after the colon, or delete the line.',
  emptyItemHint: 'Write something after the "- ", or delete the line.',
  numberAsTextHint: (value) => `If this is a code, put it in quotes: "${value}" (this also keeps leading zeros).`,
  numberOnlyHint: (key, digits) => `Write the number only, e.g. ${key}: ${digits}`,
  rangeHint: (key, low, high, value) =>
    `${key === 'weight' ? 'A weight is a percentage, written without %: w' : 'W'}rite a number${low !== undefined && high !== undefined ? ` from ${formatNumber(low)} to ${formatNumber(high)}` : low !== undefined ? ` of ${formatNumber(low)} or more` : ` of ${formatNumber(high ?? 0)} or less`}.` +
    (value < 0 && (low ?? -1) >= 0 ? ' It cannot be negative: remove the "-" before the number.' : ''),
  subKeysHint: (key, children) =>
    `Under ${key}:, write one sub-key per line, indented two spaces, e.g. ${children.slice(0, 2).map((child) => `${child}: …`).join(' and ')}; the sub-keys are ${children.join(', ')}.`,
  salaryRangeHint: (min, max) => `Write the lowest and highest as numbers: salary: { min: ${min}, max: ${max} }.`,
  listAsTextHint: (key) => `This is one text, not a list: join the lines into one after ${key}:; to keep line breaks, write ${key}: | and indent each line two spaces below it, without "- ".`,
  notInEnum: (field, value, allowed) => `${field} cannot be "${value}"; it must be one of: ${allowed.join(', ')}.`,
  badPattern: (field, kind, value) => `${field} "${truncate(value)}" ${enPatterns[kind]}.`,
  badPatternHint: (kind) =>
    ({
      id: 'The id names the output files and is how roles refer to each other, e.g. cs-supervisor.',
      date: 'Write it like 2014-09: a four-digit year, a two-digit month, joined by a hyphen.',
      currency: 'Use the ISO code: CNY for yuan, USD for US dollars.',
      color: "Red is C00000, dark blue 1F4E79 — Word's More Colours dialog shows the hex value; leave out the #. Quoting it is safest: 'C0392B'.",
      other: undefined,
    })[kind],
  tooFewItems: (field, min) => `${field} needs at least ${min} item${min === 1 ? '' : 's'}.`,
  tooManyItems: (field, max) => `${field} may have at most ${max} items.`,
  emptyText: (field) => `${field} must not be empty text.`,
  textTooLong: (field, max) => `${field} is too long: at most ${max} characters.`,
  outOfRange(field, comparison, limit, value) {
    const words = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' } as const;
    return `${field} must be ${words[comparison]} ${formatNumber(limit)}, but here it is ${formatNumber(value)}.`;
  },
  duplicateItems: (field) => `${field} contains the same item twice.`,
  schemaOther: (field, detail) => `${field} is not valid: ${detail}`,
  rootNotMapping: (actual) => `The file must be a mapping of "key: value" lines, but it is ${actual}.`,
  rootNotMappingHint: 'Write one key: value per line, e.g. title: Customer Service Supervisor.',

  duplicateId: (id, others) => `The role id "${id}" is used more than once; also in ${others.join(', ')}.`,
  duplicateIdHint: 'Every role needs its own id: change one of them.',
  reservedId: (id) => `"${id}" is a device name Windows reserves: its documents (${id}.pdf) could not be opened there.`,
  unknownOrderEntry: (entry) => `"${entry}" in order is neither the department of any role nor a role id; the handbook order ignores it.`,
  unknownOrderEntryHint: 'List department names (as the roles write department) or role ids under order.',
  handbookId: (id) => `"${id}" is the file name of the handbook (${id}.pdf, ${id}.docx): a role cannot use it as its id.`,
  reservedIdHint: 'Choose another id, e.g. with a department prefix.',
  unknownRole: (field, id) => `${field} "${id}" looks like a role id, but no role has that id.`,
  unknownRoleHint: 'If you meant a title rather than an id, write it with capitals or spaces (e.g. Department Manager).',
  reportsToCycle: (chain) => `The reporting line goes round in a circle: ${chain.join(' → ')}.`,
  reportsToCycleHint: 'Reporting lines must form a tree: change reports_to in one of these roles.',
  kpiWeightsSum: (sum) => `The KPI weights add up to ${formatNumber(sum)}; they must add up to exactly 100.`,
  kpiWeightsSumHint: 'Adjust the weights so that they total 100, or leave all weights out.',
  missingGlyph: (char, codePoint) => `The PDF font has no glyph for "${char}" (${codePoint}); the PDF would show a box.`,
  contentsUnpaged: (problem) => `The PDF fonts cannot be read, so the contents of handbook.docx have no page numbers (Word fills them in when it opens the file; LibreOffice and WPS do not): ${problem}`,
  contentsUnpagedHint: 'Name a font file that can be read under fonts in roledoc.config.yaml, or remove fonts to use the bundled CJK faces.',
  missingGlyphHint: 'Use a more common character, or name a font that has it under fonts in roledoc.config.yaml.',
  controlCharacters: (codePoints) => `This text contains control characters a document cannot hold (${codePoints.join(', ')}); they are left out of the documents.`,
  controlCharactersHint: 'They usually come in with text pasted from another program: delete the text and type it again.',
  pathOutsideProject: (key, value) => `The ${key} path "${value}" leads outside the project folder.`,
  pathOutsideProjectHint: 'A relative path must stay inside the project; to use a place outside it on purpose, write an absolute path.',
  outsideProject: 'This file is really outside the project folder (a symlink or a .. path), so it was not read.',
  outsideProjectHint: "Keep role files in the project's roles folder, not links to elsewhere.",

  templateFileMissing: (key, shownPath) => `The file ${shownPath} named by ${key} does not exist.`,
  templateFileMissingHint: "Paths are relative to the template's folder (next to template.yaml); check the name and its case, or put the file there.",
  templateImageUnreadable: (shownPath) => `${shownPath} is not a readable PNG or JPEG image.`,
  templateImageUnreadableHint: 'Save the logo as PNG or JPEG from an image program; renaming the file is not enough.',
  templateImageTooLarge: (shownPath, maxSide, maxMegabytes) => `${shownPath} is too large: a logo may be at most ${maxSide}×${maxSide} pixels and ${maxMegabytes} MB.`,
  templateImageTooLargeHint: 'A logo is printed a few centimetres wide: resize it to about 1000 pixels in an image program.',
  templateFontUnreadable: (shownPath, reason) => `${shownPath} is not a readable font file (${reason}).`,
  templateFontUnreadableHint: 'Name a .ttf or .otf font file.',
  templateFontCollection: (shownPath) => `${shownPath} is a font collection (.ttc); a template names single font files only.`,
  templateFontCollectionHint: 'Name a .ttf or .otf file; to use a face of a .ttc, give its path and face under fonts in roledoc.config.yaml.',
  templatePathOutside: (shownPath) => `${shownPath} is outside the project folder; other computers and CI may not have it.`,
  templatePathOutsideHint: 'Copy the file into the template folder and name it by a relative path.',
  templateNotFound: (name) => `There is no template "${name}".`,
  templateNotFoundHint: (available) => `Templates: ${available.join(', ')}; or the path of a project folder holding template.yaml.`,
  duplicateSection: (section) => `The section ${section} is listed more than once in sections; the documents would show it twice.`,
  duplicateSectionHint: 'List each section once; to hide one, leave it out or name it under hide.',
  strayBrace: 'There is a { or } without its pair here; it would be printed as it is.',
  strayBraceHint: 'A placeholder is a name between a pair of braces, like {organization}.',
  unknownPagePlaceholder: (placeholder) => `There is no placeholder {${placeholder}}; it would be printed as it is.`,
  unknownPagePlaceholderHint: (allowed) => `Placeholders: ${allowed.map((name) => `{${name}}`).join(', ')}.`,

  rootLabel: 'The role file',
  configLabel: 'The project configuration',
  templateLabel: 'The template',
  localeLabel: 'The locale catalog',
  // locale catalogs
  unknownLocale: (name) => `There is no locale "${name}".`,
  unknownLocaleHint: (builtins, near) =>
    `${near ? `${enDidYouMean(near)} ` : ''}Name a built-in locale (${builtins.join(', ')}) or the path of a catalog file of the project (ending .yaml or .yml, relative to the project root).`,
  localeFileNotFound: (path) => `The locale catalog ${path} does not exist.`,
  localeFileNotFoundHint: 'The path is relative to the project root (the folder of roledoc.config.yaml); check the name and its case.',
  unknownCatalogPlaceholder: (placeholder, field) => `${field} has no placeholder {${placeholder}}; it would be printed as it is.`,
  unknownCatalogPlaceholderHint: (allowed, near) =>
    `${near ? `${enDidYouMean(`{${near}}`)} ` : ''}${allowed.length === 0 ? 'This key takes no placeholders.' : `Placeholders here: ${braces(allowed).join(', ')}.`}`,
  incompleteCatalog: (missing) =>
    `The locale catalog has no extends, so it must set every key; ${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing: ${listed(missing, ', ', (n) => ` and ${n} more`)}.`,
  incompleteCatalogHint: (builtins) => `Add extends: ${builtins[1] ?? 'en'} (or ${[builtins[0], ...builtins.slice(2)].join(', ')}) at the top to write only what differs and keep the rest of a built-in locale.`,

  // values that cannot be, YAML that roledoc does not support, and file encodings
  encodingNamed: (encoding) =>
    ({
      GB18030: 'The file is not UTF-8; it looks like GB18030 (GBK).',
      Shift_JIS: 'The file is not UTF-8; it looks like Shift-JIS (Japanese).',
      'UTF-16LE': 'The file is UTF-16 LE (without a byte-order mark); roledoc reads UTF-8 only.',
      'UTF-16BE': 'The file is UTF-16 BE (without a byte-order mark); roledoc reads UTF-8 only.',
      'UTF-32LE': 'The file is UTF-32; roledoc reads UTF-8 only.',
      'UTF-32BE': 'The file is UTF-32 BE; roledoc reads UTF-8 only.',
    })[encoding],
  reopenAsUtf8Hint: (encoding) =>
    `Have the editor open it in its own encoding first, then save it as UTF-8, or the text turns to gibberish. In VS Code: click the encoding in the status bar → "Reopen with Encoding" → "${enVsCodeEncoding[encoding]}"; then click it again → "Save with Encoding" → "UTF-8".`,
  utf32Hint: (file, bigEndian) =>
    `Most editors cannot open UTF-32. On Windows, open PowerShell in the project folder and run: (Get-Content -Encoding ${bigEndian ? 'BigEndianUTF32' : 'UTF32'} ${powerShellQuoted(file)}) | Set-Content -Encoding UTF8 ${powerShellQuoted(file)}`,
  yamlTag: (tag) => `"${tag}" here is a YAML type tag; roledoc does not support tags.`,
  yamlTagHint: (tag) => `Delete "${tag}". If the ! belongs to the text, put the whole value in quotes.`,
  yamlMergeKey: 'roledoc does not support YAML merge keys "<<" (which pull in content from elsewhere).',
  yamlMergeKeyHint: 'Write the keys out here instead; do not use <<, & or *.',
  yamlComplexKey: (keyType) => `This key is ${keyType === 'array' ? 'a list' : 'a mapping'}, but keys are words, such as title.`,
  yamlComplexKeyHint: 'Complex keys starting with "?" are never needed: write one key: value per line, e.g. title: Supervisor.',
  notFiniteNumberHint: 'Write an actual number, e.g. 4. .inf (infinity) and .nan (not a number) are special values in YAML.',
  blankText: (field) => `${field} has only spaces or invisible characters (such as full-width or zero-width spaces): it would be blank in the documents.`,
  blankTextHint: 'Write the text, or delete this entry.',
  noSuchDate: (field, value, year, month, days) => `${field} "${value}" is not a real date: ${EN_MONTHS[month - 1] ?? month} ${year} has ${days} days.`,
  noSuchDateHint: 'Check the day; if only the month is known, write the year and month alone, e.g. 2014-09.',
  implausibleYear: (field, value, earliest, latest) => `${field} "${truncate(value)}" has an impossible year: it must be between ${earliest} and ${latest}.`,
  implausibleYearHint: (earliest, latest) => `Write it like 2014-09: a four-digit year (${earliest}–${latest}), a two-digit month, joined by a hyphen.`,
  invisibleInRoleId: (field, id, codePoints) => `${field} "${id}" contains invisible characters (${codePoints.join(', ')}), so it does not link to a role.`,
  invisibleInRoleIdHint: (id) => `Did you mean ${id}? Delete the value and type it again to get rid of the invisible characters.`,
  // template images (logo) roledoc cannot print
  templateImageUnsupported: (shownPath, kind) => `${shownPath} is a kind of image roledoc cannot print in a PDF: ${enImageKinds[kind]}.`,
  templateImageUnsupportedHint:
    'Save the logo again as an ordinary PNG (24-bit, or 32-bit with transparency, not interlaced) or an ordinary JPEG in an image program; tools that shrink images sometimes write such files.',
  // the file system (harden-io)
  pathProblem: (problem, limit) => enPathProblems[problem](limit),
  unreadableRoleFile: (what) => `This role file is ${what}, not a regular file; it was not read.`,
  unreadableRoleFileHint: (problem) =>
    problem === 'broken-link' || problem === 'link-loop'
      ? 'Restore the file the link points to, or delete the link.'
      : problem === 'denied'
        ? 'Let the user who runs roledoc read this file, or move it out of the roles folder.'
        : 'Keep only plain .yaml files in the roles folder; move this one away or delete it.',
  namedFileUnreadable: (key, file, what) => `${key} names ${file}, which is ${what}, not a regular file.`,
  namedFileUnreadableHint: 'Name a regular file here (a font, an image or a .yaml file), not a folder, a device or a pipe.',
  badLintPattern: (pattern, reason) => `"${pattern}" in lint.phrases is not a valid regular expression: ${reason}`,
  badLintPatternHint: 'Check that brackets and backslashes pair up; to find a word, write the word (with \\ before special characters).',
  namedFolderNotFolder: (key, dir, what) => `${key} names ${dir}, which is ${what}, not a folder.`,
  namedFolderNotFolderHint: 'Name a folder (one that does not exist yet is made by the build), or move what is in the way.',
};

const catalogs: Record<Lang, Messages> = { 'zh-CN': zh, en };

export function messagesFor(lang: Lang): Messages {
  return catalogs[lang];
}

// template images (logo) roledoc cannot print: what each kind is called
const zhImageKinds: Record<UnsupportedImageKind, string> = {
  'png-interlaced-low-depth': '隔行扫描（interlaced）且每个样本不足 8 位的 PNG',
  'png-interlaced-narrow': '宽度不足 5 像素的隔行扫描（interlaced）PNG',
  'png-transparent-colour': '用 tRNS 把某一种颜色设为透明的灰度或 RGB PNG',
  'png-palette-transparency-low-depth': '带透明度、每个像素不足 8 位的调色板 PNG',
  'png-palette-on-truecolour': '带建议调色板（PLTE）的真彩色 PNG',
  'jpeg-coding': '无损、算术编码或分层编码的 JPEG',
  'jpeg-12-bit': '每个样本 12 位的 JPEG',
  'jpeg-colours': '颜色分量既不是灰度、RGB 也不是 CMYK 的 JPEG',
};

const enImageKinds: Record<UnsupportedImageKind, string> = {
  'png-interlaced-low-depth': 'an interlaced PNG of fewer than 8 bits a sample',
  'png-interlaced-narrow': 'an interlaced PNG less than 5 pixels wide',
  'png-transparent-colour': 'a grey or RGB PNG that makes one colour transparent (tRNS)',
  'png-palette-transparency-low-depth': 'a palette PNG with transparency and fewer than 8 bits a pixel',
  'png-palette-on-truecolour': 'a true-colour PNG carrying a suggested palette (PLTE)',
  'jpeg-coding': 'a lossless, arithmetic-coded or hierarchical JPEG',
  'jpeg-12-bit': 'a JPEG of 12 bits a sample',
  'jpeg-colours': 'a JPEG whose colour components are not grey, RGB or CMYK',
};
