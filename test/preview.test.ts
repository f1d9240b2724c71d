/**
 * `roledoc preview` in a real browser: Debian's Chromium, driven by puppeteer-core (nothing is
 * downloaded). The page shows a role; a save shows the change; a broken file shows the problem at
 * its line beside the last good document; the fix brings the document back. The server refuses
 * another host's requests and anything but GET. Skipped, with a line saying so, where Chromium is not
 * installed (.ci/run installs it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canInterrupt } from './helpers/platform.js';
import { runCli, startProcess, type WatchedProcess } from './helpers/run-cli.js';
import { seedProject, tempProject } from './helpers/seed.js';

/** Chromium as Debian installs it, or where CHROMIUM_PATH says. */
const CHROMIUM = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file): file is string => file !== undefined && existsSync(file));
/** A save is seen, re-read and rendered within a second on an idle machine; a busy one gets far longer. */
const STEP_MS = 30_000;

/** What the server answers to a GET, as JSON. */
async function getJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

/** An HTTP request with the Host header given, for what a browser would never send. */
function rawRequest(url: string, method: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(CHROMIUM === undefined)('roledoc preview in Chromium', () => {
  let dir: string;
  let server: WatchedProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  const role = (): string => path.join(dir, 'roles', '客服部', 'cs-supervisor.yaml');
  /** What an expression gives in the page (a string: this file is type-checked without the DOM's types). */
  const inPage = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
  /** The text of the document the page shows. */
  const documentText = (): Promise<string> => inPage("document.querySelector('iframe')?.contentDocument?.body?.innerText ?? ''");
  const problemsText = (): Promise<string> => inPage("document.querySelector('#problems')?.textContent ?? ''");
  const waitFor = async (what: () => Promise<string>, wanted: string): Promise<void> => {
    const started = Date.now();
    for (;;) {
      const text = await what();
      if (text.includes(wanted)) return;
      if (Date.now() - started > STEP_MS) throw new Error(`waited ${STEP_MS} ms for "${wanted}"; the page shows: ${text.slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    dir = seedProject();
    server = startProcess(['preview'], dir, STEP_MS);
    await server.waitFor(/http:\/\/127\.0\.0\.1:\d+\//);
    url = /http:\/\/127\.0\.0\.1:\d+\//.exec(server.output())?.[0] ?? '';
    browser = await puppeteer.launch({ executablePath: CHROMIUM ?? '', headless: true, args: ['--no-sandbox', '--disable-gpu'], timeout: STEP_MS });
    page = await browser.newPage();
    await page.goto(`${url}#doc=cs-supervisor`, { timeout: STEP_MS });
  }, 4 * STEP_MS);

  afterAll(async () => {
    await browser?.close();
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('shows the role, and the roles of the project by department', async () => {
    await waitFor(documentText, '客服主管职位说明书');
    expect(await documentText()).toContain('4人');
    const nav = await inPage<string>("document.querySelector('nav')?.textContent ?? ''");
    expect(nav).toContain('客服部');
    expect(nav).toContain('客服部经理');
  }, STEP_MS * 2);

  it('shows a saved change without a reload by hand', async () => {
    writeFileSync(role(), readFileSync(role(), 'utf8').replace('headcount: 4', 'headcount: 6'));
    await waitFor(documentText, '6人');
  }, STEP_MS * 2);

  it('shows a broken file’s problem at its line, beside the last good document, then the document again once fixed', async () => {
    const good = readFileSync(role(), 'utf8');
    writeFileSync(role(), good.replace('headcount: 6', 'headcount: 六'));
    await waitFor(problemsText, 'roles/客服部/cs-supervisor.yaml:');
    const problems = await problemsText();
    expect(problems).toMatch(/cs-supervisor\.yaml:\d+:\d+/);
    expect(problems).toContain('headcount: 六');
    expect(await documentText()).toContain('6人');
    expect(await inPage<boolean>("document.querySelector('#notice').hasAttribute('hidden')")).toBe(false);
    // The handbook without the broken role would look complete: it stays as it last was, said so too.
    const state = await getJson<{ broken: string[] }>(`${url}api/state`);
    expect(state.broken.sort()).toEqual(['cs-supervisor', 'handbook']);
    writeFileSync(role(), good.replace('headcount: 6', 'headcount: 7'));
    await waitFor(documentText, '7人');
    await waitFor(problemsText, '没有问题');
  }, STEP_MS * 3);

  it('re-renders in the template and language chosen in the page', async () => {
    await page.select('#locale', 'en');
    await waitFor(documentText, 'Job Description: 客服主管');
    await page.select('#locale', '');
    await waitFor(documentText, '客服主管职位说明书');
  }, STEP_MS * 2);

  it('answers only its own host, and only GET', async () => {
    expect(await rawRequest(`${url}api/state`, 'GET', 'evil.example')).toBe(403);
    expect(await rawRequest(url, 'POST', new URL(url).host)).toBe(405);
    expect(await rawRequest(`${url}doc/..%2Froledoc.config.yaml.html`, 'GET', new URL(url).host)).toBe(404);
    expect(await rawRequest(`${url}/[`, 'GET', new URL(url).host)).toBe(400);
  });

  it.runIf(canInterrupt)('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, STEP_MS);
});

it.runIf(CHROMIUM === undefined)('(the browser test needs Chromium: apt-get install chromium; .ci/run installs it)', () => {
  console.warn('skipped: roledoc preview in Chromium — Chromium is not installed here');
});

it('refuses to start where there is no project to preview, as build does', async () => {
  const result = await runCli(['preview'], tempProject({ 'notes.txt': 'x' }));
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain('找不到岗位目录 roles/');
  expect(result.stdout).toBe('');
});
