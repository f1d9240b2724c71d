/**
 * The files `roledoc init` writes: an HR repository that validates and builds at once, opens in
 * VS Code with autocompletion, and has a CI workflow. Pure: returns paths and contents.
 */

export interface ScaffoldFile {
  /** Project-relative path with forward slashes. */
  readonly path: string;
  readonly content: string;
}

const CONFIG = `# yaml-language-server: $schema=./schemas/config.schema.json
# roledoc 项目配置。所有项都可以省略；说明见 schemas/config.schema.json。
title: 岗位说明书          # 手册标题
organization: ""           # 单位名称
roles: roles               # 岗位文件所在的目录
out: out                   # 生成的文档放在这里
template: classic          # 文档模板：classic、modern，或 templates/ 下自己的模板（roledoc template eject classic）
locale: zh-CN              # 文档语言：zh-CN、en、zh-TW，或项目的语言包文件（如 locales/our-words.yaml）
formats: [docx, pdf]
handbook: true
`;

const EXAMPLE_ROLE = `# yaml-language-server: $schema=../../schemas/role.schema.json
# 示例岗位：照着改，或用 roledoc new <id> 新建一个。
id: cs-supervisor
title: 客服主管
department: 客服部
unit: 客服各分部
headcount: 4
reports_to: 部门经理
established: 2014-09
salary: { min: 6000, max: 9000 }
career_path: [客服主管, 客服副经理, 客服经理, 客服总监]
purpose: 带领客服团队完成日常服务与营销任务，保证服务质量。
responsibilities:
  - 负责协助部门经理做总体业务规划、战略计划的执行和分解；
  - 负责现场监督和执行管理，保障日常工作正常开展；
  - 负责管辖团队的培训和能力训练。
duties:
  - duty: 日常行政管理
    tasks:
      - 负责对管辖范围内人员的日常工作进行管理安排，及时发现问题，并不断优化管理方法；
      - 负责定期向部门经理汇报总体工作进度。
  - duty: 目标计划管理
    tasks:
      - 负责团队目标任务的具体岗位分解，制定当月完成进度计划。
relations:
  internal: [公司各部门, 客服经理]
  external: [上级单位和兄弟单位]
qualifications:
  education: 大专以上
  education_note: 根据能力可放宽标准
  majors: [企业管理, 市场营销]
  majors_note: 等专业优先
  experience: 4年以上工作经验，2年以上管理经验。
  personal:
    - 善于交流、协调能力强；
    - 敢于创新、不畏困难。
conditions:
  tools: 计算机、办公软件
  environment: 办公室
  schedule: 工作时间固定、规律
  records: 各运营相关文件
kpis:
  - { name: 销售业绩完成率, weight: 40, target: ≥ 100% }
  - { name: 客户满意度, weight: 40, target: ≥ 95% }
  - { name: 人员流失率, weight: 20, target: ≤ 10% }
remarks: 本岗位说明书每年复核一次。
`;

const VSCODE_SETTINGS = `{
  "yaml.schemas": {
    "./schemas/role.schema.json": ["roles/**/*.yaml", "roles/**/*.yml"],
    "./schemas/config.schema.json": "roledoc.config.yaml",
    "./schemas/template.schema.json": "templates/*/template.yaml",
    "./schemas/locale.schema.json": "locales/*.yaml"
  },
  "files.encoding": "utf8"
}
`;

const VSCODE_EXTENSIONS = `{
  "recommendations": ["redhat.vscode-yaml"]
}
`;

function workflow(packageSpec: string, fromRepository: string): string {
  return `# 每次提交都检查岗位文件并生成文档。生成的文档在 Actions 页面的 Artifacts 里下载。
# Checks the role files and builds the documents on every push and pull request.
name: roledoc
on:
  push:
    branches: ["**"]
  pull_request:

permissions:
  contents: read

env:
  # Where to install roledoc from: a package name@version from npm, or the URL of a release tarball.
  # Until roledoc is published to npm, install it from its GitHub release:
  # ${fromRepository}
  ROLEDOC_PACKAGE: ${JSON.stringify(packageSpec)}

jobs:
  documents:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # full history: each document is dated by the last commit of its role
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install roledoc
        run: npm install --global "$ROLEDOC_PACKAGE"
      - name: Validate
        run: roledoc validate --format github
      - name: Build
        run: roledoc build --format github
      - uses: actions/upload-artifact@v4
        with:
          name: documents
          path: out/
          include-hidden-files: true # the build manifest, out/.roledoc-manifest.json

  # On a pull request: what changes in the job descriptions, as HR reads them, in the job summary.
  # Opt in to a comment on the pull request as well: set the repository variable ROLEDOC_PR_COMMENT
  # to true (Settings → Secrets and variables → Actions → Variables).
  changes:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base branch too, to compare with
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install roledoc
        run: npm install --global "$ROLEDOC_PACKAGE"
      - name: Changes to the job descriptions
        env:
          BASE_REF: \${{ github.base_ref }}
        # A base without the project yet (the pull request that adds it) or a role file that does not
        # validate is said in the summary; the documents job fails for the latter, this one does not.
        run: |
          if ! roledoc diff "origin/$BASE_REF" HEAD --format markdown > roledoc-diff.md 2> roledoc-diff.err; then
            { echo '\`\`\`'; cat roledoc-diff.err; echo '\`\`\`'; } > roledoc-diff.md
            cat roledoc-diff.err
          fi
          cat roledoc-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment on the pull request
        # Not from a fork: there the token cannot write comments.
        if: vars.ROLEDOC_PR_COMMENT == 'true' && github.event.pull_request.head.repo.full_name == github.repository
        continue-on-error: true
        env:
          GH_TOKEN: \${{ github.token }}
          PR_NUMBER: \${{ github.event.pull_request.number }}
        # A comment holds at most 65,536 characters.
        run: |
          head -c 60000 roledoc-diff.md > roledoc-comment.md
          gh pr comment "$PR_NUMBER" --body-file roledoc-comment.md --edit-last || gh pr comment "$PR_NUMBER" --body-file roledoc-comment.md

  # Opt in: set the repository variable ROLEDOC_COMMIT_OUT to true (Settings → Secrets and
  # variables → Actions → Variables) to commit the documents back to the branch, and remove out/
  # from .gitignore. Pushes to one branch take turns, so two runs never race to push.
  commit:
    needs: documents
    if: github.event_name == 'push' && github.ref_type == 'branch' && vars.ROLEDOC_COMMIT_OUT == 'true'
    runs-on: ubuntu-latest
    permissions:
      contents: write
    concurrency:
      group: roledoc-commit-\${{ github.ref }}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: actions/download-artifact@v4
        with:
          name: documents
          path: out/
      - name: Commit the documents
        run: |
          git config user.name "roledoc"
          git config user.email "roledoc@users.noreply.github.com"
          git add --force out/
          git diff --cached --quiet && exit 0
          git commit -m "Regenerate job descriptions [skip ci]"
          git pull --rebase
          git push
`;
}

