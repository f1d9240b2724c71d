import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Block, CellContent, Layout, RichText, TableCell } from '../src/layout/layout.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { A4_PAGE, CLASSIC_STYLE } from './helpers/layouts.js';

const CREATED_AT = new Date('2024-03-01T08:30:46Z');

const p = (text: string): RichText => [{ text }];
const cellOf = (...paragraphs: string[]): CellContent => paragraphs.map(p);
const labelCell = (text: string): TableCell => ({ content: [p(text)], bold: true, shaded: true });
const plainCell = (...paragraphs: string[]): TableCell => ({ content: cellOf(...paragraphs) });

/** 客服主管 from the seed document (呼叫中心岗位说明书), laid out by hand as a template would. */
export const sampleLayout: Layout = {
  meta: {
    title: '客服主管职位说明书',
    subject: '岗位说明书',
    author: '人力资源部',
    keywords: ['岗位说明书', '客服部', '客服主管'],
    lang: 'zh-CN',
  },
  page: A4_PAGE,
  style: CLASSIC_STYLE,
  footer: { left: [], center: [{ text: '第 ' }, { field: 'page' }, { text: ' 页 / 共 ' }, { field: 'pages' }, { text: ' 页' }], right: [] },
  blocks: [
    { kind: 'title', text: '客服主管职位说明书' },
    {
      kind: 'field-grid',
      labelWidth: 0.2,
      rows: [
        [
          { label: '职位名称', value: cellOf('客服主管') },
          { label: '所属部门', value: cellOf('客服各分部') },
        ],
        [
          { label: '直接上级', value: cellOf('部门经理') },
          { label: '定员人数', value: cellOf('4人') },
        ],
        [
          { label: '定岗时间', value: cellOf('2014年9月') },
          { label: '直接下级岗位名称', value: cellOf('客服专员、质检专员、培训专员') },
        ],
        [{ label: '发展通路', value: cellOf('客服主管→客服副经理→客服经理→客服总监') }],
        [
          { label: '薪资待遇', value: cellOf('面议（元/月）') },
          { label: '工作时间特征', value: cellOf('工作时间固定、规律') },
        ],
        [{ label: '所需记录文档', value: cellOf('各运营相关文件', '每日营销数据报表') }],
      ],
    },
    { kind: 'heading', level: 1, text: '一、岗位职责' },
    {
      kind: 'list',
      numbering: '1.',
      items: [
        p('负责协助部门经理做总体业务规划、战略计划的执行和分解，以及相关设施设备的计划并提出建议；'),
        p('负责完善客服管辖部门的组织架构、岗位职责、制度、业务流程的起草申报；'),
        p('负责运营中心下达的总体任务目标配合部门经理进行分配计划并执行到具体一线人员；'),
        p('负责现场监督和执行管理，保障日常工作正常开展，按照营销工作标准、全面控制营销服务质量；'),
        p('负责向上下级之间的协调，接受指令、重要事项及精神传达、做好监督和反馈工作；'),
        p('负责管辖团队的培训和能力训练；'),
        p('负责协助部门经理做内部KPI考核业绩指标和任务事项的细化分解、推行、并对员工KPI考核结果负责；'),
        p('负责向部门经理汇报工作，并服从接受领导的工作安排；'),
        p('配合其他部门完成需共同协调完成的工作以及领导安排的临时工作。'),
        p('完成领导交办的其他工作。'),
      ],
    },
    { kind: 'heading', level: 1, text: '二、职责与工作任务' },
    {
      kind: 'table',
      columns: [{ width: 0.28 }, { width: 0.72 }],
      header: [{ content: [p('职责表述')] }, { content: [p('工作任务')] }],
      rows: [
        [
          { content: [p('日常行政管理')], bold: true },
          plainCell(
            '（1）负责对管辖范围内人员的日常营销工作进行管理安排，通过对每日数据的监控和诊断，及时发现问题，并不断优化管理方法；',
            '（2）负责定期向部门经理汇报总体工作进度，及时反馈需要跟进的工作进度；',
            '（3）负责协助部门经理起草相关文件、流程及制度，依据客服中心管理制度，对团队的管理制度进行细化和完善；',
            '（4）负责营销团队日常工作计划、分配及落实，并协调各岗位工作；',
            '（5）负责协助相关重要会议的组织联络安排工作；',
            '（6）负责现场重要紧急事项处理和汇报。',
          ),
        ],
        [
          { content: [p('目标计划管理')], bold: true },
          plainCell(
            '（1）负责管理团队的业务规划、战略建议、目标任务的具体岗位分解；',
            '（2）负责对分解的目标制定量化考核方案，制定当月完成进度计划；',
            '（3）负责目标业绩完成情况管理、并提出跟进和改善计划和方法，随时关注人员状况，及时调配资源，保障营销任务的完成；',
            '（4）负责控制目标风险，并定期整理业务经营方案和建议报告。',
          ),
        ],
        [
          { content: [p('团队组织管理')], bold: true },
          plainCell(
            '（1）负责管辖部门的组织架构、岗职、岗能、人员素质优化；',
            '（2）负责统筹计划建立高效的运营团队，以及高效的运作机制；',
            '（3）定期召开团队会议，确保有效及时地开展工作，树立团队精神；',
            '（4）负责创建良好的团队氛围，对KPI关键指标的完成负责；',
            '（5）负责管辖范围需要的各种组织活动调配、岗位人员调配等。',
          ),
        ],
        [
          { content: [p('工作执行管理')], bold: true },
          plainCell(
            '（1）负责工作的现场监督和完成的任务执行进度、质量总体把控；',
            '（2）掌握和了解部门内外动态，及时向公司高层反映客服近况和存在问题，并提出改进建议；',
            '（3）对团队的各项营销指标的完成过程进行指导、监控，做到过程与结果的双重管理；',
            '（4）对团队营销任务指标的完成情况负责。',
          ),
        ],
        [
          { content: [p('绩效考核KPI')], bold: true },
          plainCell(
            '（1）负责管辖业务团队的人员及业绩达成情况管理；',
            '（2）负责管辖业务团队KPI指标的建立与考核落实，对应管理团队的KPI谈话和评估；',
            '（3）负责及时向领导汇报管辖分部业绩达成的进展情况和KPI的谈话结果。',
          ),
        ],
        [
          { content: [p('薪酬管理')], bold: true },
          plainCell(
            '（1）负责所管辖团队员工的薪酬和绩效基础数据核实；',
            '（2）负责审查管辖内员工的薪酬计提及工资管理；',
            '（3）负责提出修订薪酬计提标准建议等。',
          ),
        ],
        [{ content: [p('其它要求')], bold: true }, plainCell('负责上级领导或其它临时安排的任务。')],
      ],
    },
    { kind: 'heading', level: 1, text: '三、工作协作关系' },
    {
      kind: 'table',
      columns: [{ width: 0.3 }, { width: 0.7 }],
      rows: [
        [labelCell('内部协调关系'), plainCell('公司各部门、客服经理')],
        [labelCell('外部协调关系'), plainCell('上级单位和兄弟单位')],
      ],
    },
    { kind: 'heading', level: 1, text: '四、任职资格' },
    {
      kind: 'table',
      columns: [{ width: 0.3 }, { width: 0.7 }],
      rows: [
        [labelCell('教育水平'), plainCell('大专以上。', '根据能力可放宽标准。')],
        [labelCell('培训经历'), plainCell('有过企业部门主管以上工作管理经验至少2年以上管理岗位优先录用。')],
        [labelCell('经验'), plainCell('4年以上工作经验，2年以上管理经验，有过30人以上呼叫中心团队管理经验；')],
        [
          labelCell('个人素质'),
          plainCell('善于交流、具备企业管理能力、协调能力强、性格开朗、擅长写作；', '敢于创新、不畏困难的精神作风。'),
        ],
      ],
    },
    { kind: 'heading', level: 2, text: '考核指标' },
    {
      kind: 'list',
      numbering: '1.',
      items: [
        p('销售业绩完成率、客户满意度、投诉率、人员流失率、培训入职率；'),
        p('员工工作成熟度，流程制度完善性；'),
        p('工作满意度、事务响应及时率、事项完成质量。'),
      ],
    },
    {
      kind: 'paragraph',
      text: [
        { text: '备注：', bold: true },
        { text: '本说明书自2014年9月起执行，\n解释权归客服部。  使用工具：计算机、office\\ppt\\visio\\excel' },
      ],
    },
    { kind: 'page-break' },
    { kind: 'heading', level: 1, text: '五、其它' },
    { kind: 'paragraph', text: [{ text: '工作环境：', bold: true }, { text: '办公室' }] },
  ],
};

