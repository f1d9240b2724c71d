/** What the command line says about itself (not about the user's files: see i18n/messages.ts). */
import type { PathProblem } from '../core/file-access.js';
import type { Lang } from './lang.js';
import { messagesFor } from './messages.js';

/** Why `init --package` refuses a spec. */
export type PackageSpecProblem = 'empty' | 'spaces' | 'option' | 'no-name' | 'unreadable';

/** What an option's value must be, for the options whose values roledoc parses itself. */
export type UsageExpectation = 'threads' | 'shard' | 'port';

export interface CliMessages {
  hint: string;
  usageUnknownOption(flag: string): string;
  usageUnknownCommand(name: string): string;
  usageMissingValue(flag: string): string;
  usageMissingArgument(name: string): string;
  usageTooManyArguments(command: string | undefined, expected: number, got: number): string;
  usageInvalidValue(flag: string, value: string, expected: string): string;
  usageChoices(choices: readonly string[]): string;
  usageExpected(what: UsageExpectation): string;
  usageDidYouMean(names: readonly string[]): string;
  usageHelpHint(command: string | undefined): string;
  noRolesFolder(folder: string): string;
  noRolesFolderHint: string;
  noRoleFiles(where: string): string;
  pathNotFound(given: string): string;
  allValid(files: number, warnings: number): string;
  problems(errors: number, warnings: number, files: number): string;
  internalError(message: string): string;
  cwdNotFound(dir: string): string;
  notADirectory(dir: string): string;
  cannotRead(file: string, reason: string): string;
  fontNotFound(path: string): string;
  fontFaceNotFound(path: string, face: string, available: readonly string[]): string;
  fontUnreadable(path: string, reason: string): string;
  noCjkFont: string;
  fontNeedsFace(path: string): string;
  fontFaces(available: readonly string[]): string;
  fontLacksLocale(chars: string, lang: string): string;
  fontLacksLocaleHint: string;
  noCjkFontHint: string;
  progress(done: number, total: number): string;
  built(roles: number, written: number, unchanged: number, removed: number, seconds: string, outDir: string): string;
  checkPassed(roles: number, outDir: string): string;
  checkFailed(count: number): string;
  watching(root: string): string;
  cannotWrite(dir: string, reason: string): string;
  writeInterrupted(dir: string, reason: string): string;
  disowned(file: string): string;
  handbookOff: string;
  handbookNotSharded: string;
  handbookNotShardedHint: string;
  handbookOffHint: string;
  badSourceDateEpoch(value: string): string;
  checkWithWatch: string;
  waitingForLock: string;
  initCreated(file: string): string;
  initSkipped(file: string): string;
  initDone(dir: string): string;
  previewServing(url: string): string;
  previewCannotListen(port: number, reason: string): string;
  previewCannotListenHint: string;
  initTextconvSet: string;
  initTextconvLater(command: string): string;
  templatesBuiltin: string;
  templatesProject: string;
  templatesInUse(name: string, file: string | undefined): string;
  ejectUnknown(name: string, known: readonly string[]): string;
  ejectExists(dir: string): string;
  ejectExistsHint: string;
  ejectCreated(file: string): string;
  ejectDone(dir: string): string;
  newBadId(id: string): string;
  newBadIdHint: string;
  newExists(file: string): string;
  newIdTaken(id: string, file: string): string;
  initGitignoreHint: string;
  newCreated(file: string): string;
  rebuilding(file: string): string;
  badFormat(value: string): string;
  // init --package
  badPackageSpec(spec: string, reason: PackageSpecProblem): string;
  badPackageSpecHint: string;
  initPackageNote(spec: string, fromRepository: string): string;

  // --format naming two report formats (values and YAML hardening)
  oneReportFormat(given: readonly string[], all: readonly string[]): string;

  // rendering: fonts, logos and memory at fault, and render bugs named by their document
  fontUnusable(path: string, reason: string): string;
  fontUnusableHint: string;
  /** A document by what it is and where it goes: 岗位 cs-agent 的 PDF（out/cs-agent.pdf）. */
  renderedDocument(role: string | undefined, format: 'docx' | 'pdf' | 'html', file: string): string;
  renderFontFailed(document: string, fontPath: string, reason: string): string;
  renderLogoFailed(document: string, logo: string | undefined): string;
  renderLogoFailedHint: string;
  renderTooLarge(document: string, limitMb: number): string;
  /** @param limitedByUser the limit came from ROLEDOC_RENDER_MEMORY_MB, which is what to raise. */
  renderTooLargeHint(handbook: boolean, moreMb: number, limitedByUser: boolean): string;
  badRenderMemory(value: string): string;
  renderFailed(document: string, message: string): string;