/** git diff on committed documents shows their words, through `roledoc textconv` (the git config line init sets). */
export const TEXTCONV_CONFIG = ['diff.roledoc.textconv', 'roledoc textconv'] as const;

const GITATTRIBUTES = `# git diff 和 git log -p 显示 .docx、.pdf 文档里的文字，而不是“Binary files differ”。
# 每个克隆需要运行一次（roledoc init 已在这个仓库里运行过）：
#   git config ${TEXTCONV_CONFIG[0]} "${TEXTCONV_CONFIG[1]}"
# git diff and git log -p show the words of committed .docx and .pdf documents (once per clone: the line above).
*.docx diff=roledoc
*.pdf diff=roledoc
`;

const GITIGNORE = `node_modules/
# The generated documents. Remove this line to keep them in git
# (see .github/workflows/roledoc.yml, ROLEDOC_COMMIT_OUT).
out/
`;

const README = `# 岗位说明书

这个仓库用 roledoc 管理岗位说明书：每个岗位一个 YAML 文件，
自动检查并生成 Word（.docx）和 PDF 文档。

## 安装

roledoc 需要 Node.js 22 或更新版本。安装：\`npm install --global <安装来源>\`。安装来源可以是 npm 上的版本
（如 \`roledoc@0.1.0\`），或 GitHub 发布页上的安装包（\`roledoc-<版本>.tgz\` 的下载地址）。roledoc 发布到 npm 之前，
请用安装包的地址。CI 使用的来源写在 \`.github/workflows/roledoc.yml\` 的 ROLEDOC_PACKAGE 中。

## 日常使用

1. 用 VS Code 打开这个文件夹，按提示安装 YAML 插件（Red Hat）。写岗位文件时会有自动补全和错误提示。
2. 新建岗位：\`roledoc new kf-zhuanyuan --title 客服专员 --department 客服部\`，然后填写生成的文件。
3. 检查：\`roledoc validate\`。每个问题都会告诉您文件、行号和改法。
4. 生成文档：\`roledoc build\`，文档在 \`out/\` 文件夹里。

## 文件

- \`roles/\`：岗位文件，可以按部门分文件夹。
- \`roledoc.config.yaml\`：手册标题、单位名称、文档语言等。
- \`schemas/\`：岗位文件的格式说明，供 VS Code 使用。升级 roledoc 后运行
  \`roledoc schema role > schemas/role.schema.json\`（config、template、locale 同理）更新。
- \`templates/\`（可选）：自己的文档模板，用 \`roledoc template eject classic\` 开始。
- \`.github/workflows/roledoc.yml\`：每次提交自动检查并生成文档。文档的日期取自岗位文件最后一次提交的时间，
  所以 CI 需要完整的 git 历史（已设置 fetch-depth: 0）。

## 常见问题

- 冒号、空格、引号要用英文输入法输入；每条职责单独一行，以“- ”开头。
- 文件请保存为 UTF-8 编码（VS Code 默认就是）。
`;

/**
 * @param packageSpec where the CI workflow installs roledoc from (an npm install spec, already checked).
 * @param fromRepository the spec that installs this roledoc from its repository, for the comment beside it.
 */
export function projectFiles(
  schemas: { readonly role: string; readonly config: string; readonly template: string; readonly locale: string },
  packageSpec: string,
  fromRepository: string,
): ScaffoldFile[] {
  return [
    { path: 'roledoc.config.yaml', content: CONFIG },
    { path: 'roles/客服部/cs-supervisor.yaml', content: EXAMPLE_ROLE },
    { path: 'schemas/role.schema.json', content: schemas.role },
    { path: 'schemas/config.schema.json', content: schemas.config },
    { path: 'schemas/template.schema.json', content: schemas.template },
    { path: 'schemas/locale.schema.json', content: schemas.locale },
    { path: '.vscode/settings.json', content: VSCODE_SETTINGS },
    { path: '.vscode/extensions.json', content: VSCODE_EXTENSIONS },
    { path: '.github/workflows/roledoc.yml', content: workflow(packageSpec, fromRepository) },
    { path: '.gitignore', content: GITIGNORE },
    { path: '.gitattributes', content: GITATTRIBUTES },
    { path: 'README.md', content: README },
  ];
}
