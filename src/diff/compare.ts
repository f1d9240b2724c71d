/**
 * Two versions of a project's roles → what changed, in the documents' words: roles added, removed
 * or renamed; within a role each field changed, each list item added, removed, reworded (matched by
 * similarity, so a reworded sentence is one change) or moved, tasks moved between duties, links
 * that point elsewhere, and what changed only because another role did (直接下级). Pure.
 */
import { distance } from 'fastest-levenshtein';
import type { Locale } from '../locale/locale.js';
import type { RawDuty, Role } from '../model/role.js';
import { roleText, shownFields, type ShownField } from './shown.js';

/** A piece of a reworded text: kept, taken out or put in. */
export interface Segment {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Positions are 1-based, as the documents number items: `from` in the version before, `at` in the version after. */
export type ItemChange =
  | { readonly kind: 'added'; readonly at: number; readonly text: string }
  | { readonly kind: 'removed'; readonly from: number; readonly text: string }
  | { readonly kind: 'reworded'; readonly from: number; readonly at: number; readonly before: string; readonly after: string; readonly segments: readonly Segment[] }
  | { readonly kind: 'moved'; readonly from: number; readonly at: number; readonly text: string }
  /** A task now under this duty that was under another one. */
  | { readonly kind: 'moved-in'; readonly at: number; readonly text: string; readonly fromDuty: string };

export type FieldChange =
  | {
      readonly kind: 'value';
      readonly key: string;
      readonly label: string;
      readonly before?: string;
      readonly after?: string;
      readonly segments?: readonly Segment[];
      /** Only because another role changed (it was renamed, or its 直接上级 moved). */
      readonly derived?: boolean;
    }
  | { readonly kind: 'items'; readonly key: string; readonly label: string; readonly changes: readonly ItemChange[]; readonly derived?: boolean }
  /** A section of the organisation's own under a new title, its items compared as one section's. */
  | { readonly kind: 'renamed'; readonly key: string; readonly before: string; readonly after: string };

export type DutyChange =
  | { readonly kind: 'added'; readonly at: number; readonly duty: string; readonly tasks: readonly string[] }
  | { readonly kind: 'removed'; readonly from: number; readonly duty: string; readonly tasks: readonly string[] }
  | { readonly kind: 'moved'; readonly from: number; readonly at: number; readonly duty: string }
  | {
      readonly kind: 'changed';
      readonly at: number;
      readonly duty: string;
      /** The duty's title before, when it was reworded. */
      readonly before?: string;
      readonly segments?: readonly Segment[];
      readonly tasks: readonly ItemChange[];
    };

export interface RoleDiff {
  readonly status: 'added' | 'removed' | 'changed';
  readonly id: string;
  readonly title: string;
  readonly department: string;
  /** The same role under another id before (its content is alike). */
  readonly renamedFrom?: { readonly id: string; readonly title: string };
  readonly fields: readonly FieldChange[];
  readonly duties: readonly DutyChange[];
  /** The label of 工作职责与工作任务, for reporters. */
  readonly dutiesLabel: string;
}

export interface ProjectDiff {
  readonly roles: readonly RoleDiff[];
}

/** How alike two texts are, 0 to 1, by edit distance over the longer one. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Texts at least this alike are one text reworded, not one removed and another added. */
const REWORDED = 0.5;
/** Roles at least this alike under two ids are one role renamed. */
const SAME_ROLE = 0.8;

/**
 * A text as the units a change is read in: a number or a Latin word whole (60% → 50%, not 6 → 5),
 * any other character on its own (a Chinese character is a word).
 */
function tokens(text: string): string[] {
  return text.match(/[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|[\s\S]/gu) ?? [];
}

/** What was taken out of `before` and put into `after`, word by word (longest common subsequence). */
export function segmentsOf(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  // Past this the table grows too large to be worth it: the whole text is shown replaced.
  if (a.length * b.length > 400_000) return [{ op: 'removed', text: before }, { op: 'added', text: after }];
  const lengths: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const below = lengths[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const segments: Segment[] = [];
  const push = (op: Segment['op'], text: string): void => {
    const last = segments[segments.length - 1];
    if (last && last.op === op) segments[segments.length - 1] = { op, text: last.text + text };
    else segments.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i] as string);
      i += 1;
      j += 1;
    } else if (((lengths[i + 1] as Uint32Array)[j] as number) >= ((lengths[i] as Uint32Array)[j + 1] as number)) {
      push('removed', a[i] as string);
      i += 1;
    } else {
      push('added', b[j] as string);
      j += 1;
    }
  }
  while (i < a.length) push('removed', a[i++] as string);
  while (j < b.length) push('added', b[j++] as string);
  return segments;
}

