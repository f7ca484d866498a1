// The browser benchmark: what a reader of a given corpus meets, measured in
// headless Chromium against the release build. Run on demand (it is not part
// of scripts/test.sh: timings belong in the README, not in pass/fail tests).
//
//   node scripts/bench-browser.mjs [--corpus DIR] [--import DIR] [--no-build] [--runs N]
//
// 1. Builds the release app (`trunk build --release`), unless --no-build;
//    with --corpus, copies dist/ to target/bench-dist and writes that
//    corpus's data file into the copy (scripts/post-build.mjs), so the code
//    is the same and only the data differs.
// 2. Serves it on 127.0.0.1 under /crosscheck/ (the e2e server) and, for
//    each of N cold loads in a fresh browser context: bytes shipped (raw,
//    and gzip -9 / brotli q11 of the same files), first contentful paint,
//    first usable view (the first article card), the longest main-thread
//    task up to 3 s after load, wasm and JS memory, DOM nodes.
// 3. Types a fixed list of queries into the search box at 8 keys per
//    second and measures, for every search the debounce starts (the
//    `crosscheck-search` performance mark), the time until the results are
//    painted (the first DOM change after the mark, then the next frame),
//    and the long tasks and long animation frames during typing.
// 4. Opens the synopsis of the three largest stories from the overview and
//    measures each click until the table is painted.
// 5. With --import DIR, adds every article file of DIR (recursively) with
//    "Add articles" in a fresh context and times it: files handed to the
//    page, read by the worker, indexed and compared, in place; with the
//    page's long tasks meanwhile and the time to a search typed during it;
//    then reloads and times the imported articles' return.
import { spawnSync } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, serveDist, launchBrowser } from '../e2e/harness.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const corpus = value('--corpus', null);
const runs = Number(value('--runs', '3'));
const importDir = value('--import', null);
const BASE = '/crosscheck/';

/** Typed one key at a time; each prefix is a search. */
const QUERIES = [
  'blair election',
  'tory tax plans',
  'yukos',
  'mobile phone',
  'world cup',
  'oscar nominations',
  'interest rates',
  'microsoft',
  'gerrard',
  'iraq war',
];
const KEY_DELAY_MS = 125;

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`bench: ${cmd} ${argv.join(' ')} failed`);
    process.exit(1);
  }
}

if (!flag('--no-build')) {
  run('trunk', ['build', '--release', '--offline', '--public-url', BASE], {
    PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
  });
}
let dist = join(ROOT, 'dist');
if (corpus) {
  const copy = join(ROOT, 'target', 'bench-dist');
  await rm(copy, { recursive: true, force: true });
  await cp(dist, copy, { recursive: true });
  run('node', ['scripts/post-build.mjs', copy, BASE, 'release'], { CROSSCHECK_CORPUS: corpus });
  dist = copy;
}

const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
};
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => `${Math.round(x)} ms`;
const kb = (b) => `${(b / 1000).toFixed(0)} KB`;

