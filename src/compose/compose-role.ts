/**
 * compose: Role + Template + Locale → Layout. Pure. Decides what goes where and in which words;
 * how it looks on paper is the renderers' business.
 */
import type { Block, CellContent, Field, FieldGridBlock, Layout, RichText, Run, TableBlock, TableCell } from '../layout/layout.js';
import { labelColumnShare, textWidth } from '../layout/geometry.js';
import { inlineLabel, type NumberingStyle } from '../layout/numbering.js';
import { withLabels } from '../locale/build-locale.js';
import type { Locale } from '../locale/locale.js';
import { fieldsOf, type FieldSpec } from '../model/fields.js';
import type { Role, RoleRef } from '../model/role.js';
import type { NumberedList, SectionDisplay, SectionKey, Template } from '../model/template.js';
import { pageFurniture } from './page-furniture.js';
import { layoutStyleOf, pageSetupOf } from './style.js';

export interface ComposeContext {
  readonly template: Template;
  readonly locale: Locale;
  /** Company name: the documents' author. */
  readonly organization: string;
  /**
   * The anchor a link to another role goes to, where that role is in the same document (the
   * handbook); a single role's document links nowhere.
   */
  readonly anchorOf?: (roleId: string) => string | undefined;
}

/** Where a role's blocks sit in a larger document: the outline depth of its title, and its anchor. */
export interface RolePlacement {
  readonly outline: number;
  readonly anchor: string;
}

const text = (value: string, bold = false): RichText => [bold ? { text: value, bold: true } : { text: value }];
const cell = (content: CellContent, options: { bold?: boolean; shaded?: boolean; continued?: CellContent | undefined } = {}): TableCell => ({
  content,
  ...(options.bold === undefined ? {} : { bold: options.bold }),
  ...(options.shaded === undefined ? {} : { shaded: options.shaded }),
  ...(options.continued === undefined ? {} : { continued: options.continued }),
});
const paragraphs = (values: readonly string[]): CellContent => values.map((v) => text(v));

/** A label | value table; rows without a value are left out. */
function labelTable(rows: readonly (readonly [string, CellContent])[], labelShare: number): TableBlock | undefined {
  const filled = rows.filter(([, value]) => value.length > 0);
  if (filled.length === 0) return undefined;
  return {
    kind: 'table',
    columns: [{ width: labelShare }, { width: 1 - labelShare }],
    rows: filled.map(([label, value]) => [cell([text(label)], { bold: true, shaded: true }), cell(value)]),
  };
}

/** Two fields a row; one left without a partner takes a row of its own. */
function pairFields(fields: readonly Field[]): FieldGridBlock['rows'] {
  const rows: (readonly [Field] | readonly [Field, Field])[] = [];
  let pending: Field | undefined;
  for (const field of fields) {
    if (pending) {
      rows.push([pending, field]);
      pending = undefined;
    } else {
      pending = field;
    }
  }
  if (pending) rows.push([pending]);
  return rows;
}

/** The fields of the 基本信息 grid, in order. */
const INFO_FIELDS = fieldsOf('info');

