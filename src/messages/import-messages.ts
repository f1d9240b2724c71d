/** What `roledoc import` says: its report and why a source gave no role, in Chinese and English. */
import type { Lang } from './lang.js';

/** A place in a source, as the report says it. */
export interface PlaceWords {
  readonly line?: number;
  readonly paragraph?: number;
  readonly table?: number;
  readonly row?: number;
  readonly column?: number;
}

/** The guesses import makes (import/recognise.ts), each with its sentence below. */
export type GuessWords =
  | 'title-from-career-path'
  | 'title-from-file-name'
  | 'department-from-option'
  | 'department-from-previous-role'
  | 'department-from-title'
  | 'value-by-shape'
  | 'numbered-as-responsibilities'
  | 'career-note'
  | 'duty-title'
  | 'sorted-by-words'
  | 'note-split'
  | 'relation-side';

export type ProblemWords =
  | 'not-found'
  | 'unsupported'
  | 'not-word'
  | 'encrypted'
  | 'legacy-word'
  | 'damaged'
  | 'empty'
  | 'not-text'
  | 'no-role'
  | 'no-files'
  | 'unreadable'
  | 'needs-libreoffice'
  | 'conversion-failed';

export interface ImportMessages {
  place(place: PlaceWords): string;
  sourceHeader(source: string, roles: number): string;
  converted: string;
  encoding(name: string): string;
  outcome(outcome: 'written' | 'would-write' | 'exists' | 'duplicate' | 'not-written'): string;
  idFromDocument: string;
  mapped(labels: readonly string[]): string;
  guess(reason: GuessWords, value: string, field: string): string;
  kept(label: string | undefined, field: string, text: string): string;
  empty(labels: readonly string[]): string;
  linked(field: string, title: string, id: string): string;
  notValid: string;
  outside(count: number, where: string): string;
  problem(kind: ProblemWords, source: string, detail: string): string;
  problemHint(kind: ProblemWords): string | undefined;
  summary(roles: number, written: number, invalid: number, failed: number, dryRun: boolean): string;
  noSources: string;
  configBroken: string;
}

const zhPlace = (p: PlaceWords): string =>
  p.table !== undefined
    ? `表 ${p.table}${p.row === undefined ? '' : ` 第 ${p.row} 行`}${p.column === undefined ? '' : `第 ${p.column} 列`}`
    : p.paragraph !== undefined
      ? `第 ${p.paragraph} 段`
      : p.line !== undefined
        ? `第 ${p.line} 行`
        : '';
const enPlace = (p: PlaceWords): string =>
  p.table !== undefined
    ? `table ${p.table}${p.row === undefined ? '' : `, row ${p.row}`}${p.column === undefined ? '' : `, column ${p.column}`}`
    : p.paragraph !== undefined
      ? `paragraph ${p.paragraph}`
      : p.line !== undefined
        ? `line ${p.line}`
        : '';

const short = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ');
  return Array.from(flat).length > 36 ? `${Array.from(flat).slice(0, 35).join('')}…` : flat;
};

const LIBREOFFICE_HINT_ZH =
  '安装 LibreOffice（Debian/Ubuntu：sudo apt install libreoffice-writer；Windows、macOS：从 libreoffice.org 下载），或在 Word/WPS 中把文件另存为 .docx 后再导入；LibreOffice 装在别处时，用环境变量 ROLEDOC_SOFFICE 指向 soffice。';
const LIBREOFFICE_HINT_EN =
  'Install LibreOffice (Debian/Ubuntu: sudo apt install libreoffice-writer; Windows, macOS: libreoffice.org), or save the file as .docx in Word or WPS and import that; if LibreOffice is installed elsewhere, point ROLEDOC_SOFFICE at its soffice.';

