/**
 * A role as Markdown for pandoc (`pandoc role.md -o role.docx`), the usual way a team without
 * roledoc would get a Word file from text: the same fields as the classic form, its tables as
 * pipe tables (a cell holds one line, so a duty's tasks follow one another with their （n）labels).
 * Made before the timing starts; only pandoc and LibreOffice are timed.
 */
import type { Field, RoleForm } from './role-form.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function labelTable(fields: readonly Field[]): string {
  return ['| | |', '|---|---|', ...fields.map(([label, value]) => `| **${cell(label)}** | ${cell(value)} |`)].join('\n');
}

export function roleMarkdown(form: RoleForm): string {
  const out: string[] = [`# ${form.documentTitle}`, ''];
  const grid: string[] = ['| | | | |', '|---|---|---|---|'];
  for (let i = 0; i < form.grid.length; i += 2) {
    const a = form.grid[i];
    const b = form.grid[i + 1];
    if (a) grid.push(`| **${cell(a[0])}** | ${cell(a[1])} | ${b ? `**${cell(b[0])}**` : ''} | ${b ? cell(b[1]) : ''} |`);
  }
  if (form.careerPath.length > 0) grid.push(`| **发展通路** | ${cell(form.careerPath.join(' '))} | | |`);
  out.push(grid.join('\n'), '');
  if (form.purpose !== '') out.push('## 岗位目的', '', form.purpose, '');
  if (form.responsibilities.length > 0) out.push('## 岗位职责', '', ...form.responsibilities.map((r, i) => `${i + 1}. ${r}`), '');
  if (form.duties.length > 0) {
    out.push('## 工作职责与工作任务', '', '| 职责表述 | 工作任务 |', '|---|---|');
    for (const d of form.duties) out.push(`| **${cell(d.duty)}** | ${d.tasks.map((t, n) => `（${n + 1}）${cell(t)}`).join(' ')} |`);
    out.push('');
  }
  const sections: readonly [string, readonly Field[]][] = [
    ['工作协作关系', form.relations],
    ['任职资格', form.qualifications],
    ['其它', form.conditions],
  ];
  for (const [title, fields] of sections) if (fields.length > 0) out.push(`## ${title}`, '', labelTable(fields), '');
  if (form.kpis !== '') out.push('## 考核KPI指标', '', form.kpis, '');
  if (form.remarks !== '') out.push('## 备注', '', form.remarks, '');
  return out.join('\n');
}
