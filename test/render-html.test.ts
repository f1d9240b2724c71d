/**
 * The HTML renderer beyond the renderer contract: one self-contained file (nothing fetched from
 * anywhere), the same bytes for the same Layout, the template's look and pages in its CSS, and
 * tables whose header cells say what they head.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html/render-html.js';
import { composeAll, loadBuiltinTemplate, seedFixture } from './helpers/seed.js';

const createdAt = new Date('2024-01-01T00:00:00Z');
const seed = seedFixture();
const layout = seed.layouts.get('cs-supervisor');
const html = (l = layout): string => {
  if (!l) throw new Error('no layout');
  return new TextDecoder().decode(renderHtml(l, { createdAt }));
};

describe('the HTML renderer', () => {
  it('gives the same bytes for the same Layout', () => {
    expect(html()).toBe(html());
  });

  it('is one file: no URL of anywhere else, no script', () => {
    const text = html();
    expect(text).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(text).not.toMatch(/@import|url\(/);
    expect(text).not.toContain('<script');
    expect(text).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
  });

  it('prints on the template’s pages, with the footer’s page numbers', () => {
    const text = html();
    expect(text).toMatch(/@page\{size:595\.\d+pt 841\.\d+pt;margin:/);
    expect(text).toContain('@bottom-center{content:"第 " counter(page) " 页 / 共 " counter(pages) " 页"}');
  });

  it('marks label cells as the headers of their rows, and table heads as the headers of their columns', () => {
    const text = html();
    expect(text).toContain('<th scope="row">岗位名称</th>');
    expect(text).toContain('<thead><tr><th scope="col" class="bold shaded">职责表述</th>');
  });

  it('keeps every text in its place: a title that holds </style><script> stays words in the page header', () => {
    if (!layout) throw new Error('no layout');
    const hostile = '岗位说明书 </style><script>alert(1)</script> "quoted" \\';
    const text = html({ ...layout, header: { text: { left: [], center: [{ text: hostile }], right: [] } } });
    expect(text).not.toContain('<script');
    expect(text).toContain('@top-center{content:"岗位说明书 \\3c /style>\\3c script>alert(1)\\3c /script> \\"quoted\\" \\\\"}');
  });

  it('takes its look from the template: the modern template has rows, not a grid', () => {
    const modern = composeAll(seed.roles, 'zh-CN', loadBuiltinTemplate('modern')).get('cs-supervisor');
    expect(html()).toContain('border:0.75pt solid #333333');
    expect(html(modern)).toMatch(/th,td\{border:0;border-bottom:/);
  });
});