const zh: ImportMessages = {
  place: zhPlace,
  sourceHeader: (source, roles) => (roles === 0 ? source : `${source}：${roles} 个岗位`),
  converted: '（.doc 已用 LibreOffice 转换）',
  encoding: (name) => `（按 ${name} 编码读取）`,
  outcome: (o) => ({ written: '已写入', 'would-write': '将写入（--dry-run，未写）', exists: '已存在，跳过', duplicate: '本次导入中已有同一岗位，跳过', 'not-written': '未写入' })[o],
  idFromDocument: 'id 取自 roledoc 生成文档中记录的 id',
  mapped: (labels) => `读到的栏目：${labels.join('、')}`,
  guess(reason, value, field) {
    const v = `“${short(value)}”`;
    switch (reason) {
      case 'title-from-career-path':
        return `推断：岗位名称${v}取自发展通路的第一步`;
      case 'title-from-file-name':
        return `推断：原文没有岗位名称，取文件名${v}`;
      case 'department-from-option':
        return `所属部门${v}来自 --department`;
      case 'department-from-previous-role':
        return `推断：原文没有所属部门，沿用上一个岗位的${v}`;
      case 'department-from-title':
        return `推断：所属部门${v}取自岗位名称`;
      case 'value-by-shape':
        return `推断：没有栏目名的${v}按写法当作“${field}”`;
      case 'numbered-as-responsibilities':
        return `推断：没有标题的编号条目当作岗位职责（从${v}起）`;
      case 'career-note':
        return `推断：发展通路下的${v}当作发展通路说明`;
      case 'duty-title':
        return `推断：工作职责按写法分开职责表述和工作任务——没有编号、没有标点的行当作职责表述（如${v}）`;
      case 'sorted-by-words':
        return `推断：${v}按用词归入“${field}”`;
      case 'note-split':
        return `推断：${v}当作“${field}”的说明`;
      case 'relation-side':
        return `推断：没写内部还是外部的协作关系${v}归入“${field}”`;
    }
  },
  kept: (label, field, text) => `另存到 ${field}${label === undefined ? '' : `（原栏目“${label}”）`}：“${short(text)}”`,
  empty: (labels) => `原文为空，未写：${labels.join('、')}`,
  linked: (field, title, id) => `${field}“${title}”链接到岗位 ${id}`,
  notValid: '还不能通过 roledoc validate，请按下面的提示修改：',
  outside: (count, where) => `${count} 处文字不属于任何岗位（封面、目录、网页框架等），未导入（${where}）。`,
  problem(kind, source, detail) {
    switch (kind) {
      case 'not-found':
        return `找不到 ${source}。`;
      case 'unsupported':
        return `${source} 不是 roledoc import 能读的文件：只读 .docx、.doc、.txt 和 .md。`;
      case 'not-word':
        return `${source} 不是 Word 文件。`;
      case 'encrypted':
        return `${source} 设有打开密码，无法读取。`;
      case 'legacy-word':
        return `${source} 是旧版 Word 文件（.doc）。`;
      case 'damaged':
        return `${source} 已损坏，无法读取。`;
      case 'empty':
        return `${source} 是空的，没有可导入的内容。`;
      case 'not-text':
        return `${source} 不是文本文件。`;
      case 'no-role':
        return `${source} 里没有认出岗位说明书：没有“岗位名称”“岗位职责”这样的栏目。`;
      case 'no-files':
        return `文件夹 ${source} 里没有 roledoc import 能读的文件（.docx、.doc、.txt、.md）。`;
      case 'unreadable':
        return `无法读取 ${source}（${detail}）。`;
      case 'needs-libreoffice':
        return `${source} 是旧版 Word 文件（.doc），要用 LibreOffice 转换，但本机没有找到 LibreOffice。`;
      case 'conversion-failed':
        return `LibreOffice 没能转换 ${source}：${detail}`;
    }
  },
  problemHint(kind) {
    switch (kind) {
      case 'not-word':
      case 'damaged':
        return '用 Word 或 WPS 打开它，另存为 .docx 后再导入。';
      case 'encrypted':
        return '在 Word 中去掉打开密码（文件 → 信息 → 保护文档），保存后再导入。';
      case 'needs-libreoffice':
      case 'legacy-word':
      case 'conversion-failed':
        return LIBREOFFICE_HINT_ZH;
      case 'no-role':
        return '确认这是岗位说明书；栏目名与常见写法差别很大时，可以先用 roledoc new 建一个岗位，再把内容粘贴进去。';
      case 'not-text':
        return '文本文件请存为 UTF-8 或 GB18030 编码的 .txt 或 .md。';
      case 'unsupported':
        return '在 Word 或 WPS 中打开它并另存为 .docx；或者把文字复制到一个 .txt 文件里再导入。';
      default:
        return undefined;
    }
  },
  summary: (roles, written, invalid, failed, dryRun) =>
    [
      dryRun ? `共认出 ${roles} 个岗位（--dry-run：什么都没有写）` : `共认出 ${roles} 个岗位，写入 ${written} 个文件`,
      ...(invalid > 0 ? [`${invalid} 个要修改后才能通过检查`] : []),
      ...(failed > 0 ? [`${failed} 个文件没能导入`] : []),
    ].join('；') + '。',
  noSources: '请给出要导入的文件或文件夹，例如：roledoc import 岗位说明书.docx',
  configBroken: 'roledoc.config.yaml 有错误，不知道岗位文件该写到哪里，所以什么都没有导入。请先改好它（roledoc validate 会列出问题）。',
};

