/**
 * `roledoc preview`'s server: 127.0.0.1 only, on the port asked for or a free one. It serves the
 * page, the project's state as JSON, each document as HTML (and as PDF on request), and an event
 * stream that says when a save changed something. Safe by construction: it serves only what it
 * renders (a URL names a document, never a file), refuses a Host header that is not its own (DNS
 * rebinding), sends no CORS headers and accepts nothing but GET and HEAD.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXED_BUILD_DATE } from '../incremental/document-date.js';
import { watchFiles, type FileWatcher } from '../io/watch-files.js';
import type { Layout } from '../layout/layout.js';
import type { Lang } from '../messages/lang.js';
import type { ProjectConfig } from '../model/config.js';
import { previewProject, type PreviewRole, type PreviewState } from '../pipeline/preview-project.js';
import { renderDocument } from '../pipeline/render-document.js';
import { previewPage } from './preview-page.js';
import { isWatchedChange, watchedPaths } from './watch.js';

/** Editors save in bursts (temporary file, rename): wait for the burst to end. */
const DEBOUNCE_MS = 150;
/** A comment on the event stream now and then keeps proxies and browsers from closing it. */
const HEARTBEAT_MS = 15_000;

export interface PreviewServer {
  readonly url: string;
  /** What kept the project from being read at the start, if anything did (no roles folder). */
  fatal(): Promise<PreviewState['fatal']>;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  readonly root: string;
  readonly config: ProjectConfig;
  readonly port: number;
  readonly lang: Lang;
  readonly templates: readonly string[];
  readonly locales: readonly string[];
  /** Told of a failure of roledoc itself while it re-reads the project; the server goes on. */
  readonly onError: (error: unknown) => void;
}

/** The look a request asks for: a template and a locale from the page's lists, or the project's own. */
interface Look {
  readonly template?: string;
  readonly locale?: string;
}

/** One view of the project, with the documents of roles whose files broke kept as they last were. */
interface View {
  readonly state: PreviewState;
  readonly documents: ReadonlyMap<string, Layout>;
  readonly roles: readonly PreviewRole[];
  /** Documents shown as they last were, because their role file has errors now. */
  readonly broken: readonly string[];
}

