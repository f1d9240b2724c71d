/**
 * The preview's page: the roles by department with their problems, the chosen document beside
 * them, the problems as the terminal shows them (file:line, the line itself, the hint), and the
 * template and locale to view it in. Its script asks the server for the state and listens for
 * saves; it builds the page with textContent only, so nothing in a role file becomes markup.
 */
import type { Lang } from '../messages/lang.js';
import { escapeHtml } from '../render/html/text.js';

export interface PageWords {
  readonly title: string;
  readonly handbook: string;
  readonly pdf: string;
  readonly template: string;
  readonly locale: string;
  readonly projectDefault: string;
  readonly problems: string;
  readonly noProblems: string;
  readonly hint: string;
  readonly lastGood: string;
  readonly noDocument: string;
  /** The files with problems that show no role (one that does not validate yet). */
  readonly otherFiles: string;
  readonly roles: string;
  readonly disconnected: string;
}

const WORDS: Record<Lang, PageWords> = {
  'zh-CN': {
    title: 'roledoc 预览',
    handbook: '手册（全部岗位）',
    pdf: '打开 PDF',
    template: '模板',
    locale: '语言',
    projectDefault: '项目设置',
    problems: '问题',
    noProblems: '没有问题。',
    hint: '提示：',
    lastGood: '这个岗位文件现在有错误，右边是最后一次正确时的样子。',
    noDocument: '还没有可以显示的文档：请先改正下面的问题。',
    otherFiles: '有问题的文件',
    roles: '岗位',
    disconnected: '预览服务已停止：在终端重新运行 roledoc preview，页面会自动连上。',
  },
  en: {
    title: 'roledoc preview',
    handbook: 'Handbook (all roles)',
    pdf: 'Open the PDF',
    template: 'Template',
    locale: 'Language',
    projectDefault: 'as the project says',
    problems: 'Problems',
    noProblems: 'No problems.',
    hint: 'Hint: ',
    lastGood: 'This role file has errors now; shown is how it last was without them.',
    noDocument: 'No document to show yet: fix the problems below first.',
    otherFiles: 'Files with problems',
    roles: 'Roles',
    disconnected: 'The preview server stopped: run roledoc preview again and the page reconnects.',
  },
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;display:grid;grid-template-columns:280px 1fr;grid-template-rows:auto 1fr auto;height:100vh}
header{grid-column:1/3;display:flex;gap:16px;align-items:center;padding:8px 16px;border-bottom:1px solid #d0d7de;background:#f6f8fa}
header h1{font-size:16px;margin:0 auto 0 0}
nav{overflow:auto;border-right:1px solid #d0d7de;padding:8px 0}
nav h2{font-size:12px;color:#59636e;margin:12px 16px 4px;text-transform:uppercase}
nav button{display:flex;width:100%;justify-content:space-between;gap:8px;border:0;background:none;padding:6px 16px;text-align:left;font:inherit;cursor:pointer}
nav button[aria-current="true"]{background:#ddf4ff;font-weight:600}
nav .count{color:#fff;background:#cf222e;border-radius:10px;padding:0 7px;font-size:12px}
nav .count.warning{background:#9a6700}
nav .file{display:flex;justify-content:space-between;gap:8px;padding:6px 16px;color:#59636e}
main{display:flex;flex-direction:column;min-height:0}
main .notice{margin:0;padding:6px 16px;background:#fff8c5;border-bottom:1px solid #d4a72c}
iframe{flex:1;border:0;width:100%;background:#eceff1}
#problems{grid-column:1/3;max-height:35vh;overflow:auto;border-top:1px solid #d0d7de;padding:8px 16px;margin:0}
#problems h2{font-size:14px;margin:0 0 8px}
.problem{margin:0 0 10px}
.problem .where{font-family:ui-monospace,monospace;font-weight:600}
.problem.error .severity{color:#cf222e}.problem.warning .severity{color:#9a6700}
.problem pre{margin:4px 0;padding:4px 8px;background:#f6f8fa;overflow:auto}
.problem .hint{color:#0969da}
`;

/** The script, as a function the page runs with its words: it only ever sets text, never markup. */
function script(words: PageWords): string {
  return `(() => {
const words = ${JSON.stringify(words)};
let state = null;
let current = new URLSearchParams(location.hash.slice(1)).get('doc') || '';
const $ = (selector) => document.querySelector(selector);
const el = (tag, props, ...children) => { const node = document.createElement(tag); Object.assign(node, props || {}); for (const child of children) node.append(child); return node; };
const look = () => { const params = new URLSearchParams(); for (const key of ['template', 'locale']) { const value = $('#' + key).value; if (value) params.set(key, value); } return params; };
function show() {
  const broken = state.broken.includes(current);
  $('#notice').hidden = !broken;
  const available = current === '' ? false : state.documents.includes(current);
  $('#empty').hidden = available || state.documents.length > 0;
  if (!available && state.documents.length > 0) current = state.documents.includes('handbook') ? 'handbook' : state.documents[0];
  const params = look(); params.set('v', String(state.version));
  const src = current ? '/doc/' + encodeURIComponent(current) + '.html?' + params : 'about:blank';
  if ($('#document').getAttribute('src') !== src) $('#document').setAttribute('src', src);
  $('#pdf').href = current ? '/doc/' + encodeURIComponent(current) + '.pdf?' + look() : '#';
  for (const button of document.querySelectorAll('nav button')) button.setAttribute('aria-current', String(button.dataset.doc === current));
}
function render() {
  const nav = $('nav'); nav.replaceChildren();
  const counts = new Map();
  for (const problem of state.problems) counts.set(problem.file, (counts.get(problem.file) || 0) + 1);
  const entry = (doc, text, file) => {
    const button = el('button', { type: 'button' }, el('span', { textContent: text }));
    button.dataset.doc = doc;
    const n = file ? counts.get(file) : 0;
    if (n) { const errors = state.problems.some((p) => p.file === file && p.severity === 'error'); button.append(el('span', { className: errors ? 'count' : 'count warning', textContent: String(n) })); }
    button.addEventListener('click', () => { current = doc; location.hash = 'doc=' + encodeURIComponent(doc); show(); });
    return button;
  };
  if (state.documents.includes('handbook')) nav.append(entry('handbook', words.handbook));
  const departments = new Map();
  for (const role of state.roles) { if (!departments.has(role.department)) departments.set(role.department, []); departments.get(role.department).push(role); }
  for (const [department, roles] of departments) { nav.append(el('h2', { textContent: department })); for (const role of roles) nav.append(entry(role.id, role.title, role.file)); }
  const shown = new Set(state.roles.map((role) => role.file));
  const others = [...counts.keys()].filter((file) => !shown.has(file));
  if (others.length > 0) {
    nav.append(el('h2', { textContent: words.otherFiles }));
    for (const file of others) nav.append(el('div', { className: 'file' }, el('span', { textContent: file }), el('span', { className: 'count', textContent: String(counts.get(file)) })));
  }
  const list = $('#problems'); list.replaceChildren(el('h2', { textContent: words.problems }));
  if (state.fatal) list.append(el('div', { className: 'problem error' }, el('div', { textContent: state.fatal.message }), state.fatal.hint ? el('div', { className: 'hint', textContent: words.hint + state.fatal.hint }) : ''));
  if (state.problems.length === 0 && !state.fatal) list.append(el('p', { textContent: words.noProblems }));
  for (const p of state.problems) {
    const item = el('div', { className: 'problem ' + p.severity });
    item.append(el('div', {}, el('span', { className: 'where', textContent: p.file + ':' + p.line + ':' + p.column }), '  ', el('span', { className: 'severity', textContent: p.severity }), '  ' + p.message));
    if (p.source !== undefined) item.append(el('pre', { textContent: p.line + ' | ' + p.source }));
    if (p.hint) item.append(el('div', { className: 'hint', textContent: words.hint + p.hint }));
    list.append(item);
  }
  show();
}
async function refresh() { const response = await fetch('/api/state?' + look()); state = await response.json(); render(); }
$('#template').addEventListener('change', refresh);
$('#locale').addEventListener('change', refresh);
const events = new EventSource('/events');
events.addEventListener('change', refresh);
// A server started again knows nothing of this page: what it serves now is read afresh.
let greeted = false;
events.addEventListener('hello', () => { $('#offline').hidden = true; if (greeted) refresh(); greeted = true; });
events.addEventListener('error', () => { $('#offline').hidden = false; });
refresh();
})();`;
}

export function previewPage(lang: Lang, templates: readonly string[], locales: readonly string[]): string {
  const words = WORDS[lang];
  const options = (values: readonly string[]): string => [`<option value="">${escapeHtml(words.projectDefault)}</option>`, ...values.map((value) => `<option>${escapeHtml(value)}</option>`)].join('');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(words.title)}</h1>
<label>${escapeHtml(words.template)} <select id="template">${options(templates)}</select></label>
<label>${escapeHtml(words.locale)} <select id="locale">${options(locales)}</select></label>
<a id="pdf" href="#" target="_blank" rel="noopener">${escapeHtml(words.pdf)}</a></header>
<nav aria-label="${escapeHtml(words.roles)}"></nav>
<main><p id="offline" class="notice" hidden>${escapeHtml(words.disconnected)}</p><p id="notice" class="notice" hidden>${escapeHtml(words.lastGood)}</p><p id="empty" class="notice" hidden>${escapeHtml(words.noDocument)}</p><iframe id="document" title="document"></iframe></main>
<section id="problems" aria-live="polite"></section>
<script>${script(words)}</script>
</body>
</html>
`;
}