const en: ImportMessages = {
  place: enPlace,
  sourceHeader: (source, roles) => (roles === 0 ? source : `${source}: ${roles} role${roles === 1 ? '' : 's'}`),
  converted: ' (.doc converted with LibreOffice)',
  encoding: (name) => ` (read as ${name})`,
  outcome: (o) => ({ written: 'written', 'would-write': 'would be written (--dry-run)', exists: 'exists, skipped', duplicate: 'the same role came earlier in this import, skipped', 'not-written': 'not written' })[o],
  idFromDocument: 'id taken from the document roledoc made',
  mapped: (labels) => `Fields read: ${labels.join(', ')}`,
  guess(reason, value, field) {
    const v = `"${short(value)}"`;
    switch (reason) {
      case 'title-from-career-path':
        return `Guess: title ${v} is the first step of the career path`;
      case 'title-from-file-name':
        return `Guess: the source has no title; the file name ${v} is used`;
      case 'department-from-option':
        return `Department ${v} from --department`;
      case 'department-from-previous-role':
        return `Guess: the source has no department; ${v} as for the role before`;
      case 'department-from-title':
        return `Guess: department ${v} taken from the title`;
      case 'value-by-shape':
        return `Guess: ${v}, written without a label, taken as "${field}" by its form`;
      case 'numbered-as-responsibilities':
        return `Guess: numbered items with no heading taken as responsibilities (from ${v})`;
      case 'career-note':
        return `Guess: ${v} under the career path taken as its note`;
      case 'duty-title':
        return `Guess: duties told from tasks by their form: a line with no number and no punctuation is a duty (e.g. ${v})`;
      case 'sorted-by-words':
        return `Guess: ${v} sorted into "${field}" by its words`;
      case 'note-split':
        return `Guess: ${v} taken as the note of "${field}"`;
      case 'relation-side':
        return `Guess: relation ${v}, neither internal nor external, put under "${field}"`;
    }
  },
  kept: (label, field, text) => `Kept aside in ${field}${label === undefined ? '' : ` (source label "${label}")`}: "${short(text)}"`,
  empty: (labels) => `Empty in the source, left out: ${labels.join(', ')}`,
  linked: (field, title, id) => `${field} "${title}" links to role ${id}`,
  notValid: 'Does not pass roledoc validate yet; fix what follows:',
  outside: (count, where) => `${count} piece${count === 1 ? '' : 's'} of text belong to no role (a cover, contents, a web page's frame) and were not imported (${where}).`,
  problem(kind, source, detail) {
    switch (kind) {
      case 'not-found':
        return `${source} does not exist.`;
      case 'unsupported':
        return `${source} is not a file roledoc import reads: it reads .docx, .doc, .txt and .md.`;
      case 'not-word':
        return `${source} is not a Word file.`;
      case 'encrypted':
        return `${source} is password-protected and cannot be read.`;
      case 'legacy-word':
        return `${source} is an old Word file (.doc).`;
      case 'damaged':
        return `${source} is damaged and cannot be read.`;
      case 'empty':
        return `${source} is empty: there is nothing to import.`;
      case 'not-text':
        return `${source} is not a text file.`;
      case 'no-role':
        return `No job description found in ${source}: it has no fields such as 岗位名称 or 岗位职责.`;
      case 'no-files':
        return `The folder ${source} holds no file roledoc import reads (.docx, .doc, .txt, .md).`;
      case 'unreadable':
        return `${source} cannot be read (${detail}).`;
      case 'needs-libreoffice':
        return `${source} is an old Word file (.doc), which needs LibreOffice to convert, and LibreOffice was not found.`;
      case 'conversion-failed':
        return `LibreOffice could not convert ${source}: ${detail}`;
    }
  },
  problemHint(kind) {
    switch (kind) {
      case 'not-word':
      case 'damaged':
        return 'Open it in Word or WPS, save it as .docx, and import that.';
      case 'encrypted':
        return 'Remove the password in Word (File → Info → Protect Document), save, and import again.';
      case 'needs-libreoffice':
      case 'legacy-word':
      case 'conversion-failed':
        return LIBREOFFICE_HINT_EN;
      case 'no-role':
        return 'Check that it is a job description; if its labels are far from the usual ones, start a role with roledoc new and paste the text in.';
      case 'not-text':
        return 'Save text as a UTF-8 or GB18030 .txt or .md file.';
      case 'unsupported':
        return 'Open it in Word or WPS and save it as .docx, or copy its text into a .txt file, and import that.';
      default:
        return undefined;
    }
  },
  summary: (roles, written, invalid, failed, dryRun) =>
    [
      dryRun ? `${roles} role${roles === 1 ? '' : 's'} found (--dry-run: nothing written)` : `${roles} role${roles === 1 ? '' : 's'} found, ${written} file${written === 1 ? '' : 's'} written`,
      ...(invalid > 0 ? [`${invalid} need${invalid === 1 ? 's' : ''} changes to pass validate`] : []),
      ...(failed > 0 ? [`${failed} file${failed === 1 ? '' : 's'} could not be imported`] : []),
    ].join('; ') + '.',
  noSources: 'Name the files or folders to import, e.g. roledoc import job-descriptions.docx',
  configBroken: 'roledoc.config.yaml has errors, so where role files go is not known and nothing was imported. Fix it first (roledoc validate lists the problems).',
};

export function importMessagesFor(lang: Lang): ImportMessages {
  return lang === 'en' ? en : zh;
}
