/** What roledoc says about locale catalogs, in the languages of its messages. */
import type { Lang } from './lang.js';

export interface LocaleMessages {
  /** What a file of this kind is called in a sentence: 语言文件 / The locale catalog. */
  readonly localeLabel: string;
  unknownLocale(name: string): string;
  unknownLocaleHint(builtins: readonly string[], near: string | undefined): string;
  localeFileNotFound(path: string): string;
  localeFileNotFoundHint: string;
  unknownPlaceholder(placeholder: string, field: string): string;
  unknownPlaceholderHint(allowed: readonly string[], near: string | undefined): string;
  incomplete(missing: readonly string[]): string;
  incompleteHint(builtins: readonly string[]): string;
}

const MAX_LISTED = 8;
const listed = (items: readonly string[], separator: string, more: (n: number) => string): string =>
  items.length <= MAX_LISTED ? items.join(separator) : `${items.slice(0, MAX_LISTED).join(separator)}${more(items.length - MAX_LISTED)}`;
const braces = (names: readonly string[]): string[] => names.map((name) => `{${name}}`);

const zh: LocaleMessages = {
  localeLabel: '语言文件',
  unknownLocale: (name) => `没有“${name}”这种语言。`,
  unknownLocaleHint: (builtins, near) =>
    `${near ? `是不是想写 ${near}？` : ''}写内置语言（${builtins.join('、')}），或项目中语言文件的路径（以 .yaml 或 .yml 结尾，相对于项目根目录）。`,
  localeFileNotFound: (path) => `找不到语言文件 ${path}。`,
  localeFileNotFoundHint: '路径相对于项目根目录（roledoc.config.yaml 所在的文件夹）；检查文件名和大小写。',
  unknownPlaceholder: (placeholder, field) => `${field}中没有 {${placeholder}} 这个占位符，它会原样印在文档上。`,
  unknownPlaceholderHint: (allowed, near) =>
    `${near ? `是不是想写 {${near}}？` : ''}${allowed.length === 0 ? '这一项不能用占位符。' : `这里能用的占位符：${braces(allowed).join('、')}。`}`,
  incomplete: (missing) => `语言文件没有写 extends，所以每一项都要写全；现在缺少 ${missing.length} 项：${listed(missing, '、', (n) => ` 等（还有 ${n} 项）`)}。`,
  incompleteHint: (builtins) => `在文件开头写上 extends: ${builtins[0] ?? 'zh-CN'}（或 ${builtins.slice(1).join('、')}），就只需写要改的项，其余沿用内置语言。`,
};

const en: LocaleMessages = {
  localeLabel: 'The locale catalog',
  unknownLocale: (name) => `There is no locale "${name}".`,
  unknownLocaleHint: (builtins, near) =>
    `${near ? `Did you mean ${near}? ` : ''}Name a built-in locale (${builtins.join(', ')}) or the path of a catalog file of the project (ending .yaml or .yml, relative to the project root).`,
  localeFileNotFound: (path) => `The locale catalog ${path} does not exist.`,
  localeFileNotFoundHint: 'The path is relative to the project root (the folder of roledoc.config.yaml); check the name and its case.',
  unknownPlaceholder: (placeholder, field) => `${field} has no placeholder {${placeholder}}; it would be printed as it is.`,
  unknownPlaceholderHint: (allowed, near) =>
    `${near ? `Did you mean {${near}}? ` : ''}${allowed.length === 0 ? 'This key takes no placeholders.' : `Placeholders here: ${braces(allowed).join(', ')}.`}`,
  incomplete: (missing) =>
    `The locale catalog has no extends, so it must set every key; ${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing: ${listed(missing, ', ', (n) => ` and ${n} more`)}.`,
  incompleteHint: (builtins) => `Add extends: ${builtins[1] ?? 'en'} (or ${[builtins[0], ...builtins.slice(2)].join(', ')}) at the top to write only what differs and keep the rest of a built-in locale.`,
};

export function localeMessagesFor(lang: Lang): LocaleMessages {
  return lang === 'en' ? en : zh;
}