// Watches the page from before the app starts: long tasks, long animation
// frames, the first article card, search marks and the paint after each.
function instrument() {
  const b = (window.__bench = { longtasks: [], loafs: [], firstCard: null, searches: [] });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.wasm = e.detail.wasm;
  });
  const observe = (type, into) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push({ start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: true });
    } catch {
      /* not supported */
    }
  };
  observe('longtask', b.longtasks);
  observe('long-animation-frame', b.loafs);
  const seen = new Set();
  new MutationObserver(() => {
    if (b.firstCard === null && document.querySelector('[data-testid=article-card]')) {
      b.firstCard = performance.now();
    }
    // The first DOM change after a search mark is its results.
    const marks = performance.getEntriesByName('crosscheck-search');
    const mark = marks[marks.length - 1];
    if (!mark || seen.has(mark.startTime)) return;
    seen.add(mark.startTime);
    const search = { start: mark.startTime, painted: null };
    b.searches.push(search);
    requestAnimationFrame(() =>
      setTimeout(() => {
        search.painted = performance.now();
      }, 0),
    );
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

const server = await serveDist(dist);
const browser = await launchBrowser();
const loads = [];
let shipped = null;
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const files = new Map();
  page.on('response', async (res) => {
    if (!res.url().startsWith(server.url)) return;
    try {
      const body = await res.body();
      files.set(new URL(res.url()).pathname, body);
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(server.url);
  await page.getByTestId('article-card').first().waitFor({ timeout: 120_000 });
  const wall = Date.now() - t0;
  await page.waitForTimeout(3000);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const b = window.__bench;
    return {
      fcp,
      firstCard: b.firstCard,
      // The app marks the moment the search index it builds after the
      // library is drawn is in place.
      searchable: performance.getEntriesByName('crosscheck-searchable')[0]?.startTime ?? null,
      longest: Math.max(0, ...b.longtasks.map((t) => t.duration)),
      tasks: b.longtasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`),
      wasmMemory: b.wasm?.memory?.buffer?.byteLength ?? null,
    };
  });
  const metrics = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]),
  );
  loads.push({ ...m, wall, jsHeap: metrics.JSHeapUsedSize, nodes: metrics.Nodes });
  if (!shipped) {
    // Let late responses finish reading.
    await page.waitForTimeout(500);
    shipped = [...files.entries()].filter(([path]) => !path.endsWith('sw.js'));
  }

  if (r === runs - 1) {
    // Typing, in the last context (code and data cached as a returning
    // reader has them).
    const before = await page.evaluate(() => ({
      tasks: window.__bench.longtasks.length,
      loafs: window.__bench.loafs.length,
      searches: window.__bench.searches.length,
    }));
    const input = page.getByTestId('search-input');
    for (const q of QUERIES) {
      await input.fill('');
      await page.waitForTimeout(300);
      await input.click();
      for (const ch of q) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(KEY_DELAY_MS);
      }
      await page.waitForTimeout(400);
    }
    const typed = await page.evaluate((from) => {
      const b = window.__bench;
      return {
        searches: b.searches.slice(from.searches).filter((s) => s.painted !== null),
        tasks: b.longtasks.slice(from.tasks),
        loafs: b.loafs.slice(from.loafs),
      };
    }, before);
    const latency = typed.searches.map((s) => s.painted - s.start);
    console.log('\n== typing (last context; each debounced search to results painted)');
    console.log(`  ${QUERIES.reduce((n, q) => n + q.length, 0)} keystrokes, ${latency.length} searches`);
    console.log(
      `  search start → painted: p50 ${ms(median(latency))}, p95 ${ms(quantile(latency, 0.95))}, max ${ms(Math.max(...latency))}`,
    );
    console.log(
      `  long tasks (>50 ms) while typing: ${typed.tasks.length}, longest ${ms(Math.max(0, ...typed.tasks.map((t) => t.duration)))}`,
    );
    console.log(`  long animation frames while typing: ${typed.loafs.length}`);

    // The synopsis of each of the three largest stories (at most twelve
    // reports each), opened from the overview: click to table painted.
    const synopses = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('link', { name: 'Overview' }).click();
      const link = page.getByTestId('story-synopsis').nth(i);
      if ((await link.count()) === 0) break;
      const t = Date.now();
      await link.click();
      await page.getByTestId('synopsis').waitFor({ timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      const took = Date.now() - t;
      const reports = await page.locator('table.synopsis thead th.synopsis-article').count();
      const facts = await page.getByTestId('synopsis-fact').count();
      synopses.push(`${reports} reports, ${facts} facts: ${ms(took)}`);
    }
    if (synopses.length > 0) {
      console.log('\n== synopsis of the largest stories (click to table painted)');
      for (const line of synopses) console.log(`  ${line}`);
    }
  }
  await context.close();
}

// Sizes of what was shipped, compressed here as a static host would.
let raw = 0;
let gz = 0;
let br = 0;
console.log(`\n== shipped on a cold load (${corpus ?? 'corpus/'})`);
for (const [path, body] of shipped.sort()) {
  const g = gzipSync(body, { level: 9 }).length;
  const b = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  }).length;
  raw += body.length;
  gz += g;
  br += b;
  console.log(`  ${path.slice(BASE.length).padEnd(44)} ${kb(body.length).padStart(9)} raw ${kb(g).padStart(9)} gzip ${kb(b).padStart(9)} brotli`);
}
console.log(`  total${' '.repeat(39)} ${kb(raw).padStart(9)} raw ${kb(gz).padStart(9)} gzip ${kb(br).padStart(9)} brotli`);

console.log(`\n== cold loads (${runs}, median; served from 127.0.0.1 without compression)`);
console.log(`  first contentful paint: ${ms(median(loads.map((l) => l.fcp)))}`);
console.log(`  first article card:     ${ms(median(loads.map((l) => l.firstCard)))}`);
console.log(`  search index built:     ${ms(median(loads.map((l) => l.searchable)))}`);
console.log(`  longest main-thread task up to 3 s after load: ${ms(median(loads.map((l) => l.longest)))}`);
console.log(`  long tasks (start+duration, ms) of each load: ${loads.map((l) => `[${l.tasks.join(' ')}]`).join(' ')}`);
console.log(`  wasm memory: ${(median(loads.map((l) => l.wasmMemory)) / 1e6).toFixed(1)} MB, JS heap: ${(median(loads.map((l) => l.jsHeap)) / 1e6).toFixed(1)} MB, DOM nodes: ${median(loads.map((l) => l.nodes))}`);

if (importDir) {
  const files = (await readdir(importDir, { recursive: true }))
    .filter((f) => /\.(txt|md|html?)$/i.test(f) && !/^(readme|license|licence|copying|changelog|notice)([^a-z]|$)/i.test(f.split('/').pop()))
    .map((f) => join(importDir, f));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('article-card').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-files').setInputFiles(files);
  await page.evaluate(() => {
    const b = window.__bench;
    b.importFrom = b.longtasks.length;
    b.phases = [];
    const t0 = performance.now();
    b.t0 = t0;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=import-status] p')?.textContent ?? '';
      const kind = text.split(/[ :]/)[0];
      const last = b.phases[b.phases.length - 1];
      if (kind && (!last || last.kind !== kind)) b.phases.push({ kind, at: performance.now() - t0 });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('import-submit').click();
  // A search typed while the worker reads: its results must not wait.
  await page.waitForFunction(() => /^Read /.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 120_000 });
  const typedAt = Date.now();
  await page.getByTestId('search-input').fill('talks');
  await page.getByTestId('result-count').waitFor({ timeout: 120_000 });
  const searchDuring = Date.now() - typedAt;
  // Back to the library, where the import (which went on) shows its end.
  await page.goBack();
  await page.getByTestId('import').waitFor();
  await page.waitForFunction(() => /^(Done|The import failed)/.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 600_000 });
  const r = await page.evaluate(() => {
    const b = window.__bench;
    const tasks = b.longtasks.slice(b.importFrom);
    return {
      phases: b.phases,
      status: document.querySelector('[data-testid=import-status] p').textContent,
      tasks: tasks.length,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      list: tasks.map((t) => `${Math.round(t.start - b.t0)}+${Math.round(t.duration)}`),
    };
  });
  console.log(`\n== import of ${files.length} files from ${importDir}`);
  for (const p of r.phases) console.log(`  ${ms(p.at).padStart(9)}  ${p.kind}`);
  console.log(`  ${r.status}`);
  console.log(`  search typed while reading, to results shown: ${ms(searchDuring)}`);
  console.log(`  main-thread long tasks during the import: ${r.tasks}, longest ${ms(r.longest)}`);
  console.log(`  long tasks (start after the click + duration, ms): [${r.list.join(' ')}]`);
  // A reload: the kept articles come back (from the corpus derived by
  // this build, once it is written).
  const range = await page.getByTestId('library-range').innerText();
  await page.waitForTimeout(3000);
  const reloadedAt = Date.now();
  await page.reload();
  await page.waitForFunction((text) => document.querySelector('[data-testid=library-range]')?.textContent === text, range, { timeout: 600_000 });
  console.log(`  reload, to every imported article back in the library: ${ms(Date.now() - reloadedAt)} (${range})`);
  await context.close();
}

await browser.close();
await server.close();
