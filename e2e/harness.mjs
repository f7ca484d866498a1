// Shared pieces of the end-to-end tests: a static file server that behaves
// like GitHub Pages (the site lives under a sub-path, unknown paths get
// 404.html with status 404) and a headless Debian Chromium driven by
// playwright-core. Nothing here mocks the app: it is the release build in
// dist/, served over HTTP on 127.0.0.1 and run by a real browser.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.CROSSCHECK_DIST ?? join(ROOT, 'dist');
/** The sub-path the release build is made for (scripts/test.sh passes it to trunk). */
export const BASE = process.env.CROSSCHECK_BASE ?? '/crosscheck/';
/** Where screenshots go: outside the repository, printed by the tests. */
export const SHOTS = process.env.CROSSCHECK_SHOTS ?? join(tmpdir(), 'crosscheck-e2e');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

async function fileAt(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fileAt(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

/**
 * Starts the static server on a free 127.0.0.1 port; resolves to
 * { url, close, setRoot, requested }. `setRoot` swaps the folder served, as a
 * deploy of a new build would; `requested()` lists the paths asked for so
 * far (and `requested(true)` forgets them after listing).
 */
export async function serveDist(root = DIST) {
  let served = root;
  let log = [];
  const server = createServer(async (req, res) => {
    const raw = new URL(req.url, 'http://x').pathname;
    log.push(raw);
    let pathname;
    try {
      pathname = decodeURIComponent(raw);
    } catch {
      // Malformed percent-encoding names no file; the app still gets to say so.
      pathname = raw.startsWith(BASE) ? `${BASE}\u0000` : raw;
    }
    const send = (status, file) => {
      res.writeHead(status, {
        'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(file.body);
    };
    if (pathname.startsWith(BASE)) {
      const rel = normalize(pathname.slice(BASE.length)).replace(/^(\.\.[/\\])+/, '');
      const file = rel.includes('\u0000') ? null : await fileAt(join(served, rel));
      if (file) return send(200, file);
      const fallback = await fileAt(join(served, '404.html'));
      if (fallback) return send(404, fallback);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
    setRoot: (dir) => {
      served = dir;
    },
    requested: (forget = false) => {
      const seen = log;
      if (forget) log = [];
      return seen;
    },
  };
}

/** Launches headless Debian Chromium with the flags that keep it quiet on a closed network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new page that records console errors, uncaught exceptions and requests
 * to other origins; `problems()` lists them so a test can fail on any.
 */
export async function openPage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  // Content-Security-Policy violations are collected in the page (init
  // scripts are not subject to the policy) and reported with the rest.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('console', (msg) => {
    // Failed loads are reported with their URL by the response handler below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  const cspViolations = async (p = page) =>
    (await p.evaluate(() => window.__cspViolations ?? [])).map((v) => `CSP: ${v}`);
  return { context, page, problems: () => problems, cspViolations };
}

/** Saves a full-page screenshot outside the repository and prints its path. */
export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return path;
}

/** Waits until a service worker controls the page. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function axeViolations(page) {
  const source = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol, so the page's CSP allows it.
  await page.evaluate(source);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * For a test file that runs against one served build: registers node:test
 * hooks that start the static server and a browser before the file's tests
 * and close both after them. `url` is the app's address once started;
 * `open()` resolves to a fresh page watched as `openPage` describes.
 */
export function servedApp() {
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server.url;
    },
    open: () => openPage(browser, new URL(server.url).origin),
  };
}
