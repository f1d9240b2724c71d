/**
 * A project diff as a person reads it: for the terminal (colour, or git's [-removed-]{+added+}
 * marks without it) and as Markdown for a pull request or a job summary (a collapsible section per
 * role, <del>/<ins> inside reworded sentences).
 */
import type { ChalkInstance } from 'chalk';
import type { ItemChange, ProjectDiff, RoleDiff, Segment } from '../diff/compare.js';
import type { DiffMessages } from '../messages/diff-messages.js';
import type { ConfigChange } from '../pipeline/diff-projects.js';
import { escapeHtml } from '../render/html/text.js';

interface ReportLine {
  readonly lead: string;
  readonly body: readonly Segment[];
  readonly derived?: boolean;
}

/** Short values read best as before → after; long ones with the words that changed marked inside. */
function valueBody(before: string | undefined, after: string | undefined, segments: readonly Segment[] | undefined): Segment[] {
  if (before === undefined) return [{ op: 'added', text: after ?? '' }];
  if (after === undefined) return [{ op: 'removed', text: before }];
  if (segments === undefined || (Array.from(before).length <= 24 && Array.from(after).length <= 24)) {
    return [{ op: 'removed', text: before }, { op: 'same', text: ' → ' }, { op: 'added', text: after }];
  }
  return [...segments];
}

function itemLine(label: string, change: ItemChange, m: DiffMessages): ReportLine {
  switch (change.kind) {
    case 'added':
      return { lead: m.itemAdded(label, change.at), body: [{ op: 'added', text: change.text }] };
    case 'removed':
      return { lead: m.itemRemoved(label, change.from), body: [{ op: 'removed', text: change.text }] };
    case 'reworded':
      return { lead: m.itemReworded(label, change.at, change.from), body: change.segments };
    case 'moved':
      return { lead: m.itemMoved(label, change.from, change.at), body: [{ op: 'same', text: change.text }] };
    case 'moved-in':
      return { lead: m.itemMovedIn(label, change.at, change.fromDuty), body: [{ op: 'added', text: change.text }] };
  }
}

export function roleLines(role: RoleDiff, m: DiffMessages): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const field of role.fields) {
    if (field.kind === 'renamed') {
      lines.push({ lead: m.sectionRenamed, body: valueBody(field.before, field.after, undefined) });
      continue;
    }
    const derived = field.derived === true ? { derived: true } : {};
    if (field.kind === 'value') {
      const lead = field.before === undefined ? m.valueAdded(field.label) : field.after === undefined ? m.valueRemoved(field.label) : m.valueChanged(field.label);
      lines.push({ lead, body: valueBody(field.before, field.after, field.segments), ...derived });
    } else {
      for (const change of field.changes) lines.push({ ...itemLine(field.label, change, m), ...derived });
    }
  }
  // A duty's tasks, each ending in its own punctuation, read as a list when shown on one line.
  const tasks = (list: readonly string[]): string => list.join(' / ');
  for (const duty of role.duties) {
    if (duty.kind === 'added') lines.push({ lead: m.dutyAdded(role.dutiesLabel, duty.duty), body: [{ op: 'added', text: tasks(duty.tasks) }] });
    else if (duty.kind === 'removed') lines.push({ lead: m.dutyRemoved(role.dutiesLabel, duty.duty), body: [{ op: 'removed', text: tasks(duty.tasks) }] });
    else if (duty.kind === 'moved') lines.push({ lead: m.dutyMoved(role.dutiesLabel, duty.from, duty.at), body: [{ op: 'same', text: duty.duty }] });
    else {
      if (duty.before !== undefined) lines.push({ lead: m.dutyRenamed(role.dutiesLabel), body: valueBody(duty.before, duty.duty, duty.segments) });
      for (const task of duty.tasks) lines.push(itemLine(m.duty(role.dutiesLabel, duty.duty), task, m));
    }
  }
  return lines;
}

const statusWord = (role: RoleDiff, m: DiffMessages): string => (role.status === 'added' ? m.added : role.status === 'removed' ? m.removed : m.changed);

function counts(diff: ProjectDiff): [number, number, number] {
  const count = (status: RoleDiff['status']): number => diff.roles.filter((role) => role.status === status).length;
  return [count('changed'), count('added'), count('removed')];
}

