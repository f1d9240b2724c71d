/** What the command line says about itself (not about the user's files: see i18n/messages.ts). */
import type { Lang } from './lang.js';

export interface CliMessages {
  hint: string;
  noRolesFolder(folder: string): string;
  noRolesFolderHint: string;
  noRoleFiles(where: string): string;
  pathNotFound(given: string): string;
  allValid(files: number, warnings: number): string;
  problems(errors: number, warnings: number, files: number): string;
  internalError(message: string): string;
  internalErrorHint: string;
  cwdNotFound(dir: string): string;
}

const zh: CliMessages = {
  hint: '提示：',
  noRolesFolder: (folder) => `找不到岗位目录 ${folder}/。`,
  noRolesFolderHint: '请在岗位仓库的根目录（roledoc.config.yaml 所在的位置）运行，或用 --cwd 指定该目录。',
  noRoleFiles: (where) => `${where} 中没有 .yaml 岗位文件。`,
  pathNotFound: (given) => `找不到 ${given}。`,
  allValid: (files, warnings) =>
    warnings > 0 ? `✔ ${files} 个岗位文件有效（${warnings} 个警告）。` : `✔ ${files} 个岗位文件全部有效。`,
  problems: (errors, warnings, files) =>
    `✖ 发现 ${errors} 个错误${warnings > 0 ? `、${warnings} 个警告` : ''}（共检查 ${files} 个文件）。`,
  internalError: (message) => `roledoc 内部错误：${message}`,
  internalErrorHint: '这是 roledoc 的缺陷，不是您文件的问题。请报告此问题，并附上这条信息（加 --debug 可看到详细信息）。',
  cwdNotFound: (dir) => `目录 ${dir} 不存在。`,
};

const en: CliMessages = {
  hint: 'hint: ',
  noRolesFolder: (folder) => `The roles folder ${folder}/ does not exist.`,
  noRolesFolderHint: 'Run roledoc at the root of your HR repository (where roledoc.config.yaml is), or pass --cwd DIR.',
  noRoleFiles: (where) => `There are no .yaml role files in ${where}.`,
  pathNotFound: (given) => `${given} does not exist.`,
  allValid: (files, warnings) =>
    warnings > 0 ? `✔ ${files} role files are valid (${warnings} warning${warnings === 1 ? '' : 's'}).` : `✔ ${files} role files are valid.`,
  problems: (errors, warnings, files) =>
    `✖ ${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${files} file${files === 1 ? '' : 's'} checked.`,
  internalError: (message) => `roledoc internal error: ${message}`,
  internalErrorHint: 'This is a bug in roledoc, not a problem with your files. Please report it with this message (add --debug for details).',
  cwdNotFound: (dir) => `The folder ${dir} does not exist.`,
};

export function cliMessagesFor(lang: Lang): CliMessages {
  return lang === 'en' ? en : zh;
}