function sectionBlocks(
  role: Role,
  key: SectionKey,
  display: SectionDisplay,
  ctx: ComposeContext,
  labelShare: number,
): Block[] {
  const { locale } = ctx;
  const heading = (title: string): Block => ({ kind: 'heading', level: 1, text: title });
  const numbering = (list: NumberedList): NumberingStyle => ctx.template.numbering[list] ?? '1.';
  const tasksStyle = ctx.template.numbering.tasks;
  const taskLabel = (index: number): string => (tasksStyle === undefined ? locale.taskLabel(index) : inlineLabel(tasksStyle, index));
  /** A role shows as its title, as a link where the role is in the same document; free text shows as written. */
  const linked = (ref: RoleRef): Run => {
    if (ref.kind === 'text') return { text: ref.text };
    const anchor = ctx.anchorOf?.(ref.id);
    return anchor === undefined ? { text: ref.title } : { text: ref.title, link: anchor };
  };
  /** Names joined as a sentence; a link covers just its name, and text without links stays one run. */
  const joined = (values: readonly Run[], separator: string): RichText => {
    const runs: Run[] = [];
    for (const run of values.flatMap((value, index) => (index === 0 ? [value] : [{ text: separator }, value]))) {
      const last = runs[runs.length - 1];
      if (last && last.link === undefined && run.link === undefined) runs[runs.length - 1] = { text: last.text + run.text };
      else runs.push(run);
    }
    return runs;
  };

  /** A table's rows in the registry's order, each value shown as its kind says (model/fields.ts). */
  const rowsOf = (
    group: 'relations' | 'qualifications' | 'conditions',
    labels: Readonly<Record<string, string>>,
    values: Readonly<Partial<Record<string, string | readonly string[]>>>,
  ): (readonly [string, CellContent])[] =>
    fieldsOf(group).map((field: FieldSpec) => {
      const value = values[field.key];
      const list = value === undefined ? undefined : typeof value === 'string' ? [value] : value;
      const note = values[`${field.key}_note`];
      const noted = (main: string | undefined): CellContent => withNote(main, typeof note === 'string' ? note : undefined);
      const cell: CellContent =
        field.kind === 'names'
          ? list === undefined ? [] : [text(locale.joinList(list))]
          : field.kind === 'noted'
            ? noted(typeof value === 'string' ? value : undefined)
            : field.kind === 'noted-names'
              ? noted(list === undefined ? undefined : locale.joinList(list))
              : paragraphs(list ?? []);
      return [labels[field.key] ?? '', cell] as const;
    });
  /** A value with its note: 大专以上 + 根据能力可放宽标准 → 大专以上，根据能力可放宽标准. */
  const withNote = (main: string | undefined, note: string | undefined): CellContent =>
    main === undefined ? (note === undefined ? [] : [text(note)]) : [text(note === undefined ? main : locale.joinNote(main, note))];

  switch (key) {
    case 'info': {
      const f = locale.fields;
      // The grid's fields in the registry's order (model/fields.ts); the career path, a sentence
      // rather than a short value, takes a row of its own, last.
      const valueOf = (field: (typeof INFO_FIELDS)[number]): CellContent | undefined => {
        switch (field.kind) {
          case 'text': {
            const value = role[field.key];
            return value === undefined ? undefined : [text(value)];
          }
          case 'count':
            return role.headcount === undefined ? undefined : [text(locale.formatHeadcount(role.headcount))];
          case 'role':
            return role.reports_to === undefined ? undefined : [[linked(role.reports_to)]];
          case 'roles':
            return role.direct_reports.length === 0 ? undefined : [joined(role.direct_reports.map(linked), locale.listSeparator)];
          case 'date':
            return role.established === undefined ? undefined : [text(locale.formatDate(role.established))];
          case 'money':
            return role.salary === undefined ? undefined : [text(locale.formatSalary(role.salary))];
          case 'path':
            return undefined;
        }
      };
      const fields = INFO_FIELDS.flatMap((field): Field[] => {
        const value = valueOf(field);
        return value === undefined ? [] : [{ label: f[field.key], value }];
      });
      const careerPath: Field | undefined =
        role.career_path === undefined && role.career_note === undefined
          ? undefined
          : {
              label: f.career_path,
              value: [
                ...(role.career_path ? [joined(role.career_path.map(linked), locale.careerPathSeparator)] : []),
                ...(role.career_note ? [text(role.career_note)] : []),
              ],
            };
      if (display === 'label-table') {
        const all = careerPath ? [...fields, careerPath] : fields;
        const table = labelTable(all.map((field) => [field.label, field.value] as const), labelShare);
        return table ? [table] : [];
      }
      const rows = pairFields(fields);
      return [{ kind: 'field-grid', labelWidth: labelShare, rows: careerPath ? [...rows, [careerPath]] : rows }];
    }
    case 'purpose':
      return role.purpose === undefined ? [] : [heading(locale.sections.purpose), { kind: 'paragraph', text: text(role.purpose) }];
    case 'responsibilities':
      return [
        heading(locale.sections.responsibilities),
        display === 'paragraph'
          ? { kind: 'paragraph', text: text(locale.joinSentences(role.responsibilities)) }
          : { kind: 'list', numbering: numbering('responsibilities'), items: role.responsibilities.map((r) => text(r)) },
      ];
    case 'duties': {
      const { duties } = role;
      if (duties.length === 0) return [];
      if (display === 'numbered-list') {
        return [
          heading(locale.sections.duties),
          ...duties.flatMap((d): Block[] => [
            { kind: 'heading', level: 2, text: d.duty },
            { kind: 'list', numbering: numbering('duties'), items: d.tasks.map((t) => text(t)) },
          ]),
        ];
      }
      const dutyShare = Math.max(labelShare, 0.28);
      return [
        heading(locale.sections.duties),
        {
          kind: 'table',
          columns: [{ width: dutyShare }, { width: 1 - dutyShare }],
          header: [cell([text(locale.dutyTable.duty)], { bold: true, shaded: true }), cell([text(locale.dutyTable.tasks)], { bold: true, shaded: true })],
          rows: duties.map((d) => {
            const again = locale.continuedCell(d.duty);
            return [
              cell([text(d.duty, true)], { bold: true, continued: again === undefined ? undefined : [text(again, true)] }),
              cell(d.tasks.map((task, index) => text(`${taskLabel(index)}${task}`))),
            ];
          }),
        },
      ];
    }
    case 'relations': {
      const table = labelTable(rowsOf('relations', locale.relations, role.relations), labelShare);
      return table ? [heading(locale.sections.relations), table] : [];
    }
    case 'qualifications': {
      const table = labelTable(rowsOf('qualifications', locale.qualifications, role.qualifications), labelShare);
      return table ? [heading(locale.sections.qualifications), table] : [];
    }
    case 'conditions': {
      const table = labelTable(rowsOf('conditions', locale.conditions, role.conditions), labelShare);
      return table ? [heading(locale.sections.conditions), table] : [];
    }
    case 'kpis': {
      const { kpis } = role;
      if (kpis.length === 0) return [];
      const detailed = kpis.some((kpi) => kpi.weight !== undefined || kpi.target !== undefined);
      if (display === 'kpi-table' && detailed) {
        const hasWeight = kpis.some((kpi) => kpi.weight !== undefined);
        const hasTarget = kpis.some((kpi) => kpi.target !== undefined);
        const weightShare = hasWeight ? 0.12 : 0;
        const nameShare = hasTarget ? 0.4 : 1 - weightShare;
        const columns = [{ width: nameShare }, ...(hasWeight ? [{ width: weightShare }] : []), ...(hasTarget ? [{ width: 1 - nameShare - weightShare }] : [])];
        const head = (label: string): TableCell => cell([text(label)], { bold: true, shaded: true });
        return [
          heading(locale.sections.kpis),
          {
            kind: 'table',
            columns,
            header: [head(locale.kpiTable.name), ...(hasWeight ? [head(locale.kpiTable.weight)] : []), ...(hasTarget ? [head(locale.kpiTable.target)] : [])],
            rows: kpis.map((kpi) => [
              cell([text(kpi.name)]),
              ...(hasWeight ? [cell(kpi.weight === undefined ? [] : [text(locale.formatWeight(kpi.weight))])] : []),
              ...(hasTarget ? [cell(kpi.target === undefined ? [] : [text(kpi.target)])] : []),
            ]),
          },
        ];
      }
      if (display === 'kpi-table') {
        // Plain indicator names read as the source prints them: one sentence, joined with 、.
        return [heading(locale.sections.kpis), { kind: 'paragraph', text: text(locale.joinList(kpis.map((kpi) => kpi.name))) }];
      }
      return [
        heading(locale.sections.kpis),
        { kind: 'list', numbering: numbering('kpis'), items: kpis.map((kpi) => text(`${kpi.name}${locale.kpiDetails(kpi.weight, kpi.target)}`)) },
      ];
    }
    case 'remarks':
      return role.remarks === undefined ? [] : [heading(locale.sections.remarks), { kind: 'paragraph', text: text(role.remarks) }];
    case 'revisions': {
      const revisions = role.revisions ?? [];
      if (revisions.length === 0) return [];
      const t = locale.revisionTable;
      const head = (label: string): TableCell => cell([text(label)], { bold: true, shaded: true });
      return [
        heading(locale.sections.revisions),
        {
          kind: 'table',
          columns: [{ width: 0.1 }, { width: 0.22 }, { width: 0.48 }, { width: 0.2 }],
          header: [head(t.version), head(t.date), head(t.changes), head(t.author)],
          rows: revisions.map((revision) => [cell([text(String(revision.version))]), cell([text(locale.formatDate(revision.date))]), cell([text(revision.changes)]), cell([text(revision.author)])]),
        },
      ];
    }
    case 'extra_sections':
      return role.extra_sections.flatMap((section): Block[] => [
        heading(section.title),
        ...(section.text === undefined ? [] : [{ kind: 'paragraph', text: text(section.text) } as const]),
        ...(section.items === undefined ? [] : [{ kind: 'list', numbering: numbering('extra_sections'), items: section.items.map((item) => text(item)) } as const]),
      ]);
  }
}