  // the file system (harden-io)
  /** What is at a path, in words (see Messages.pathProblem). */
  pathProblem(problem: PathProblem, limitBytes?: number): string;
  /** A system error code (EACCES, ENOSPC, …) in words, with the code. */
  systemReason(code: string): string;
  notAFile(file: string, what: string): string;
  notAFolder(dir: string, what: string): string;
  fontNotAFile(path: string, what: string): string;
  pathOutsideProject(given: string, root: string): string;
  pathOutsideProjectHint: string;
  pathIsConfig(given: string): string;
  pathIsConfigHint: string;
  rolesIsDiskRoot(setting: string): string;
  rolesTooMany(folder: string, limit: number): string;
  rolesTooWideHint: string;
  allRolesOutside(folder: string, real: string): string;
  allRolesOutsideHint: string;
  lockDamaged(file: string): string;
  lockLost(dir: string): string;
  lockLostHint: string;
  outputsKept(count: number): string;
  outputsKeptHint(backups: string): string;
  outputKeptStatus: string;
  outputReplaced(file: string, backup: string): string;
  newBadDepartment(department: string): string;
  newBadDepartmentHint: string;
  newBadText(option: string): string;
  newBadTextHint: string;
}

/** System error codes in words (harden-io); any other code is shown as it is. */
const zhSystemReasons: Readonly<Record<string, string>> = {
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '磁盘是只读的',
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EEXIST: '那里已经有同名的文件',
  ENOTDIR: '路径中的某一段是文件，不是文件夹',
  EISDIR: '那里是一个文件夹',
  ENOENT: '路径上的某个文件夹不存在，或不能在其中新建文件夹',
  ELOOP: '链接绕成了圈',
  ENAMETOOLONG: '路径太长',
  EBUSY: '文件正被其他程序使用',
  EMFILE: '打开的文件太多',
  EIO: '磁盘读写出错',
};
const enSystemReasons: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'a file of that name is already there',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  ENOENT: 'a folder on the way does not exist or cannot hold new folders',
  ELOOP: 'links lead round in a circle',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many open files',
  EIO: 'the disk reported an error',
};

/** The face a Chinese document most likely wants from a CJK collection: the Simplified Chinese one. */
function simplifiedChineseFace(available: readonly string[]): string {
  return available.find((face) => /sc\b|SC\b|CJKsc/.test(face)) ?? available[0] ?? '…';
}

/** The first dozen characters of a long list, and how many there are. */
function sample(chars: string): string {
  const all = Array.from(chars);
  return all.length > 12 ? `${all.slice(0, 12).join('')}… (${all.length})` : chars;
}