/** The indexes of the longest increasing run of `values`, for telling items that kept their order from those that moved. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((values[tails[mid] as number] as number) < (values[i] as number)) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let k = tails[tails.length - 1]; k !== undefined && k >= 0; k = previous[k] === -1 ? undefined : previous[k]) kept.add(k);
  return kept;
}

/** Pairs of (before, after) indexes, best-alike first, each at least REWORDED alike and each index used once. */
function pairBySimilarity(before: readonly string[], after: readonly string[], left: readonly number[], right: readonly number[]): [number, number][] {
  const candidates: [number, number, number][] = [];
  for (const i of left) for (const j of right) {
    const score = similarity(before[i] as string, after[j] as string);
    if (score >= REWORDED) candidates.push([score, i, j]);
  }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedLeft.has(i) || usedRight.has(j)) continue;
    usedLeft.add(i);
    usedRight.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

export interface ItemOptions {
  /** What names each item, when it has a name apart from its words (a KPI's name): the same name is the same item. */
  readonly keysBefore?: readonly string[];
  readonly keysAfter?: readonly string[];
  /** Items are names of other things (直接下级): the same or not, never reworded or moved. */
  readonly exact?: boolean;
}

/** How a list became another: items added, removed, reworded and moved. */
export function diffItems(before: readonly string[], after: readonly string[], options: ItemOptions = {}): ItemChange[] {
  const changes: { order: number; change: ItemChange }[] = [];
  const reworded = (i: number, j: number): void => {
    const [b, a] = [before[i] as string, after[j] as string];
    changes.push({ order: j, change: { kind: 'reworded', from: i + 1, at: j + 1, before: b, after: a, segments: segmentsOf(b, a) } });
  };
  const usedBefore = new Set<number>();
  const matchOf = new Array<number | undefined>(after.length).fill(undefined);
  const paired = new Set<number>();
  // Items with a name of their own are matched by it first: a KPI whose weight changed is that KPI.
  const { keysBefore, keysAfter } = options;
  if (keysBefore && keysAfter) {
    after.forEach((text, j) => {
      const i = keysBefore.findIndex((key, index) => !usedBefore.has(index) && key === keysAfter[j]);
      if (i < 0) return;
      usedBefore.add(i);
      if (before[i] === text) matchOf[j] = i;
      else {
        paired.add(j);
        reworded(i, j);
      }
    });
  }
  // Then equal items, in order; those whose order changed against the others moved.
  const unusedBefore = new Map<string, number[]>();
  before.forEach((text, i) => {
    if (!usedBefore.has(i)) unusedBefore.set(text, [...(unusedBefore.get(text) ?? []), i]);
  });
  after.forEach((text, j) => {
    if (matchOf[j] !== undefined || paired.has(j)) return;
    const free = unusedBefore.get(text);
    const i = free?.shift();
    if (i !== undefined) {
      matchOf[j] = i;
      usedBefore.add(i);
    }
  });
  const matchedAfter = after.map((_, j) => j).filter((j) => matchOf[j] !== undefined);
  const inOrder = longestIncreasing(matchedAfter.map((j) => matchOf[j] as number));
  if (options.exact !== true) {
    matchedAfter.forEach((j, k) => {
      if (!inOrder.has(k)) changes.push({ order: j, change: { kind: 'moved', from: (matchOf[j] as number) + 1, at: j + 1, text: after[j] as string } });
    });
  }
  const leftBefore = before.map((_, i) => i).filter((i) => !usedBefore.has(i));
  const leftAfter = after.map((_, j) => j).filter((j) => matchOf[j] === undefined && !paired.has(j));
  const pairs = options.exact === true ? [] : pairBySimilarity(before, after, leftBefore, leftAfter);
  for (const [i, j] of pairs) reworded(i, j);
  const pairedNow = new Set(pairs.flatMap(([i, j]) => [`b${i}`, `a${j}`]));
  for (const j of leftAfter) if (!pairedNow.has(`a${j}`)) changes.push({ order: j, change: { kind: 'added', at: j + 1, text: after[j] as string } });
  // A removed item sorts where it stood, just before what now stands there.
  for (const i of leftBefore) if (!pairedNow.has(`b${i}`)) changes.push({ order: i - 0.5, change: { kind: 'removed', from: i + 1, text: before[i] as string } });
  return changes.sort((x, y) => x.order - y.order).map((entry) => entry.change);
}

