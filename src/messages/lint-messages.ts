/** What `roledoc lint` says of a finding, in Chinese and English; docs/rules/<id>.md says why. */
import type { Lang } from './lang.js';

export type LintRuleWords = 'gender' | 'age' | 'marital' | 'hukou' | 'ethnicity' | 'religion' | 'health' | 'appearance' | 'vague' | 'duplicate' | 'kpi-trace' | 'punctuation';

export interface LintMessages {
  phrase(rule: LintRuleWords, phrase: string): string;
  phraseHint(rule: LintRuleWords): string;
  duplicateInRole(text: string, firstLine: number): string;
  duplicateAcrossRoles(count: number): string;
  duplicateHint: string;
  kpiUntraced(kpi: string, closest: string | undefined): string;
  dutyUnmeasured(duty: string, closest: string | undefined): string;
  kpiTraceHint: string;
  halfWidth(mark: string, fullWidth: string): string;
  halfWidthHint: string;
  fixed(count: number, files: number): string;
  fixUndone(file: string): string;
  silenceWithoutReason(rule: string): string;
  silenceUnused(rule: string): string;
  silenceHint: string;
  clean(files: number): string;
  found(errors: number, warnings: number, infos: number): string;
}

const ZH_GROUNDS: Record<LintRuleWords, string> = {
  gender: '性别',
  age: '年龄',
  marital: '婚育状况',
  hukou: '户籍或地域',
  ethnicity: '民族',
  religion: '宗教信仰',
  health: '健康状况（病原携带）',
  appearance: '相貌或身高',
  vague: '',
  duplicate: '',
  'kpi-trace': '',
  punctuation: '',
};
const EN_GROUNDS: Record<LintRuleWords, string> = {
  gender: 'gender',
  age: 'age',
  marital: 'marital or childbearing status',
  hukou: 'household registration or origin',
  ethnicity: 'ethnicity',
  religion: 'religion',
  health: 'a health condition (carrying a pathogen)',
  appearance: 'looks or height',
  vague: '',
  duplicate: '',
  'kpi-trace': '',
  punctuation: '',
};

const zh: LintMessages = {
  phrase: (rule, phrase) =>
    rule === 'vague' ? `“${phrase}”无法衡量：写明具体的年限、水平或做到什么。` : `“${phrase}”以${ZH_GROUNDS[rule]}作为招用条件，可能构成就业歧视。`,
  phraseHint: (rule) =>
    rule === 'vague'
      ? '例如“3年以上客服工作经验”“能独立处理客户投诉”“英语六级”。说明见 docs/rules/vague.md。'
      : `删去这个条件，或只写岗位真正需要、可以说明理由的要求；确有法定依据时，在这一行加注释 # roledoc: allow ${rule} — 理由。说明见 docs/rules/${rule}.md。`,
  duplicateInRole: (text, firstLine) => `这句话在本岗位里第 ${firstLine} 行已经写过：“${Array.from(text).slice(0, 20).join('')}…”`,
  duplicateAcrossRoles: (count) => `这句话在 ${count} 个岗位里一字不差，可能是复制来的，没有写出本岗位的特点。`,
  duplicateHint: '删去重复的一处，或把它改成本岗位特有的写法。说明见 docs/rules/duplicate.md。',
  kpiUntraced: (kpi, closest) => `考核指标“${kpi}”看不出衡量的是哪项职责${closest === undefined ? '' : `（最接近的是“${Array.from(closest).slice(0, 16).join('')}…”）`}。`,
  dutyUnmeasured: (duty, closest) => `职责“${duty}”没有考核指标衡量${closest === undefined ? '' : `（最接近的指标是“${closest}”）`}。`,
  halfWidth: (mark, full) => `中文之间用了半角的“${mark}”，应为全角“${full}”。`,
  halfWidthHint: 'roledoc lint --fix 可以自动改正。',
  fixed: (count, files) => `✔ 已在 ${files} 个文件中改正 ${count} 处。`,
  fixUndone: (file) => `${file} 改正后无法通过检查，已保持原样。`,
  kpiTraceHint: '每项考核指标应能对应到一项职责，每项主要职责应有指标衡量；这是按用词相近给出的提示，说明见 docs/rules/kpi-trace.md。',
  silenceWithoutReason: (rule) => `“roledoc: allow ${rule}”没有写理由。`,
  silenceUnused: (rule) => `“roledoc: allow ${rule}”没有屏蔽任何提示，可以删去。`,
  silenceHint: '写法：# roledoc: allow 规则 — 理由（例如 # roledoc: allow age — 国家规定的特殊工种）。',
  clean: (files) => `✔ ${files} 个岗位文件没有发现问题。`,
  found: (errors, warnings, infos) => `发现 ${errors} 个错误、${warnings} 个警告、${infos} 条提示。`,
};

const en: LintMessages = {
  phrase: (rule, phrase) =>
    rule === 'vague' ? `"${phrase}" cannot be measured: say how many years, what level, or what the person can do.` : `"${phrase}" makes ${EN_GROUNDS[rule]} a condition of hiring, which may be discrimination.`,
  phraseHint: (rule) =>
    rule === 'vague'
      ? 'For example "3 years in customer service", "handles complaints on their own", "CET-6". See docs/rules/vague.md.'
      : `Drop the condition, or keep only what the job needs and can be justified; where the law requires it, add # roledoc: allow ${rule} — reason on the line. See docs/rules/${rule}.md.`,
  duplicateInRole: (text, firstLine) => `This sentence is already on line ${firstLine} of this role: "${Array.from(text).slice(0, 20).join('')}…"`,
  duplicateAcrossRoles: (count) => `This sentence is word for word the same in ${count} roles: copied, rather than written for the role.`,
  duplicateHint: 'Remove one of the two, or make it say what is particular to this role. See docs/rules/duplicate.md.',
  kpiUntraced: (kpi, closest) => `The KPI "${kpi}" measures no duty that can be told${closest === undefined ? '' : ` (the closest is "${Array.from(closest).slice(0, 16).join('')}…")`}.`,
  dutyUnmeasured: (duty, closest) => `No KPI measures the duty "${duty}"${closest === undefined ? '' : ` (the closest KPI is "${closest}")`}.`,
  halfWidth: (mark, full) => `A half-width "${mark}" between Chinese characters: the full-width "${full}" belongs there.`,
  halfWidthHint: 'roledoc lint --fix corrects it.',
  fixed: (count, files) => `✔ Fixed ${count} in ${files} files.`,
  fixUndone: (file) => `${file} would not pass the checks after the fix, so it was left as it was.`,
  kpiTraceHint: 'Each KPI should measure a duty, and each main duty have a KPI; this hint matches by shared words. See docs/rules/kpi-trace.md.',
  silenceWithoutReason: (rule) => `"roledoc: allow ${rule}" gives no reason.`,
  silenceUnused: (rule) => `"roledoc: allow ${rule}" silences nothing and can go.`,
  silenceHint: 'Write: # roledoc: allow <rule> — <reason> (e.g. # roledoc: allow age — a job the law restricts by age).',
  clean: (files) => `✔ No problem found in ${files} role files.`,
  found: (errors, warnings, infos) => `${errors} errors, ${warnings} warnings, ${infos} hints.`,
};

export function lintMessagesFor(lang: Lang): LintMessages {
  return lang === 'en' ? en : zh;
}
