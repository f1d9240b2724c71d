/** What `roledoc diff` says, in Chinese and English: the words around the documents' own. */
import type { Lang } from './lang.js';

export type RevisionWords = 'no-git' | 'not-a-repository' | 'unknown-revision' | 'shallow' | 'no-project';

export interface DiffMessages {
  worktree: string;
  heading(before: string, after: string): string;
  summary(changed: number, added: number, removed: number): string;
  noChanges(before: string, after: string): string;
  added: string;
  removed: string;
  changed: string;
  renamed(fromTitle: string, fromId: string): string;
  valueChanged(label: string): string;
  valueAdded(label: string): string;
  valueRemoved(label: string): string;
  itemAdded(label: string, at: number): string;
  itemRemoved(label: string, at: number): string;
  itemReworded(label: string, at: number, from: number): string;
  itemMoved(label: string, from: number, at: number): string;
  itemMovedIn(label: string, at: number, fromDuty: string): string;
  derived: string;
  duty(label: string, duty: string): string;
  dutyAdded(label: string, duty: string): string;
  dutyRemoved(label: string, duty: string): string;
  dutyRenamed(label: string): string;
  dutyMoved(label: string, from: number, at: number): string;
  sectionRenamed: string;
  roleHeadline(id: string, department: string): string;
  tasks(count: number): string;
  sideErrors(side: string): string;
  sideErrorsHint: string;
  revision(problem: RevisionWords, revision: string): string;
  revisionHint(problem: RevisionWords): string;
  changesIn(count: number): string;
  textconvUnsupported(file: string): string;
  textconvUnreadable(file: string): string;
  textconvHint: string;
  notAProject(dir: string): string;
  notAProjectHint: string;
  settings: string;
  textconvPlaceholder(file: string): string;
  textconvMissing(file: string): string;
}

const zh: DiffMessages = {
  worktree: '工作区',
  heading: (before, after) => `岗位说明书的变动：${before} → ${after}`,
  summary: (changed, added, removed) =>
    `${changed + added + removed} 个岗位有变动（${[changed > 0 ? `修改 ${changed}` : '', added > 0 ? `新增 ${added}` : '', removed > 0 ? `删除 ${removed}` : ''].filter((part) => part !== '').join('，')}）`,
  noChanges: (before, after) => `${before} → ${after}：岗位说明书没有变动。`,
  added: '新增',
  removed: '删除',
  changed: '修改',
  renamed: (fromTitle, fromId) => `原为 ${fromTitle}（${fromId}）`,
  valueChanged: (label) => `${label}：`,
  valueAdded: (label) => `${label}（新增）：`,
  valueRemoved: (label) => `${label}（删去）：`,
  itemAdded: (label, at) => `${label} 第 ${at} 条 新增：`,
  itemRemoved: (label, at) => `${label} 原第 ${at} 条 删去：`,
  itemReworded: (label, at, from) => `${label} 第 ${at} 条 改写${from === at ? '' : `（原第 ${from} 条）`}：`,
  itemMoved: (label, from, at) => `${label} 第 ${from} 条 移到第 ${at} 条：`,
  itemMovedIn: (label, at, fromDuty) => `${label} 第 ${at} 条 从「${fromDuty}」移来：`,
  derived: '（随其他岗位的变动）',
  duty: (label, duty) => `${label}「${duty}」`,
  dutyAdded: (label, duty) => `${label} 新增「${duty}」：`,
  dutyRemoved: (label, duty) => `${label} 删去「${duty}」：`,
  dutyRenamed: (label) => `${label} 改名：`,
  dutyMoved: (label, from, at) => `${label} 第 ${from} 项 移到第 ${at} 项：`,
  sectionRenamed: '章节改名：',
  roleHeadline: (id, department) => `（${id} · ${department}）`,
  tasks: (count) => `${count} 项任务`,
  sideErrors: (side) => `${side}中的岗位文件或配置有错误，无法比较：`,
  sideErrorsHint: '改正后再比较；roledoc validate 会逐条列出问题。',
  revision(problem, revision) {
    switch (problem) {
      case 'no-git':
        return `要比较 ${revision}，需要 git，但本机没有找到 git。`;
      case 'not-a-repository':
        return `这个项目不在 git 仓库里，无法读取版本 ${revision}；如果 ${revision} 是要比较的文件夹，它不存在。`;
      case 'unknown-revision':
        return `git 里没有 ${revision} 这个版本。`;
      case 'shallow':
        return `这是一个浅克隆（shallow clone），其中没有 ${revision}。`;
      case 'no-project':
        return `${revision} 中还没有这个项目：既没有 roledoc.config.yaml，也没有岗位文件。`;
    }
  },
  revisionHint(problem) {
    switch (problem) {
      case 'no-git':
        return '安装 git（https://git-scm.com/），或者比较两个文件夹：roledoc diff 旧文件夹 新文件夹。';
      case 'not-a-repository':
        return '在项目的 git 仓库里运行，或者比较两个文件夹：roledoc diff 旧文件夹 新文件夹。';
      case 'unknown-revision':
        return '用 git log --oneline 查看有哪些版本；分支名、标签、提交号（如 a1b2c3d）和 HEAD~1 都可以。';
      case 'shallow':
        return '先取回完整历史：git fetch --unshallow；在 GitHub Actions 里给 actions/checkout 加上 fetch-depth: 0。';
      case 'no-project':
        return '选一个已经有岗位文件的版本。';
    }
  },
  changesIn: (count) => `${count} 处变动`,
  textconvUnsupported: (file) => `${file} 不是 .docx 或 .pdf 文件，roledoc textconv 读不了。`,
  textconvUnreadable: (file) => `${file} 无法读取：它不是完好的 .docx 或 .pdf。`,
  textconvHint: 'roledoc textconv 供 git diff 使用，读 roledoc 生成的 .docx 和 .pdf；.gitattributes 里只应把这两种文件交给它。',
  notAProject: (dir) => `${dir} 不是 roledoc 项目：里面既没有 roledoc.config.yaml，也没有岗位文件。`,
  notAProjectHint: '比较两个文件夹时，两个都要是项目的根目录（roledoc.config.yaml 所在的文件夹）。',
  settings: '项目设置（roledoc.config.yaml）',
  textconvPlaceholder: (file) => `（roledoc textconv：${file} 不是可以读取的 .docx 或 .pdf）`,
  textconvMissing: (file) => `找不到 ${file}。`,
};