/** Every string the layout carries, for the "nothing lost" check. */
function layoutStrings(layout: Layout): string[] {
  const out: string[] = [];
  const rich = (text: RichText): void => {
    for (const run of text) out.push(run.text);
  };
  const content = (c: CellContent): void => c.forEach(rich);
  const block = (b: Block): void => {
    switch (b.kind) {
      case 'title':
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        rich(b.text);
        break;
      case 'list':
        b.items.forEach(rich);
        break;
      case 'field-grid':
        for (const f of b.rows.flat()) {
          out.push(f.label);
          content(f.value);
        }
        break;
      case 'table':
        for (const c of [...(b.header ?? []), ...b.rows.flat()]) content(c.content);
        break;
      case 'page-break':
        break;
    }
  };
  layout.blocks.forEach(block);
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

type Parts = Record<string, string>;
function unzipText(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}
function part(parts: Parts, name: string): string {
  const text = parts[name];
  if (text === undefined) throw new Error(`no ${name} in the package; parts: ${Object.keys(parts).join(', ')}`);
  return text;
}
/** The XML of one w:style element, by styleId. */
function styleXml(stylesXml: string, styleId: string): string {
  const match = new RegExp(`<w:style\\b[^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (match === null) throw new Error(`no style ${styleId}`);
  return match[0];
}
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let rendered: Promise<Uint8Array> | undefined;
const sample = (): Promise<Uint8Array> => (rendered ??= renderDocx(sampleLayout, { createdAt: CREATED_AT }));

describe('renderDocx', () => {
  it('produces a zip package with the main parts', async () => {
    const bytes = await sample();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const parts = unzipText(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']),
    );
  });

  it('keeps every string of the layout (mammoth raw text)', async () => {
    const bytes = await sample();
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = squash(value);
    for (const s of layoutStrings(sampleLayout)) expect(text).toContain(squash(s));
  });

  it('preserves the text of runs exactly: spaces kept, "\\n" becomes a line break', async () => {
    const doc = part(unzipText(await sample()), 'word/document.xml');
    expect(doc).toContain('<w:t xml:space="preserve">本说明书自2014年9月起执行，</w:t>');
    expect(doc).toMatch(/<w:br\/><w:t xml:space="preserve">解释权归客服部。 {2}使用工具：计算机、office\\ppt\\visio\\excel<\/w:t>/);
    // Bold text is set in the heading font (黑体 beside 宋体), as the PDF sets it in its bold face.
    expect(doc).toMatch(/<w:r><w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="SimHei" w:hAnsi="Arial" w:hint="eastAsia"\/><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">备注：<\/w:t><\/w:r>/);
  });

  it('names its styles: Title, Heading 1/2 with outline levels, East Asian fonts and zh-CN in the defaults', async () => {
    const styles = part(unzipText(await sample()), 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:hint="eastAsia"/);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(defaults).toMatch(/<w:lang [^>]*w:val="en-US"/);
    expect(defaults).toContain('<w:sz w:val="21"/>');
    expect(defaults).toContain('<w:jc w:val="both"/>');

    const h1 = styleXml(styles, 'Heading1');
    // Word's built-in names, so Word, LibreOffice and pandoc take them for its own headings.
    expect(h1).toContain('w:name w:val="heading 1"');
    expect(h1).toContain('<w:outlineLvl w:val="0"/>');
    expect(h1).toContain('<w:keepNext/>');
    expect(h1).toMatch(/w:eastAsia="SimHei"/);
    expect(h1).toContain('<w:sz w:val="28"/>');
    const h2 = styleXml(styles, 'Heading2');
    expect(h2).toContain('<w:outlineLvl w:val="1"/>');
    expect(h2).toContain('<w:sz w:val="24"/>');
    const title = styleXml(styles, 'Title');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:b/>');
    expect(title).toMatch(/w:eastAsia="SimHei"/);
    expect(title).toContain('<w:sz w:val="36"/>');

    const doc = part(unzipText(await sample()), 'word/document.xml');
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('numbers every list with real numbering that starts again at 1 for each list', async () => {
    const parts = unzipText(await sample());
    const doc = part(parts, 'word/document.xml');
    const numIds = [...doc.matchAll(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/g)].map(
      (m) => m[1],
    );
    expect(numIds).toHaveLength(10 + 3);
    const distinct = [...new Set(numIds)];
    expect(distinct).toHaveLength(2);
    expect(numIds.slice(0, 10).every((id) => id === distinct[0])).toBe(true);
    expect(numIds.slice(10).every((id) => id === distinct[1])).toBe(true);

    // Each list's w:num points at its own abstractNum, which counts "%1." in decimal from 1, and overrides the start to 1.
    const numbering = part(parts, 'word/numbering.xml');
    const abstractIds = distinct.map((numId) => {
      const num = new RegExp(`<w:num w:numId="${numId}">([\\s\\S]*?)</w:num>`).exec(numbering)?.[1] ?? '';
      expect(num).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/><\/w:lvlOverride>/);
      return /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)?.[1];
    });
    expect(new Set(abstractIds).size).toBe(2);
    for (const id of abstractIds) {
      const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${id}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(
        numbering,
      )?.[1];
      expect(abstract).toContain('<w:start w:val="1"/>');
      expect(abstract).toContain('<w:numFmt w:val="decimal"/>');
      expect(abstract).toContain('<w:lvlText w:val="%1."/>');
      expect(abstract).toMatch(/<w:ind w:left="420" w:hanging="420"\/>/);
    }
  });

  it('draws fixed-layout bordered tables with a repeating header row', async () => {
    const doc = part(unzipText(await sample()), 'word/document.xml');
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(4);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toMatch(/<w:tblW w:type="dxa" w:w="8306"\/>/);
      expect(t).toMatch(/<w:insideV w:val="single" w:color="000000" w:sz="4"\/>/);
    }
    const [grid, duties, relations] = tables as [string, string, string, string];

    // The duty table: 28 % / 72 % of 8306 twips; header row repeated and kept whole; body rows may split.
    expect(duties).toContain('<w:gridCol w:w="2326"/><w:gridCol w:w="5980"/>');
    const rows = duties.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:cantSplit/>');
    expect(rows[0]).toContain('w:fill="D9D9D9"');
    expect(rows[0]).toContain('<w:b/>');
    for (const row of rows.slice(1)) {
      expect(row).not.toContain('<w:tblHeader/>');
      expect(row).not.toContain('<w:cantSplit/>');
      expect(row).toContain('<w:vAlign w:val="top"/>');
    }
    // One Word paragraph per RichText in a cell.
    const firstTasks = /<w:tc>(?:(?!<\/w:tc>)[\s\S])*（1）负责对管辖范围内人员[\s\S]*?<\/w:tc>/.exec(rows[1] ?? '')?.[0] ?? '';
    expect(firstTasks.match(/<w:p>/g)).toHaveLength(6);
    expect(firstTasks).toContain('<w:pStyle w:val="TableText"/>');
    // The wide task column is justified (from the defaults); the narrow duty column is ragged-right.
    expect(firstTasks).not.toContain('<w:jc ');
    expect(rows[1]).toMatch(/<w:jc w:val="left"\/>(?:(?!<\/w:p>)[\s\S])*日常行政管理/);
    expect(rows[0]).toMatch(/<w:jc w:val="center"\/>(?:(?!<\/w:p>)[\s\S])*职责表述/);

    // Shaded label column.
    expect(relations).toMatch(/<w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"\/>[\s\S]*?内部协调关系/);

    // The field grid: label | value | label | value, labels wide enough for 8 characters of 10.5 pt plus margins.
    const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(4);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8306);
    expect(cols[0]).toBe(cols[2]);
    // The label columns take the share compose chose (labelWidth), in twips.
    expect(cols[0]).toBe(Math.round(0.2 * 8306));
    expect(cols[1]).toBeGreaterThan(cols[0] ?? 0);
    // 发展通路 (wide) and the lone last field span the three other columns.
    expect(grid.match(/<w:gridSpan w:val="3"\/>/g)).toHaveLength(2);
    expect(grid).toMatch(/<w:gridSpan w:val="3"\/>(?:(?!<\/w:tc>)[\s\S])*客服主管→客服副经理/);
    expect(grid).toMatch(/<w:gridSpan w:val="3"\/>(?:(?!<\/w:tc>)[\s\S])*各运营相关文件/);
    expect(grid).not.toContain('<w:vAlign w:val="top"/>');
    expect(grid.match(/<w:vAlign w:val="center"\/>/g)).toHaveLength(2 * 10);
  });

  it('sets the page from layout.page and breaks pages before the next paragraph', async () => {
    const doc = part(unzipText(await sample()), 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"/);
    expect(doc).toMatch(/<w:pageBreakBefore\/>[\s\S]*?五、其它/);
  });

  it('writes a page break paragraph when a table follows the break', async () => {
    const layout: Layout = {
      ...sampleLayout,
      blocks: [
        { kind: 'paragraph', text: p('前') },
        { kind: 'page-break' },
        { kind: 'table', columns: [{ width: 1 }], rows: [[plainCell('后')]] },
      ],
    };
    const doc = part(unzipText(await renderDocx(layout, { createdAt: CREATED_AT })), 'word/document.xml');
    expect(doc).toMatch(/前[\s\S]*<w:br w:type="page"\/>[\s\S]*后/);
  });

  it('keeps a page break before an empty list, fills short table rows and skips empty blocks', async () => {
    const layout: Layout = {
      ...sampleLayout,
      blocks: [
        { kind: 'paragraph', text: p('前') },
        { kind: 'page-break' },
        { kind: 'list', numbering: '1.', items: [] },
        { kind: 'table', columns: [{ width: 0.5 }, { width: 0.5 }], rows: [] },
        { kind: 'field-grid', labelWidth: 0.2, rows: [] },
        { kind: 'table', columns: [{ width: 0.25 }, { width: 0.25 }, { width: 0.5 }], rows: [[labelCell('甲'), plainCell('乙')]] },
      ],
    };
    const doc = part(unzipText(await renderDocx(layout, { createdAt: CREATED_AT })), 'word/document.xml');
    expect(doc).toMatch(/前[\s\S]*<w:br w:type="page"\/>[\s\S]*甲/);
    expect(doc.match(/<w:tbl>/g)).toHaveLength(1);
    expect(doc).not.toContain('<w:numPr>');
    // The short row's last cell takes the two columns left, so the right border closes.
    expect(doc).toMatch(/<w:gridSpan w:val="2"\/>(?:(?!<\/w:tc>)[\s\S])*乙/);
  });

  it('puts 第 N 页 / 共 M 页 in the footer with PAGE and NUMPAGES fields', async () => {
    const parts = unzipText(await sample());
    const footers = Object.keys(parts).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = part(parts, footers[0] ?? '');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toMatch(/第 [\s\S]*PAGE[\s\S]* 页 \/ 共 [\s\S]*NUMPAGES[\s\S]* 页/);
    expect(footer).toContain('<w:sz w:val="18"/>');
  });

  it('fills the core properties and stamps the given date', async () => {
    const core = part(unzipText(await sample()), 'docProps/core.xml');
    expect(core).toContain('<dc:title>客服主管职位说明书</dc:title>');
    expect(core).toContain('<dc:subject>岗位说明书</dc:subject>');
    expect(core).toContain('<dc:creator>人力资源部</dc:creator>');
    expect(core).toContain('<cp:keywords>岗位说明书, 客服部, 客服主管</cp:keywords>');
    expect(core).toContain('<cp:lastModifiedBy>roledoc</cp:lastModifiedBy>');
    expect(core).toMatch(/<dcterms:created [^>]*>2024-03-01T08:30:46Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2024-03-01T08:30:46Z<\/dcterms:modified>/);
  });

  it('refuses a date a zip cannot hold', async () => {
    await expect(renderDocx(sampleLayout, { createdAt: new Date('1970-01-01T00:00:00Z') })).rejects.toThrow(RangeError);
    await expect(renderDocx(sampleLayout, { createdAt: new Date('not a date') })).rejects.toThrow(RangeError);
  });
});

describe('renderDocx determinism', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    // Node re-reads TZ when process.env.TZ is assigned.
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('renders the same bytes twice (a second document in the same process too)', async () => {
    const a = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    const b = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    expect(sha256(b)).toBe(sha256(a));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('renders the same bytes in any time zone', async () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(new Date(0).getTimezoneOffset()).toBe(-480);
    const shanghai = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date(0).getTimezoneOffset()).toBe(480);
    const losAngeles = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    expect(sha256(losAngeles)).toBe(sha256(shanghai));
  });

  it('renders the same bytes in any time zone at a daylight-saving jump', async () => {
    // 02:30 on 10 March 2024 does not exist in Los Angeles: clocks jump from 02:00 to 03:00.
    const atJump = new Date('2024-03-10T02:30:00Z');
    process.env.TZ = 'UTC';
    const utc = await renderDocx(sampleLayout, { createdAt: atJump });
    process.env.TZ = 'America/Los_Angeles';
    const losAngeles = await renderDocx(sampleLayout, { createdAt: atJump });
    expect(sha256(losAngeles)).toBe(sha256(utc));
  });

  it('stamps every zip entry with the UTC date of createdAt at noon', async () => {
    process.env.TZ = 'Asia/Shanghai';
    const bytes = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // DOS date 2024-03-01, time 12:00:00.
    const dosTime = 12 << 11;
    const dosDate = ((2024 - 1980) << 9) | (3 << 5) | 1;
    // The central directory lists every entry with its time and where its local header is, which holds the time again.
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count; i++) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      expect([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]).toEqual([dosTime, dosDate]);
      const local = view.getUint32(at + 42, true);
      expect(view.getUint32(local, true)).toBe(0x04034b50);
      expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]).toEqual([dosTime, dosDate]);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(count).toBe(Object.keys(unzipSync(bytes)).length);
  });

  it("writes docx's own parts: the body and numbering as docx's Packer writes them, its styles filtered, and only the dates in core.xml changed", async () => {
    const { Document, Packer } = await import('docx');
    const { renderBlocks } = await import('../src/render/docx/blocks.js');
    const { RawXml, TableInPieces } = await import('../src/render/docx/context.js');
    const { ListNumbering, listLevels } = await import('../src/render/docx/numbering.js');
    const { documentStyles } = await import('../src/render/docx/styles.js');
    const { textWidth } = await import('../src/layout/geometry.js');
    const { twips } = await import('../src/render/docx/units.js');
    const lists = new ListNumbering();
    const children = [...renderBlocks(sampleLayout.blocks, { style: sampleLayout.style, textWidth: textWidth(sampleLayout.page, twips), lists })].flatMap((child) => (child instanceof RawXml || child instanceof TableInPieces ? [] : [child]));
    const reference = await Packer.pack(
      new Document({
        styles: documentStyles(sampleLayout),
        numbering: { config: lists.definitions().map((list, i) => ({ reference: `roledoc-list-${i + 1}`, levels: listLevels(list, sampleLayout.style) })) },
        sections: [{ children }],
      }),
      'uint8array',
    );
    const ours = unzipSync(await renderDocx(sampleLayout, { createdAt: CREATED_AT }));
    const theirs = unzipSync(reference);
    const text = (files: Record<string, Uint8Array>, name: string): string => strFromU8(files[name] ?? new Uint8Array());
    const body = (xml: string): string => xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('<w:sectPr'));
    expect(lists.definitions().length).toBeGreaterThan(0);
    expect(body(text(ours, 'word/document.xml'))).toBe(body(text(theirs, 'word/document.xml')));
    expect(text(ours, 'word/numbering.xml')).toBe(text(theirs, 'word/numbering.xml'));
    // docx's styles, each written as docx writes it, less the defaults the document does not use.
    const styleElements = (xml: string): string[] => xml.match(/<w:style\b[\s\S]*?<\/w:style>/g) ?? [];
    const kept = styleElements(text(ours, 'word/styles.xml'));
    expect(kept.length).toBeLessThan(styleElements(text(theirs, 'word/styles.xml')).length);
    for (const style of kept) expect(styleElements(text(theirs, 'word/styles.xml'))).toContain(style);
    expect(text(ours, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T08:30:46Z</dcterms:created>');
    expect(text(ours, 'docProps/core.xml')).toContain('<dc:title>客服主管职位说明书</dc:title>');
  });

  it('writes a table of hundreds of rows a piece at a time, as the XML docx writes for the whole table', async () => {
    const { Document, Packer } = await import('docx');
    const { table, ROWS_PER_PIECE } = await import('../src/render/docx/tables.js');
    const { ListNumbering } = await import('../src/render/docx/numbering.js');
    const { textWidth } = await import('../src/layout/geometry.js');
    const { twips } = await import('../src/render/docx/units.js');
    const rows = Array.from({ length: ROWS_PER_PIECE * 2 + 37 }, (_, i) => [
      { content: [[{ text: `客服专员${String(i).padStart(4, '0')}` }]] },
      { content: [[{ text: '客服部' }]] },
      { content: i % 7 === 0 ? [] : [[{ text: String(i % 12) }]] },
    ]);
    const index: Extract<Layout['blocks'][number], { kind: 'table' }> = {
      kind: 'table',
      columns: [{ width: 0.5 }, { width: 0.3 }, { width: 0.2 }],
      header: [{ content: [[{ text: '岗位名称' }]], bold: true, shaded: true }, { content: [[{ text: '所属部门' }]], bold: true, shaded: true }, { content: [[{ text: '定员人数' }]], bold: true, shaded: true }],
      rows,
    };
    const layout: Layout = { ...sampleLayout, blocks: [index] };
    const ctx = { style: layout.style, textWidth: textWidth(layout.page, twips), lists: new ListNumbering() };
    const reference = await Packer.pack(new Document({ sections: [{ children: [table(index, ctx)] }] }), 'uint8array');
    const tableXml = (xml: string): string => xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
    const ours = tableXml(strFromU8(unzipSync(await renderDocx(layout, { createdAt: CREATED_AT }))['word/document.xml'] ?? new Uint8Array()));
    expect(ours.match(/<w:tr>/g)).toHaveLength(rows.length + 1);
    expect(ours).toBe(tableXml(strFromU8(unzipSync(reference)['word/document.xml'] ?? new Uint8Array())));
  });

  it('changes only with the date', async () => {
    const a = await renderDocx(sampleLayout, { createdAt: CREATED_AT });
    const b = await renderDocx(sampleLayout, { createdAt: new Date('2025-01-02T03:04:06Z') });
    expect(sha256(a)).not.toBe(sha256(b));
  });
});