/** Extra sections of the organisation's own (岗位权限) keyed by title: one renamed keeps its items. */
function renamedSections(before: readonly ShownField[], after: readonly ShownField[]): Map<string, ShownField> {
  const isExtra = (field: ShownField): boolean => field.key.startsWith('extra:');
  const afterKeys = new Set(after.map((field) => field.key));
  const beforeKeys = new Set(before.map((field) => field.key));
  const gone = before.filter((field) => isExtra(field) && !afterKeys.has(field.key));
  const fresh = after.filter((field) => isExtra(field) && !beforeKeys.has(field.key));
  const renamed = new Map<string, ShownField>();
  const used = new Set<string>();
  for (const field of fresh) {
    const match = gone
      .filter((old) => !used.has(old.key))
      .map((old) => ({ old, score: similarity((old.items ?? []).join('\n'), (field.items ?? []).join('\n')) }))
      .filter(({ score }) => score >= REWORDED)
      .sort((x, y) => y.score - x.score)[0];
    if (match) {
      renamed.set(field.key, match.old);
      used.add(match.old.key);
    }
  }
  return renamed;
}

function diffFields(before: readonly ShownField[], after: readonly ShownField[], ownId: string): FieldChange[] {
  const renamed = renamedSections(before, after);
  const renamedFrom = new Set([...renamed.values()].map((field) => field.key));
  const beforeByKey = new Map(before.map((field) => [field.key, field]));
  const afterByKey = new Map(after.map((field) => [field.key, field]));
  const keys = [...after.map((field) => field.key), ...before.map((field) => field.key).filter((key) => !afterByKey.has(key) && !renamedFrom.has(key))];
  const titleChanged = beforeByKey.get('title')?.value !== afterByKey.get('title')?.value;
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const b = renamed.get(key) ?? beforeByKey.get(key);
    const a = afterByKey.get(key);
    const label = (a ?? b)?.label ?? key;
    if (b && a && b.key !== a.key) changes.push({ kind: 'renamed', key, before: b.label, after: a.label });
    // A link whose role was renamed shows new words for the same role: the change is that role's
    // (but this role's own title in its career path is its own change).
    const sameLinks = a?.links !== undefined && b?.links !== undefined && a.links.join('\n') === b.links.join('\n');
    const ownTitle = titleChanged && (a?.links ?? []).includes(`#${ownId}`);
    const derived = (a ?? b)?.derived === true || (sameLinks && !ownTitle);
    const isList = (a ?? b)?.items !== undefined;
    if (isList) {
      const options: ItemOptions = {
        ...((a ?? b)?.derived === true ? { exact: true } : {}),
        ...(b?.keys && a?.keys ? { keysBefore: b.keys, keysAfter: a.keys } : {}),
      };
      const itemChanges = diffItems(b?.items ?? [], a?.items ?? [], options);
      if (itemChanges.length > 0) changes.push({ kind: 'items', key, label, changes: itemChanges, ...(derived ? { derived } : {}) });
      continue;
    }
    if (b?.value === a?.value) continue;
    changes.push({
      kind: 'value',
      key,
      label,
      ...(b?.value === undefined ? {} : { before: b.value }),
      ...(a?.value === undefined ? {} : { after: a.value }),
      ...(b?.value !== undefined && a?.value !== undefined ? { segments: segmentsOf(b.value, a.value) } : {}),
      ...(derived ? { derived } : {}),
    });
  }
  return changes;
}