const en: DiffMessages = {
  worktree: 'working tree',
  heading: (before, after) => `Changes to the job descriptions: ${before} → ${after}`,
  summary: (changed, added, removed) =>
    `${changed + added + removed} role${changed + added + removed === 1 ? '' : 's'} changed (${[changed > 0 ? `${changed} modified` : '', added > 0 ? `${added} added` : '', removed > 0 ? `${removed} removed` : ''].filter((part) => part !== '').join(', ')})`,
  noChanges: (before, after) => `${before} → ${after}: no change to the job descriptions.`,
  added: 'Added',
  removed: 'Removed',
  changed: 'Modified',
  renamed: (fromTitle, fromId) => `was ${fromTitle} (${fromId})`,
  valueChanged: (label) => `${label}: `,
  valueAdded: (label) => `${label} (new): `,
  valueRemoved: (label) => `${label} (removed): `,
  itemAdded: (label, at) => `${label}, item ${at} added: `,
  itemRemoved: (label, at) => `${label}, item ${at} (before) removed: `,
  itemReworded: (label, at, from) => `${label}, item ${at} reworded${from === at ? '' : ` (was item ${from})`}: `,
  itemMoved: (label, from, at) => `${label}, item ${from} moved to ${at}: `,
  itemMovedIn: (label, at, fromDuty) => `${label}, item ${at} moved here from "${fromDuty}": `,
  derived: ' (follows from another role)',
  duty: (label, duty) => `${label} "${duty}"`,
  dutyAdded: (label, duty) => `${label}: "${duty}" added: `,
  dutyRemoved: (label, duty) => `${label}: "${duty}" removed: `,
  dutyRenamed: (label) => `${label} renamed: `,
  dutyMoved: (label, from, at) => `${label}, duty ${from} moved to ${at}: `,
  sectionRenamed: 'Section renamed: ',
  roleHeadline: (id, department) => ` (${id} · ${department})`,
  tasks: (count) => `${count} task${count === 1 ? '' : 's'}`,
  sideErrors: (side) => `The role files at ${side} have errors and cannot be compared:`,
  sideErrorsHint: 'Fix them and compare again; roledoc validate lists every problem.',
  revision(problem, revision) {
    switch (problem) {
      case 'no-git':
        return `Comparing ${revision} needs git, which was not found.`;
      case 'not-a-repository':
        return `This project is not in a git repository, so revision ${revision} cannot be read; if ${revision} is a folder to compare, it does not exist.`;
      case 'unknown-revision':
        return `git knows no revision ${revision}.`;
      case 'shallow':
        return `This is a shallow clone and does not have ${revision}.`;
      case 'no-project':
        return `The project is not in ${revision} yet: no roledoc.config.yaml and no role files.`;
    }
  },
  revisionHint(problem) {
    switch (problem) {
      case 'no-git':
        return 'Install git (https://git-scm.com/), or compare two folders: roledoc diff OLD_FOLDER NEW_FOLDER.';
      case 'not-a-repository':
        return 'Run it in the project’s git repository, or compare two folders: roledoc diff OLD_FOLDER NEW_FOLDER.';
      case 'unknown-revision':
        return 'git log --oneline lists the revisions; a branch, a tag, a commit (a1b2c3d) or HEAD~1 all work.';
      case 'shallow':
        return 'Fetch the whole history first: git fetch --unshallow; in GitHub Actions give actions/checkout fetch-depth: 0.';
      case 'no-project':
        return 'Pick a revision that has role files.';
    }
  },
  changesIn: (count) => `${count} change${count === 1 ? '' : 's'}`,
  textconvUnsupported: (file) => `${file} is not a .docx or .pdf file, which roledoc textconv reads.`,
  textconvUnreadable: (file) => `${file} cannot be read: it is not a sound .docx or .pdf.`,
  textconvHint: 'roledoc textconv is for git diff, on the .docx and .pdf roledoc makes; .gitattributes should hand it only those.',
  notAProject: (dir) => `${dir} is not a roledoc project: it has no roledoc.config.yaml and no role files.`,
  notAProjectHint: 'To compare two folders, give the root of each project (where roledoc.config.yaml is).',
  settings: 'Project settings (roledoc.config.yaml)',
  textconvPlaceholder: (file) => `(roledoc textconv: ${file} is not a readable .docx or .pdf)`,
  textconvMissing: (file) => `${file} does not exist.`,
};

export function diffMessagesFor(lang: Lang): DiffMessages {
  return lang === 'en' ? en : zh;
}