const zh: CliMessages = {
  hint: '提示：',
  usageUnknownOption: (flag) => `没有 ${flag} 这个选项。`,
  usageUnknownCommand: (name) => `没有 ${name} 这个命令。`,
  usageMissingValue: (flag) => `选项 ${flag} 后面要写一个值。`,
  usageMissingArgument: (name) => `少了参数 <${name}>。`,
  usageTooManyArguments: (command, expected, got) => `${command === undefined ? '这个命令' : `roledoc ${command} `}只接受 ${expected} 个参数，这里写了 ${got} 个。`,
  usageInvalidValue: (flag, value, expected) => `选项 ${flag} 的值“${value}”不对：${expected}。`,
  usageChoices: (choices) => `只能写 ${choices.join('、')}`,
  usageExpected: (what) => ({ threads: '要写 1 或更大的整数（几个线程）', shard: '要写成 i/n，1 ≤ i ≤ n，例如 2/4', port: '要写 1 到 65535 之间的端口号' })[what],
  usageDidYouMean: (names) => `是不是想写 ${names.join(' 或 ')}？`,
  usageHelpHint: (command) => `运行 roledoc ${command === undefined ? '' : `${command} `}--help 可以看到所有${command === undefined ? '命令和' : ''}选项。`,
  noRolesFolder: (folder) => `找不到岗位目录 ${folder}/。`,
  noRolesFolderHint: '请在岗位仓库的根目录（roledoc.config.yaml 所在的位置）运行，或用 --cwd 指定该目录。',
  noRoleFiles: (where) => `${where} 中没有 .yaml 岗位文件。`,
  pathNotFound: (given) => `找不到 ${given}。`,
  allValid: (files, warnings) =>
    warnings > 0 ? `✔ ${files} 个岗位文件有效（${warnings} 个警告）。` : `✔ ${files} 个岗位文件全部有效。`,
  problems: (errors, warnings, files) =>
    `✖ 发现 ${errors} 个错误${warnings > 0 ? `、${warnings} 个警告` : ''}（共检查 ${files} 个文件）。`,
  internalError: (message) => `roledoc 内部错误：${message}——这是 roledoc 的缺陷，不是您文件的问题，请报告此问题并附上这条信息（加 --debug 可看到详细信息）。`,
  cwdNotFound: (dir) => `目录 ${dir} 不存在。`,
  notADirectory: (dir) => `${dir} 不是文件夹。`,
  cannotRead: (file, reason) => `无法读取 ${file}（${reason}）。`,
  fontNotFound: (path) => `找不到字体文件 ${path}。`,
  fontFaceNotFound: (path, face, available) => `字体集 ${path} 中没有名为“${face}”的字体；其中有：${available.join('、')}。`,
  fontUnreadable: (path, reason) => `无法读取字体文件 ${path}（${reason}）。`,
  noCjkFont: '没有可用于 PDF 的中文字体。',
  fontNeedsFace: (path) => `${path} 是字体集（TTC），里面有多个字体，需要用 face 指明用哪一个。`,
  fontFaces: (available) => `在 roledoc.config.yaml 中写成 { path: …, face: ${simplifiedChineseFace(available)} }；其中的字体有：${available.join('、')}。`,
  fontLacksLocale: (chars, lang) => `PDF 字体缺少文档（${lang}）本身要用的字：${sample(chars)}。用它生成的 PDF 会满是方框。`,
  fontLacksLocaleHint: '在 roledoc.config.yaml 的 fonts 中换一个中文字体，或删掉 fonts，使用内置的中文字体（Noto Serif SC / Noto Sans SC）。',
  noCjkFontHint: '重新运行 npm ci 安装内置字体，或在 roledoc.config.yaml 的 fonts 中指定字体文件。',
  progress: (done, total) => `正在生成 ${done}/${total}`,
  built: (roles, written, unchanged, removed, seconds, outDir) =>
    `✔ ${roles} 个岗位，生成 ${written} 个文件${unchanged > 0 ? `，${unchanged} 个未变` : ''}${removed > 0 ? `，删除 ${removed} 个` : ''}，用时 ${seconds} 秒（${outDir}）。`,
  checkPassed: (roles, outDir) => `✔ ${outDir} 中 ${roles} 个岗位的文档都是最新的。`,
  checkFailed: (count) => `✖ ${count} 个文档不是最新的（missing 缺失、stale 过期、foreign-modified 被手工改过、orphaned 岗位已删除）。运行 roledoc build 更新。`,
  watching: (root) => `正在监视 ${root} 的改动，按 Ctrl-C 退出。`,
  cannotWrite: (dir, reason) => `无法写入 ${dir}（${reason}）。已有的文档没有改动。`,
  writeInterrupted: (dir, reason) => `写入 ${dir} 时出错（${reason}），部分文档可能已经更新。解决问题后重新运行 roledoc build。`,
  handbookOff: '要求只生成手册（--only handbook），但手册已关闭（--no-handbook 或配置里的 handbook: false）。',
  handbookOffHint: '去掉 --no-handbook，或把 roledoc.config.yaml 里的 handbook 改为 true。',
  handbookNotSharded: '手册包含所有岗位，不能分片生成（--shard 与 --only handbook 不能同时使用）。',
  handbookNotShardedHint: '分片任务用 --shard 生成岗位文档，最后再用一个任务运行 roledoc build --only handbook。',
  disowned: (file) => `${file} 的岗位已删除，但这个文件被手工改过，所以保留没有删除。`,
  badSourceDateEpoch: (value) => `SOURCE_DATE_EPOCH 的值“${value}”不可用：应是 1980 到 2099 年之间的秒数（整数）。`,
  checkWithWatch: '--check 和 --watch 不能一起用。',
  waitingForLock: '另一个 roledoc build 正在写这个输出目录，等它完成……',
  initCreated: (file) => `+ ${file}`,
  initSkipped: (file) => `= ${file}（已存在，未改动）`,
  templatesBuiltin: '内置模板：',
  templatesProject: '项目模板：',
  templatesInUse: (name, file) => `当前使用：${name}${file === undefined ? '' : `，即 ${file}`}（roledoc.config.yaml 的 template）`,
  ejectUnknown: (name, known) => `没有名为“${name}”的内置模板；可用：${known.join('、')}。`,
  ejectExists: (dir) => `${dir} 已经有 template.yaml，没有覆盖。`,
  ejectExistsHint: '换一个文件夹（roledoc template eject <名称> <文件夹>），或先删除那里的模板。',
  ejectCreated: (file) => `已创建 ${file}`,
  ejectDone: (dir) =>
    `✔ 模板已复制到 ${dir}。在 roledoc.config.yaml 中写 template: ${dir} 即可使用；模板只需保留要改的部分，其余沿用 extends 指定的模板。`,
  previewServing: (url) => `预览已启动：${url}（在浏览器中打开；保存文件后页面会自动更新；按 Ctrl-C 停止）`,
  previewCannotListen: (port, reason) => `无法在端口 ${port === 0 ? '（自动选择）' : port} 上启动预览：${reason}`,
  previewCannotListenHint: '端口可能已被占用：换一个端口（--port 8090），或不写 --port 让 roledoc 自己选一个空闲端口。',
  initTextconvSet: '  已设置 git：git diff 会显示 .docx 和 .pdf 文档里的文字。',
  initTextconvLater: (command) => `  这里还不是 git 仓库。git init 之后运行一次 ${command}，git diff 就会显示 .docx 和 .pdf 文档里的文字。`,
  initDone: (dir) => `✔ 岗位仓库已就绪。下一步：${dir === '' ? '' : `cd ${dir}，然后 `}roledoc validate，再 roledoc build。`,
  newBadId: (id) => `“${id}”不能用作岗位 id。`,
  newBadIdHint: 'id 只能由小写英文字母、数字和连字符组成，例如 kf-zhuanyuan。',
  newExists: (file) => `${file} 已经存在，没有改动它。`,
  newIdTaken: (id, file) => `岗位 id“${id}”已经在 ${file} 里用了。`,
  initGitignoreHint: '已有的 .gitignore 里没有 out/：如果不想把生成的文档提交到 git，请加上一行 out/。',
  newCreated: (file) => `✔ 已新建 ${file}：填写各项后运行 roledoc validate 检查。`,
  rebuilding: (file) => `${file} 改动了，重新生成……`,
  badFormat: (value) => `不认识的格式“${value}”，只能是 docx、pdf。`,
  // init --package
  badPackageSpec: (spec, reason) =>
    `npm 无法从 ${JSON.stringify(spec)} 安装 roledoc：${{ empty: '这里什么也没写', spaces: '里面有空格或换行', option: '以 - 开头，npm 会把它当成选项', 'no-name': '没有包名', unreadable: 'npm 读不懂这种写法' }[reason]}。`,
  badPackageSpecHint: '写一个版本（roledoc@0.1.0），或发布包的下载地址（https://…/roledoc-0.1.0.tgz）。',
  initPackageNote: (spec, fromRepository) =>
    `CI 工作流会安装 ${spec}。roledoc 发布到 npm 之前，请改为从 GitHub 发布页的安装包安装：roledoc init --package ${fromRepository}（或修改 .github/workflows/roledoc.yml 中的 ROLEDOC_PACKAGE）。`,

  // --format naming two report formats (values and YAML hardening)
  oneReportFormat: (given, all) =>
    `--format 只能写一种报告格式（${all.join('、')}），这里写了 ${given.join('、')}。文档格式 docx、pdf 可以和一种报告格式一起写，例如 --format pdf,json。`,
  // rendering: fonts, logos and memory at fault, and render bugs named by their document
  fontUnusable: (path, reason) => `字体文件 ${path} 无法使用：能打开它，但用它排字时出错（${reason}）。`,
  fontUnusableHint: '这个字体文件可能已损坏或不完整：在 roledoc.config.yaml（或模板）的 fonts 中换一个字体文件，或删掉这一项，使用内置的中文字体（Noto Serif SC / Noto Sans SC）。',
  renderedDocument: (role, format, file) => `${role === undefined ? '手册' : `岗位 ${role} `}的 ${format === 'pdf' ? 'PDF' : format === 'html' ? 'HTML 文档' : 'Word 文档'}（${file}）`,
  renderFontFailed: (document, fontPath, reason) => `无法生成${document}：PDF 字体 ${fontPath} 排不了这份文档里的字（${reason}）。没有写入任何文件。`,
  renderLogoFailed: (document, logo) => `无法生成${document}：模板的标志${logo === undefined ? '' : ` ${logo} `}无法印进文档。没有写入任何文件。`,
  renderLogoFailedHint: '用图片软件把标志另存为普通的 PNG（24 位，或带透明度的 32 位，不要隔行扫描）或普通的 JPEG；或者先从模板中删掉 logo。',
  renderTooLarge: (document, limitMb) => `生成${document}所需的内存超过了 ${limitMb} MB（一个生成线程可用的内存）。没有写入任何文件。`,
  renderTooLargeHint: (handbook, moreMb, limitedByUser) =>
    `${handbook ? '要先生成各岗位的文档，可以运行 roledoc build --only roles。手册' : '它'}需要更多内存：${limitedByUser ? `把环境变量 ROLEDOC_RENDER_MEMORY_MB 调大（例如 ${moreMb}）或删去它` : `设置环境变量 NODE_OPTIONS=--max-old-space-size=${moreMb}（单位 MB，不要超过电脑的内存）`}后再运行，或换一台内存更大的电脑。`,
  badRenderMemory: (value) => `环境变量 ROLEDOC_RENDER_MEMORY_MB 应当是不小于 16 的整数（单位 MB），这里是“${value}”。`,
  renderFailed: (document, message) => `生成${document}时出错：${message}`,

  // the file system (harden-io)
  pathProblem: (problem, limit) => messagesFor('zh-CN').pathProblem(problem, limit),
  systemReason: (code) => (zhSystemReasons[code] === undefined ? code : `${zhSystemReasons[code]}，${code}`),
  notAFile: (file, what) => `${file} 是${what}，不是 roledoc 能读取的普通文件。`,
  notAFolder: (dir, what) => `${dir} 是${what}，不是文件夹。`,
  fontNotAFile: (path, what) => `字体文件 ${path} 是${what}，不是普通文件。`,
  pathOutsideProject: (given, root) => `${given} 在项目文件夹 ${root} 之外，roledoc 只检查项目里的岗位文件。`,
  pathOutsideProjectHint: '用 --cwd 指定那个文件所在的项目，或把文件放进本项目的岗位目录。',
  pathIsConfig: (given) => `${given} 是项目的配置文件，不是岗位文件。`,
  pathIsConfigHint: '要处理全部岗位，运行时不要写路径（roledoc validate、roledoc build）；要处理某些岗位，写它们的 .yaml 文件或所在文件夹。',
  rolesIsDiskRoot: (setting) => `roledoc.config.yaml 的 roles: ${setting} 是整个磁盘，roledoc 不会在整个磁盘里找岗位文件。`,
  rolesTooMany: (folder, limit) => `${folder} 下的文件和文件夹超过 ${limit} 个，不像是岗位目录，roledoc 停止了查找。`,
  rolesTooWideHint: '在 roledoc.config.yaml 中把 roles 写成存放岗位文件的文件夹，例如 roles: roles。',
  allRolesOutside: (folder, real) => `${folder} 中的岗位文件全都在项目文件夹之外（实际位置：${real}），一个也没有读取；构建没有做任何改动。`,
  allRolesOutsideHint: '岗位目录是指向项目外的链接。把岗位文件放回项目里，或在 roledoc.config.yaml 中把 roles 写成那个文件夹的绝对路径。',
  lockDamaged: (file) => `${file} 里没有有效的进程号（可能因断电而损坏），已把它当作过期的锁删除。`,
  lockLost: (dir) => `另一个 roledoc build 接管了 ${dir} 的锁，本次构建停止，没有写入任何文件。`,
  lockLostHint: '等另一个构建结束后重新运行 roledoc build。',
  outputsKept: (count) => `✖ 有 ${count} 个文件不是 roledoc 生成的，或生成后被手工改过；为了不丢失它们，构建没有写入任何文件。`,
  outputsKeptHint: (backups) => `确认可以替换后运行 roledoc build --overwrite：原来的文件会先移到 ${backups} 中保存。也可以把它们移走后再构建。`,
  outputKeptStatus: '不是 roledoc 生成的，或被手工改过（已保留）',
  outputReplaced: (file, backup) => `${file} 不是 roledoc 生成的（或被手工改过），已替换；原来的文件保存在 ${backup}。`,
  newBadDepartment: (department) => `部门“${department}”以点开头，对应的文件夹是隐藏的，roledoc validate 和 build 不会读取其中的文件。`,
  newBadDepartmentHint: '部门名称不要以“.”开头。',
  newBadText: (option) => `${option} 里有换行或其他控制字符，写进岗位文件会把它弄坏。`,
  newBadTextHint: '写成一行普通文字；多行内容请在生成文件后直接编辑。',
};

