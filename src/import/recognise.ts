/**
 * Tokens → roles. A role starts at a document title (客服主管职位说明书) or at a second 岗位名称; each
 * label moves the reader to its field or section, and the text after it lands in the role's draft
 * there (draft.ts); role-fields.ts makes the fields of each draft. Pure.
 */
import { bare, isSectionKey, newDraft, type Cursor, type Draft, type InfoKey, type Recognised, type RecognisedRole, type RecogniseOptions } from './draft.js';
import { labelTitle } from './labels.js';
import { roleFromDraft } from './role-fields.js';
import type { SourceDocument, SourcePlace } from './source.js';
import { tokenize, type Piece } from './tokens.js';
import { hasItemMarker } from './values.js';

export function recognise(document: SourceDocument, options: RecogniseOptions): Recognised {
  const { labels } = options;
  const tokens = tokenize(document.blocks, labels);
  const drafts: Draft[] = [];
  const outside: Piece[] = [];
  let draft: Draft | undefined;
  let cursor: Cursor | undefined;

  const open = (place: SourcePlace): Draft => {
    draft = newDraft(place);
    drafts.push(draft);
    cursor = { at: 'info', taken: 0 };
    return draft;
  };
  const current = (place: SourcePlace): Draft => draft ?? open(place);

  const feed = (d: Draft, p: Piece): void => {
    if (p.text === '') return;
    d.seen.push(p);
    d.content = true;
    const c = cursor ?? { at: 'info', taken: 0 };
    if (c.at === 'info') {
      if (c.key !== undefined && c.taken === 0) {
        d.info.get(c.key)?.pieces.push(p);
        c.taken = 1;
        return;
      }
      if (c.key === 'career_path' && c.taken >= 1 && !hasItemMarker(p.text) && !p.listItem) {
        d.careerNote.push(p);
        d.guesses.push({ reason: 'career-note', field: 'career_note', value: p.text, place: p.place });
        return;
      }
      // Numbered lines right after the basic fields, with no heading: the responsibilities (the seed's 客服主管).
      if (hasItemMarker(p.text) || p.listItem) {
        d.guesses.push({ reason: 'numbered-as-responsibilities', field: 'responsibilities', value: p.text, place: p.place });
        cursor = { at: 'section', key: 'responsibilities' };
        feed(d, p);
        return;
      }
      d.loose.push(p);
      return;
    }
    if (c.at === 'extra') {
      d.extras[c.index]?.pieces.push(p);
      return;
    }
    if (c.key === 'relations' || c.key === 'qualifications' || c.key === 'conditions') {
      const key = c.sub ?? c.key;
      d.rows.set(key, [...(d.rows.get(key) ?? []), p]);
      return;
    }
    d.text.set(c.key, [...(d.text.get(c.key) ?? []), p]);
  };

  const startsNewRole = (d: Draft): boolean => d.content || d.info.has('title') || d.titleLine !== undefined;

  for (const token of tokens) {
    if (draft && (token.kind === 'label' || token.kind === 'other-label')) draft.seen.push({ text: token.label, place: token.place, listItem: false });
    switch (token.kind) {
      case 'title': {
        if (!draft || startsNewRole(draft)) open(token.place);
        (draft as Draft).titleLine = { title: token.title, place: token.place };
        break;
      }
      case 'label': {
        const { target, place, values } = token;
        const label = labelTitle(token.label);
        if (target.group === 'info') {
          const key = target.key as InfoKey;
          // A second 岗位名称 in one document starts the next role of a handbook.
          if (key === 'title' && draft && (draft.info.has('title') || (draft.content && draft.titleLine === undefined))) open(place);
          const d = current(place);
          d.content = true;
          d.info.set(key, { label, place, pieces: [...(values ?? [])] });
          d.mapped.push({ field: key, label, place });
          cursor = values === undefined ? { at: 'info', key, taken: 0 } : { at: 'info', key, taken: values.length };
        } else if (target.group === 'section') {
          const d = current(place);
          if (!isSectionKey(target.key)) break;
          d.sectionLabels.set(target.key, label);
          d.mapped.push({ field: target.key, label, place });
          cursor = { at: 'section', key: target.key };
          for (const value of values ?? []) feed(d, value);
        } else if (target.group === 'relations' || target.group === 'qualifications' || target.group === 'conditions') {
          const d = current(place);
          d.mapped.push({ field: `${target.group}.${target.key}`, label, place });
          d.rows.set(target.key, [...(d.rows.get(target.key) ?? [])]);
          cursor = { at: 'section', key: target.group, sub: target.key };
          for (const value of values ?? []) feed(d, value);
        } else {
          // A duty or KPI table's header met as text (职责表述, 工作任务): the text under it is that table's.
          const d = current(place);
          cursor = { at: 'section', key: target.group === 'duty-table' ? 'duties' : 'kpis' };
          for (const value of values ?? []) feed(d, value);
        }
        break;
      }
      case 'other-label': {
        if (options.endsAtTopHeading && token.heading === 1) draft = undefined;
        if (!draft) {
          outside.push({ text: [token.label, ...(token.values ?? []).map((v) => v.text)].join('：'), place: token.place, listItem: false });
          break;
        }
        // Under 工作职责与工作任务, a heading of its own is a duty (### 招聘渠道管理, then its tasks).
        if (cursor?.at === 'section' && cursor.key === 'duties') {
          feed(draft, { text: bare(token.label), place: token.place, listItem: false });
          for (const value of token.values ?? []) feed(draft, { ...value, listItem: true });
          break;
        }
        draft.extras.push({ label: token.label, place: token.place, pieces: [...(token.values ?? [])] });
        cursor = { at: 'extra', index: draft.extras.length - 1 };
        break;
      }
      case 'text': {
        if (!draft) outside.push(token.piece);
        else feed(draft, token.piece);
        break;
      }
      case 'duty': {
        const d = current(token.duty?.place ?? token.tasks[0]?.place ?? {});
        d.content = true;
        d.dutyRows.push({ ...(token.duty ? { duty: token.duty } : {}), tasks: token.tasks });
        cursor = { at: 'section', key: 'duties' };
        break;
      }
      case 'kpi': {
        const d = current(token.name.place);
        d.content = true;
        d.kpiRows.push(token);
        cursor = { at: 'section', key: 'kpis' };
        break;
      }
      case 'pair': {
        const d = current(token.left.place);
        d.content = true;
        if (cursor?.at === 'section' && cursor.key === 'duties') {
          d.dutyRows.push({ duty: token.left, tasks: token.right });
        } else {
          d.extras.push({ label: token.left.text, place: token.left.place, pieces: [...token.right] });
        }
        break;
      }
    }
  }

  // In a document roledoc made, the roles are the last ones that start at their titles.
  let kept = drafts;
  if (options.expectedRoles !== undefined) {
    const titled = drafts.filter((d) => d.titleLine !== undefined);
    const roleDrafts = new Set(titled.slice(Math.max(0, titled.length - options.expectedRoles)));
    for (const d of drafts) if (!roleDrafts.has(d)) outside.push(...(d.titleLine ? [{ text: d.titleLine.title, place: d.titleLine.place, listItem: false }] : []), ...d.seen);
    kept = drafts.filter((d) => roleDrafts.has(d));
  }
  const roles: RecognisedRole[] = [];
  for (const d of kept) {
    const previous = roles[roles.length - 1];
    roles.push(roleFromDraft(d, options, previous?.role.department));
  }
  return { roles, outside };
}