export function formatDiffText(diff: ProjectDiff, config: readonly ConfigChange[], sides: { before: string; after: string }, m: DiffMessages, chalk: ChalkInstance): string {
  if (diff.roles.length === 0 && config.length === 0) return `${m.noChanges(sides.before, sides.after)}\n`;
  const plain = chalk.level === 0;
  const show = (segments: readonly Segment[]): string =>
    segments
      .map((s) =>
        s.op === 'same' ? s.text : s.op === 'removed' ? (plain ? `[-${s.text}-]` : chalk.red.strikethrough(s.text)) : plain ? `{+${s.text}+}` : chalk.green(s.text),
      )
      .join('');
  const out: string[] = [chalk.bold(m.heading(sides.before, sides.after)), ...(diff.roles.length > 0 ? [m.summary(...counts(diff))] : []), ''];
  if (config.length > 0) {
    out.push(chalk.yellow(m.settings));
    for (const change of config) out.push(`  ${change.key}: ${show(valueBody(change.before, change.after, undefined))}`);
  }
  for (const role of diff.roles) {
    const colour = role.status === 'added' ? chalk.green : role.status === 'removed' ? chalk.red : chalk.yellow;
    const renamed = role.renamedFrom ? `  ${chalk.dim(m.renamed(role.renamedFrom.title, role.renamedFrom.id))}` : '';
    out.push(`${colour(statusWord(role, m))} ${chalk.bold(role.title)}${chalk.dim(m.roleHeadline(role.id, role.department))}${renamed}`);
    for (const line of roleLines(role, m)) out.push(`  ${line.lead}${show(line.body)}${line.derived ? chalk.dim(m.derived) : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** Text safe in GitHub Markdown: HTML's specials as entities, Markdown's marks escaped. */
function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/([\\`*_[\]|~#])/g, '\\$1')
    .replace(/\n/g, '<br>');
}

export function formatDiffMarkdown(diff: ProjectDiff, config: readonly ConfigChange[], sides: { before: string; after: string }, m: DiffMessages): string {
  // A code span needs no escapes inside; a revision or id has no backtick to fence.
  const code = (text: string): string => `\`${text.replaceAll('`', '')}\``;
  if (diff.roles.length === 0 && config.length === 0) return `${escapeMarkdown(m.noChanges(sides.before, sides.after))}\n`;
  const show = (segments: readonly Segment[]): string =>
    segments.map((s) => (s.op === 'same' ? escapeMarkdown(s.text) : s.op === 'removed' ? `<del>${escapeMarkdown(s.text)}</del>` : `<ins>${escapeMarkdown(s.text)}</ins>`)).join('');
  const out: string[] = [`### ${m.heading(code(sides.before), code(sides.after))}`, '', ...(diff.roles.length > 0 ? [escapeMarkdown(m.summary(...counts(diff))), ''] : [])];
  if (config.length > 0) {
    out.push(`**${escapeMarkdown(m.settings)}**`, '');
    for (const change of config) out.push(`- ${code(change.key)}: ${show(valueBody(change.before, change.after, undefined))}`);
    out.push('');
  }
  for (const role of diff.roles) {
    const lines = roleLines(role, m);
    // A <summary> line is HTML, where Markdown is not read: entities only, and <code> for the id.
    const renamed = role.renamedFrom ? ` · ${escapeHtml(m.renamed(role.renamedFrom.title, role.renamedFrom.id))}` : '';
    const size = lines.length > 0 ? ` · ${m.changesIn(lines.length)}` : '';
    const summary = `<b>${escapeHtml(statusWord(role, m))}</b> ${escapeHtml(role.title)}（<code>${escapeHtml(role.id)}</code> · ${escapeHtml(role.department)}）${renamed}${size}`;
    if (lines.length === 0) {
      out.push(`- ${summary}`, '');
      continue;
    }
    out.push('<details>', `<summary>${summary}</summary>`, '');
    for (const line of lines) out.push(`- ${escapeMarkdown(line.lead)}${show(line.body)}${line.derived ? escapeMarkdown(m.derived) : ''}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