const en: CliMessages = {
  hint: 'hint: ',
  usageUnknownOption: (flag) => `There is no option ${flag}.`,
  usageUnknownCommand: (name) => `There is no command ${name}.`,
  usageMissingValue: (flag) => `The option ${flag} needs a value after it.`,
  usageMissingArgument: (name) => `The argument <${name}> is missing.`,
  usageTooManyArguments: (command, expected, got) => `${command === undefined ? 'This command' : `roledoc ${command}`} takes ${expected} argument${expected === 1 ? '' : 's'}, but got ${got}.`,
  usageInvalidValue: (flag, value, expected) => `The value "${value}" of ${flag} is not right: ${expected}.`,
  usageChoices: (choices) => `it can be ${choices.join(', ')}`,
  usageExpected: (what) => ({ threads: 'write a whole number of threads, 1 or more', shard: 'write i/n with 1 ≤ i ≤ n, e.g. 2/4', port: 'write a port number from 1 to 65535' })[what],
  usageDidYouMean: (names) => `Did you mean ${names.join(' or ')}?`,
  usageHelpHint: (command) => `Run roledoc ${command === undefined ? '' : `${command} `}--help to see every ${command === undefined ? 'command and ' : ''}option.`,
  noRolesFolder: (folder) => `The roles folder ${folder}/ does not exist.`,
  noRolesFolderHint: 'Run roledoc at the root of your HR repository (where roledoc.config.yaml is), or pass --cwd DIR.',
  noRoleFiles: (where) => `There are no .yaml role files in ${where}.`,
  pathNotFound: (given) => `${given} does not exist.`,
  allValid: (files, warnings) =>
    warnings > 0 ? `✔ ${files} role files are valid (${warnings} warning${warnings === 1 ? '' : 's'}).` : `✔ ${files} role files are valid.`,
  problems: (errors, warnings, files) =>
    `✖ ${errors} error${errors === 1 ? '' : 's'}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${files} file${files === 1 ? '' : 's'} checked.`,
  internalError: (message) => `roledoc internal error: ${message} — a bug in roledoc, not a problem with your files; please report it with this message (add --debug for details).`,
  cwdNotFound: (dir) => `The folder ${dir} does not exist.`,
  notADirectory: (dir) => `${dir} is not a folder.`,
  cannotRead: (file, reason) => `Cannot read ${file} (${reason}).`,
  fontNotFound: (path) => `The font file ${path} does not exist.`,
  fontFaceNotFound: (path, face, available) => `The font collection ${path} has no face "${face}"; it has: ${available.join(', ')}.`,
  fontUnreadable: (path, reason) => `The font file ${path} cannot be read (${reason}).`,
  noCjkFont: 'No CJK font is available for PDF output.',
  fontNeedsFace: (path) => `${path} is a font collection (TTC) holding several faces: name one with face.`,
  fontFaces: (available) => `Write { path: …, face: ${simplifiedChineseFace(available)} } in roledoc.config.yaml; its faces are: ${available.join(', ')}.`,
  fontLacksLocale: (chars, lang) => `The PDF font cannot draw the document's own text (${lang}): ${sample(chars)}. Every page would show boxes.`,
  fontLacksLocaleHint: 'Name a CJK font under fonts in roledoc.config.yaml, or remove fonts to use the bundled CJK faces (Noto Serif SC / Noto Sans SC).',
  noCjkFontHint: 'Run npm ci again to install the bundled font, or name font files under fonts in roledoc.config.yaml.',
  progress: (done, total) => `Rendering ${done}/${total}`,
  built: (roles, written, unchanged, removed, seconds, outDir) =>
    `✔ ${roles} role${roles === 1 ? '' : 's'}, ${written} file${written === 1 ? '' : 's'} written${unchanged > 0 ? `, ${unchanged} unchanged` : ''}${removed > 0 ? `, ${removed} removed` : ''} in ${seconds} s (${outDir}).`,
  checkPassed: (roles, outDir) => `✔ The documents of ${roles} role${roles === 1 ? '' : 's'} in ${outDir} are up to date.`,
  checkFailed: (count) => `✖ ${count} document${count === 1 ? ' is' : 's are'} not up to date (missing, stale, foreign-modified, or orphaned by a deleted role). Run roledoc build.`,
  watching: (root) => `Watching ${root} for changes; Ctrl-C to stop.`,
  cannotWrite: (dir, reason) => `Cannot write to ${dir} (${reason}). The existing documents were left as they were.`,
  writeInterrupted: (dir, reason) => `Writing to ${dir} failed (${reason}); some documents may already be updated. Fix the cause and run roledoc build again.`,
  handbookOff: 'Asked for the handbook only (--only handbook), but the handbook is turned off (--no-handbook, or handbook: false in the config).',
  handbookOffHint: 'Drop --no-handbook, or set handbook: true in roledoc.config.yaml.',
  handbookNotSharded: 'The handbook holds every role and cannot be built in shares (--shard with --only handbook).',
  handbookNotShardedHint: 'Build the role documents with --shard, then the handbook in one last job with roledoc build --only handbook.',
  disowned: (file) => `${file} belongs to a deleted role but was changed by hand, so it was kept.`,
  badSourceDateEpoch: (value) => `SOURCE_DATE_EPOCH "${value}" is not usable: it must be a whole number of seconds in 1980–2099.`,
  checkWithWatch: '--check and --watch cannot be used together.',
  waitingForLock: 'Another roledoc build is writing to this output folder; waiting for it to finish…',
  initCreated: (file) => `+ ${file}`,
  initSkipped: (file) => `= ${file} (exists, left as it is)`,
  templatesBuiltin: 'Built-in templates:',
  templatesProject: 'Project templates:',
  templatesInUse: (name, file) => `In use: ${name}${file === undefined ? '' : `, that is ${file}`} (template in roledoc.config.yaml)`,
  ejectUnknown: (name, known) => `There is no built-in template "${name}"; there are: ${known.join(', ')}.`,
  ejectExists: (dir) => `${dir} already holds a template.yaml; nothing was overwritten.`,
  ejectExistsHint: 'Choose another folder (roledoc template eject <name> <folder>), or delete the template there first.',
  ejectCreated: (file) => `created ${file}`,
  ejectDone: (dir) =>
    `✔ The template is in ${dir}. Write template: ${dir} in roledoc.config.yaml to use it; keep only what you change, the rest comes from the template it extends.`,
  previewServing: (url) => `Preview running at ${url} (open it in a browser; it updates when a file is saved; Ctrl-C stops it)`,
  previewCannotListen: (port, reason) => `The preview could not start on port ${port === 0 ? '(any free one)' : port}: ${reason}`,
  previewCannotListenHint: 'The port may be taken: pick another (--port 8090), or leave --port out and roledoc picks a free one.',
  initTextconvSet: '  git is set up: git diff shows the words of .docx and .pdf documents.',
  initTextconvLater: (command) => `  This is not a git repository yet. After git init, run ${command} once and git diff shows the words of .docx and .pdf documents.`,
  initDone: (dir) => `✔ The HR repository is ready. Next: ${dir === '' ? '' : `cd ${dir}, then `}roledoc validate, then roledoc build.`,
  newBadId: (id) => `"${id}" cannot be a role id.`,
  newBadIdHint: 'Use lower-case letters, digits and hyphens, e.g. support-agent.',
  newExists: (file) => `${file} already exists; it was left as it is.`,
  newIdTaken: (id, file) => `The role id "${id}" is already used in ${file}.`,
  initGitignoreHint: 'The existing .gitignore does not list out/: add a line out/ unless you want the documents in git.',
  newCreated: (file) => `✔ Created ${file}: fill it in, then run roledoc validate.`,
  rebuilding: (file) => `${file} changed, rebuilding…`,
  badFormat: (value) => `Unknown format "${value}": use docx and/or pdf.`,
  // init --package
  badPackageSpec: (spec, reason) =>
    `npm cannot install roledoc from ${JSON.stringify(spec)}: ${{ empty: 'nothing is written there', spaces: 'it holds spaces or line breaks', option: 'it starts with -, which npm reads as an option', 'no-name': 'it names no package', unreadable: 'npm cannot read it' }[reason]}.`,
  badPackageSpecHint: 'Give a version (roledoc@0.1.0) or the URL of a release tarball (https://…/roledoc-0.1.0.tgz).',
  initPackageNote: (spec, fromRepository) =>
    `The CI workflow installs ${spec}. Until roledoc is published to npm, install it from its GitHub release instead: roledoc init --package ${fromRepository} (or change ROLEDOC_PACKAGE in .github/workflows/roledoc.yml).`,

  // --format naming two report formats (values and YAML hardening)
  oneReportFormat: (given, all) =>
    `--format takes one report format (${all.join(', ')}), but ${given.join(' and ')} were given. The document formats docx and pdf may go with it, e.g. --format pdf,json.`,
  // rendering: fonts, logos and memory at fault, and render bugs named by their document
  fontUnusable: (path, reason) => `The font file ${path} cannot be used: it opens, but setting text in it fails (${reason}).`,
  fontUnusableHint: 'The file may be damaged or incomplete: name another font file under fonts in roledoc.config.yaml (or the template), or remove it to use the bundled CJK faces (Noto Serif SC / Noto Sans SC).',
  renderedDocument: (role, format, file) => `${role === undefined ? "the handbook's" : `role ${role}'s`} ${format === 'pdf' ? 'PDF' : format === 'html' ? 'HTML document' : 'Word document'} (${file})`,
  renderFontFailed: (document, fontPath, reason) => `Cannot make ${document}: the PDF font ${fontPath} cannot set the document's text (${reason}). No file was written.`,
  renderLogoFailed: (document, logo) => `Cannot make ${document}: the template's logo${logo === undefined ? '' : ` ${logo}`} cannot be printed in it. No file was written.`,
  renderLogoFailedHint: 'Save the logo again as an ordinary PNG (24-bit, or 32-bit with transparency, not interlaced) or an ordinary JPEG in an image program, or remove logo from the template for now.',
  renderTooLarge: (document, limitMb) => `Rendering ${document} needs more than the ${limitMb} MB of memory a render thread may use. No file was written.`,
  renderTooLargeHint: (handbook, moreMb, limitedByUser) =>
    `${handbook ? 'To make the role documents without it, run roledoc build --only roles. The handbook needs' : 'It needs'} more memory: ${limitedByUser ? `raise the environment variable ROLEDOC_RENDER_MEMORY_MB (to ${moreMb}, say) or remove it` : `set the environment variable NODE_OPTIONS=--max-old-space-size=${moreMb} (in MB, no more than the computer has)`} and run again, or use a computer with more.`,
  badRenderMemory: (value) => `The environment variable ROLEDOC_RENDER_MEMORY_MB must be a whole number of MB, at least 16; it is "${value}".`,
  renderFailed: (document, message) => `Making ${document} failed: ${message}`,

  // the file system (harden-io)
  pathProblem: (problem, limit) => messagesFor('en').pathProblem(problem, limit),
  systemReason: (code) => (enSystemReasons[code] === undefined ? code : `${enSystemReasons[code]}, ${code}`),
  notAFile: (file, what) => `${file} is ${what}, not a regular file roledoc can read.`,
  notAFolder: (dir, what) => `${dir} is ${what}, not a folder.`,
  fontNotAFile: (path, what) => `The font file ${path} is ${what}, not a regular file.`,
  pathOutsideProject: (given, root) => `${given} is outside the project folder ${root}; roledoc checks only the project's role files.`,
  pathOutsideProjectHint: 'Run roledoc in that file\'s own project (--cwd DIR), or put the file in this project\'s roles folder.',
  pathIsConfig: (given) => `${given} is the project's configuration, not a role file.`,
  pathIsConfigHint: 'For every role, name no path (roledoc validate, roledoc build); for some roles, name their .yaml files or folders.',
  rolesIsDiskRoot: (setting) => `roles: ${setting} in roledoc.config.yaml is the whole disk; roledoc does not search a whole disk for role files.`,
  rolesTooMany: (folder, limit) => `${folder} holds more than ${limit} files and folders, which is not a roles folder; roledoc stopped looking.`,
  rolesTooWideHint: 'Set roles in roledoc.config.yaml to the folder of the role files, e.g. roles: roles.',
  allRolesOutside: (folder, real) => `Every role file in ${folder} lies outside the project folder (really in ${real}), so none was read; the build changed nothing.`,
  allRolesOutsideHint: 'The roles folder is a link out of the project. Put the role files back in the project, or set roles in roledoc.config.yaml to that folder\'s absolute path.',
  lockDamaged: (file) => `${file} held no process id (damaged, perhaps by a power cut); it was removed as a stale lock.`,
  lockLost: (dir) => `Another roledoc build took over the lock of ${dir}; this build stopped without writing any file.`,
  lockLostHint: 'Run roledoc build again once the other build has finished.',
  outputsKept: (count) => `✖ ${count} file${count === 1 ? ' was' : 's were'} not written by roledoc, or changed by hand since; to lose nothing, the build wrote no file.`,
  outputsKeptHint: (backups) => `Once they may be replaced, run roledoc build --overwrite: each is first moved to ${backups}. Or move them away, then build.`,
  outputKeptStatus: 'not written by roledoc, or changed by hand (kept)',
  outputReplaced: (file, backup) => `${file} was not written by roledoc (or was changed by hand) and was replaced; the old file is ${backup}.`,
  newBadDepartment: (department) => `The department "${department}" starts with a dot: its folder would be hidden, and roledoc validate and build do not read hidden folders.`,
  newBadDepartmentHint: 'Give the department a name that does not start with ".".',
  newBadText: (option) => `${option} holds a line break or another control character, which would break the role file.`,
  newBadTextHint: 'Write it on one line; edit the file for anything longer once it is created.',
};

export function cliMessagesFor(lang: Lang): CliMessages {
  return lang === 'en' ? en : zh;
}