/**
 * A role's document as blocks. Placed in a handbook, its title and headings go one level down the
 * outline (department → role → section) and carry anchors that the contents and links lead to.
 */
export function composeRoleBlocks(role: Role, ctx: ComposeContext, placement?: RolePlacement): Block[] {
  const labelShare = labelColumnShare(textWidth(pageSetupOf(ctx.template)), layoutStyleOf(ctx.template));
  const title = ctx.locale.documentTitle(role.title);
  const blocks: Block[] = [placement ? { kind: 'title', text: title, outline: placement.outline, anchor: placement.anchor } : { kind: 'title', text: title }];
  const hidden = new Set(ctx.template.hide);
  for (const { section, as } of ctx.template.sections) {
    if (!hidden.has(section)) blocks.push(...sectionBlocks(role, section, as, ctx, labelShare));
  }
  // A role with a revision history shows it last where the template does not place it.
  if (role.revisions !== undefined && !hidden.has('revisions') && !ctx.template.sections.some((entry) => entry.section === 'revisions')) {
    blocks.push(...sectionBlocks(role, 'revisions', 'revision-table', ctx, labelShare));
  }
  if (!placement) return blocks;
  return blocks.map((block) => (block.kind === 'heading' ? { ...block, outline: placement.outline + block.level } : block));
}

/** A role's own document. The template's labels are laid over the locale here, once (the handbook does the same). */
export function composeRole(role: Role, given: ComposeContext): Layout {
  const ctx = { ...given, locale: withLabels(given.locale, given.template.labels) };
  const page = pageSetupOf(ctx.template);
  const style = layoutStyleOf(ctx.template);
  const title = ctx.locale.documentTitle(role.title);
  const blocks = composeRoleBlocks(role, ctx);
  return {
    meta: {
      title,
      subject: role.department,
      author: ctx.organization,
      keywords: [role.title, role.department, ...(role.code === undefined ? [] : [role.code])],
      lang: ctx.locale.lang,
      roleIds: [role.id],
    },
    page,
    style,
    ...pageFurniture(ctx.template, ctx.locale, { title, role: role.title, department: role.department, organization: ctx.organization }, undefined, page),
    blocks,
  };
}
