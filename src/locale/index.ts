import type { Lang } from '../i18n/lang.js';
import { en } from './en.js';
import type { Locale } from './locale.js';
import { zhCN } from './zh-CN.js';

const LOCALES: Record<Lang, Locale> = { 'zh-CN': zhCN, en };

export function localeFor(lang: Lang): Locale {
  return LOCALES[lang];
}