/** Duties matched by their title (or, reworded, by their title and tasks alike), tasks compared within, and tasks that changed duty. */
function diffDuties(before: readonly RawDuty[], after: readonly RawDuty[]): DutyChange[] {
  const matchOf = new Map<number, number>();
  const usedBefore = new Set<number>();
  after.forEach((duty, j) => {
    const i = before.findIndex((candidate, index) => !usedBefore.has(index) && candidate.duty === duty.duty);
    if (i >= 0) {
      matchOf.set(j, i);
      usedBefore.add(i);
    }
  });
  const alike = (x: RawDuty, y: RawDuty): number => Math.max(similarity(x.duty, y.duty), similarity(x.tasks.join('\n'), y.tasks.join('\n')));
  const candidates: [number, number, number][] = [];
  after.forEach((duty, j) => {
    if (matchOf.has(j)) return;
    before.forEach((old, i) => {
      if (!usedBefore.has(i) && alike(old, duty) >= REWORDED) candidates.push([alike(old, duty), i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0]);
  for (const [, i, j] of candidates) {
    if (usedBefore.has(i) || matchOf.has(j)) continue;
    matchOf.set(j, i);
    usedBefore.add(i);
  }

  const changes: { order: number; change: DutyChange }[] = [];
  // Duties that kept their order against the others stayed; the rest of those matched moved.
  const matched = after.map((_, j) => j).filter((j) => matchOf.has(j));
  const inOrder = longestIncreasing(matched.map((j) => matchOf.get(j) as number));
  matched.forEach((j, k) => {
    if (!inOrder.has(k)) changes.push({ order: j - 0.25, change: { kind: 'moved', from: (matchOf.get(j) as number) + 1, at: j + 1, duty: (after[j] as RawDuty).duty } });
  });
  after.forEach((duty, j) => {
    const i = matchOf.get(j);
    if (i === undefined) {
      changes.push({ order: j, change: { kind: 'added', at: j + 1, duty: duty.duty, tasks: duty.tasks } });
      return;
    }
    const old = before[i] as RawDuty;
    const tasks = diffItems(old.tasks, duty.tasks);
    const renamed = old.duty !== duty.duty;
    if (tasks.length > 0 || renamed) {
      changes.push({
        order: j,
        change: { kind: 'changed', at: j + 1, duty: duty.duty, ...(renamed ? { before: old.duty, segments: segmentsOf(old.duty, duty.duty) } : {}), tasks },
      });
    }
  });
  before.forEach((duty, i) => {
    if (!usedBefore.has(i)) changes.push({ order: i - 0.5, change: { kind: 'removed', from: i + 1, duty: duty.duty, tasks: duty.tasks } });
  });
  const sorted = changes.sort((x, y) => x.order - y.order).map((entry) => entry.change);

  // A task taken out of one duty and put, as it was, into another moved there.
  const removedFrom = new Map<string, string>();
  for (const change of sorted) {
    if (change.kind === 'changed') for (const task of change.tasks) if (task.kind === 'removed') removedFrom.set(task.text, change.before ?? change.duty);
  }
  const movedTexts = new Set<string>();
  const withMoves = sorted.map((change): DutyChange => {
    if (change.kind !== 'changed') return change;
    const tasks = change.tasks.map((task): ItemChange => {
      const from = task.kind === 'added' ? removedFrom.get(task.text) : undefined;
      if (task.kind !== 'added' || from === undefined || from === (change.before ?? change.duty)) return task;
      movedTexts.add(task.text);
      return { kind: 'moved-in', at: task.at, text: task.text, fromDuty: from };
    });
    return { ...change, tasks };
  });
  return withMoves
    .map((change): DutyChange => (change.kind === 'changed' ? { ...change, tasks: change.tasks.filter((task) => !(task.kind === 'removed' && movedTexts.has(task.text))) } : change))
    .filter((change) => change.kind !== 'changed' || change.tasks.length > 0 || change.before !== undefined);
}

export function diffRoles(before: readonly Role[], after: readonly Role[], locale: Locale): ProjectDiff {
  const beforeById = new Map(before.map((role) => [role.id, role]));
  const afterIds = new Set(after.map((role) => role.id));
  const gone = before.filter((role) => !afterIds.has(role.id));
  const fresh = after.filter((role) => !beforeById.has(role.id));
  // The same content under a new id: one role renamed, not one removed and another added.
  const renamed = new Map<string, Role>();
  const candidates: [number, Role, Role][] = [];
  for (const newRole of fresh) for (const oldRole of gone) {
    const score = similarity(roleText(oldRole, locale), roleText(newRole, locale));
    if (score >= SAME_ROLE) candidates.push([score, oldRole, newRole]);
  }
  candidates.sort((x, y) => y[0] - x[0]);
  const usedOld = new Set<string>();
  for (const [, oldRole, newRole] of candidates) {
    if (usedOld.has(oldRole.id) || renamed.has(newRole.id)) continue;
    renamed.set(newRole.id, oldRole);
    usedOld.add(oldRole.id);
  }

  const roles: RoleDiff[] = [];
  const base = (role: Role): Pick<RoleDiff, 'id' | 'title' | 'department' | 'dutiesLabel'> => ({ id: role.id, title: role.title, department: role.department, dutiesLabel: locale.sections.duties });
  for (const role of after) {
    const old = beforeById.get(role.id) ?? renamed.get(role.id);
    if (old === undefined) {
      // A new role is read whole: what a reviewer of it needs to see.
      roles.push({ status: 'added', ...base(role), fields: diffFields([], shownFields(role, locale), role.id), duties: diffDuties([], role.duties) });
      continue;
    }
    const fields = diffFields(shownFields(old, locale), shownFields(role, locale), role.id);
    const duties = diffDuties(old.duties, role.duties);
    const isRenamed = old.id !== role.id;
    if (fields.length > 0 || duties.length > 0 || isRenamed) {
      roles.push({ status: 'changed', ...base(role), ...(isRenamed ? { renamedFrom: { id: old.id, title: old.title } } : {}), fields, duties });
    }
  }
  for (const role of gone) if (!usedOld.has(role.id)) roles.push({ status: 'removed', ...base(role), fields: [], duties: [] });
  return { roles };
}