/** The current state laid over the last good one: a role whose file now has errors keeps its last document. */
function viewOf(state: PreviewState, previous: View | undefined): View {
  // A config, template or catalog that does not validate now: every document as it last was.
  if (state.lookFailed && previous) return { state, documents: previous.documents, roles: previous.roles, broken: [...previous.documents.keys()] };
  const documents = new Map(state.layouts);
  const roles = [...state.roles];
  const broken: string[] = [];
  const failing = new Set(state.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
  for (const role of previous?.roles ?? []) {
    const last = previous?.documents.get(role.id);
    if (documents.has(role.id) || !last || !failing.has(role.file)) continue;
    documents.set(role.id, last);
    roles.push(role);
    broken.push(role.id);
  }
  // The handbook without a role whose file broke would look complete and is not: it stays as it last was.
  const handbook = previous?.documents.get('handbook');
  if (handbook && failing.size > 0 && (broken.length > 0 || !documents.has('handbook'))) {
    documents.set('handbook', handbook);
    broken.push('handbook');
  }
  return { state, documents, roles, broken };
}

const lookKey = (look: Look): string => `${look.template ?? ''}\u0000${look.locale ?? ''}`;

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { root, lang } = options;
  let version = 0;
  const views = new Map<string, View>();
  const pending = new Map<string, Promise<View>>();
  /** Documents rendered for this version of the project: a page's many requests for one PDF render it once. */
  const rendered = new Map<string, Promise<Uint8Array>>();
  const clients = new Set<ServerResponse>();

  /** The view for a look: computed once per version of the project, the last good one carried over. */
  const viewFor = (look: Look): Promise<View> => {
    const key = `${version}\u0000${lookKey(look)}`;
    let view = pending.get(key);
    if (!view) {
      const previous = views.get(lookKey(look));
      view = previewProject(root, { ...look, lang }).then((state) => {
        const next = viewOf(state, previous);
        views.set(lookKey(look), next);
        return next;
      });
      pending.set(key, view);
    }
    return view;
  };

  const lookOf = (url: URL): Look => {
    const template = url.searchParams.get('template') ?? '';
    const locale = url.searchParams.get('locale') ?? '';
    // Only what the page offers: a query never names a path on the disk.
    return {
      ...(options.templates.includes(template) ? { template } : {}),
      ...(options.locales.includes(locale) ? { locale } : {}),
    };
  };

  const send = (response: ServerResponse, status: number, type: string, body: string | Uint8Array, head: boolean, extra: Record<string, string> = {}): void => {
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...extra,
    });
    response.end(head ? undefined : body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, port: number): Promise<void> => {
    const head = request.method === 'HEAD';
    // A page elsewhere that resolves its own name to 127.0.0.1 still sends its own Host: refused.
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden host\n', head);
    if (request.method !== 'GET' && !head) return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false, { Allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(request.url ?? '/', `http://${host}`);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Bad request\n', head);
    }
    if (url.pathname === '/') {
      return send(response, 200, 'text/html; charset=utf-8', previewPage(lang, options.templates, options.locales), head, {
        'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      });
    }
    if (url.pathname === '/api/state') {
      const view = await viewFor(lookOf(url));
      const body = {
        version,
        roles: view.roles,
        problems: view.state.problems,
        documents: [...view.documents.keys()].sort((a, b) => (a === 'handbook' ? -1 : b === 'handbook' ? 1 : 0)),
        broken: view.broken,
        ...(view.state.fatal ? { fatal: view.state.fatal } : {}),
      };
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(body), head);
    }
    if (url.pathname === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(`event: hello\ndata: ${version}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const document = /^\/doc\/([a-z0-9][a-z0-9-]{0,63})\.(html|pdf)$/.exec(url.pathname);
    if (document) {
      const [, name = '', format = 'html'] = document;
      const look = lookOf(url);
      const layout = (await viewFor(look)).documents.get(name);
      if (!layout) return send(response, 404, 'text/plain; charset=utf-8', 'No such document\n', head);
      const key = `${version}\u0000${lookKey(look)}\u0000${name}.${format}`;
      let bytesOf = rendered.get(key);
      if (!bytesOf) rendered.set(key, (bytesOf = renderDocument(layout, format === 'pdf' ? 'pdf' : 'html', { createdAt: FIXED_BUILD_DATE })));
      const bytes = await bytesOf;
      return send(response, 200, format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8', bytes, head, {
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      });
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
  };

  const server: Server = createServer((request, response) => {
    const port = (server.address() as AddressInfo).port;
    handle(request, response, port).catch((error: unknown) => {
      options.onError(error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'roledoc could not render this; see the terminal\n', request.method === 'HEAD');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  // The project's own look first: the page asks for it before anything else.
  await viewFor({}).catch(options.onError);
  let timer: NodeJS.Timeout | undefined;
  const watched = await watchedPaths(root, options.config, {});
  const watcher: FileWatcher = await watchFiles(watched, (file) => {
    if (!isWatchedChange(file, watched)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      version += 1;
      pending.clear();
      rendered.clear();
      const now = version;
      viewFor({})
        .catch(options.onError)
        .finally(() => {
          for (const client of clients) client.write(`event: change\ndata: ${now}\n\n`);
        });
    }, DEBOUNCE_MS);
  });
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': still here\n\n');
  }, HEARTBEAT_MS);

  return {
    url: `http://127.0.0.1:${port}/`,
    fatal: async () => (await viewFor({}).catch(() => undefined))?.state.fatal,
    close: async () => {
      clearTimeout(timer);
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      await watcher.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
