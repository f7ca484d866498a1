// The app with a corpus of hundreds: 300 articles of the BBC collection
// (../shared/datasets/bbc, or CROSSCHECK_BBC), put into a copy of the
// release build by the same post-build step a deploy runs. Library pages,
// sorting and filters, search results a page at a time, and the overview by
// story. Skipped, with a message, when the collection is absent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, DIST, BASE, serveDist, launchBrowser, openPage, screenshot, axeViolations } from './harness.mjs';

const BBC = process.env.CROSSCHECK_BBC ?? join(ROOT, '..', 'shared', 'datasets', 'bbc');
const PER_CATEGORY = 60;
const present = existsSync(BBC);
if (!present) console.log(`skipping the large-corpus tests: ${BBC} not found (set CROSSCHECK_BBC)`);

let server;
let browser;
let titles = [];

before(async () => {
  if (!present) return;
  // The first 60 articles of each category: related reports, so stories.
  const corpus = join(tmpdir(), `crosscheck-large-${process.pid}`);
  await rm(corpus, { recursive: true, force: true });
  for (const category of (await readdir(BBC, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    const files = (await readdir(join(BBC, category.name))).filter((f) => f.endsWith('.txt')).sort();
    await mkdir(join(corpus, category.name), { recursive: true });
    for (const f of files.slice(0, PER_CATEGORY)) {
      const bytes = await readFile(join(BBC, category.name, f));
      await writeFile(join(corpus, category.name, f), bytes);
      titles.push(bytes.toString('latin1').split('\n')[0].trim());
    }
  }
  const dist = join(ROOT, 'target', 'dist-large');
  await rm(dist, { recursive: true, force: true });
  await cp(DIST, dist, { recursive: true });
  const built = spawnSync('node', ['scripts/post-build.mjs', dist, BASE, 'release'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CROSSCHECK_CORPUS: corpus },
  });
  assert.equal(built.status, 0, 'the large corpus bundles');
  await rm(corpus, { recursive: true, force: true });
  server = await serveDist(dist);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = () => openPage(browser, new URL(server.url).origin);

test('the library shows a page of cards, sorts, filters and pages through the URL', { skip: !present }, async () => {
  const { context, page, problems } = await open();
  await page.goto(server.url);
  const cards = page.getByTestId('article-card');
  await cards.first().waitFor();
  assert.equal(titles.length, 300);
  assert.equal(await cards.count(), 50, 'one page of cards, not 300');
  assert.match(await page.getByTestId('library-range').innerText(), /Showing 1–50 of 300/);

  const firstPage = await page.locator('.card-title').first().innerText();
  await page.getByTestId('library-next').click();
  await page.waitForURL(/page=2/);
  assert.match(await page.getByTestId('library-range').innerText(), /Showing 51–100 of 300/);
  assert.notEqual(await page.locator('.card-title').first().innerText(), firstPage);
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('page='));
  assert.equal(await page.locator('.card-title').first().innerText(), firstPage);

  // Sorted by title: the page holds the first 50 titles in order.
  await page.getByTestId('library-sort').selectOption('title');
  await page.waitForURL(/sort=title/);
  const shown = await page.locator('.card-title').allInnerTexts();
  const lower = (xs) => xs.map((t) => t.toLowerCase());
  assert.deepEqual(lower(shown), lower(shown).slice().sort());
  assert.equal(await cards.count(), 50);

  // Filtered by a name: fewer articles, the range says how many; reloading
  // the URL gives the same view.
  await page.getByTestId('library-name').fill('Russia');
  await page.getByTestId('library-name').press('Enter');
  await page.waitForURL(/name=Russia/);
  const range = await page.getByTestId('library-range').innerText();
  const m = range.match(/of (\d+)/);
  assert.ok(m && Number(m[1]) > 0 && Number(m[1]) < 50, range);
  assert.equal(await cards.count(), Number(m[1]));
  await page.reload();
  await cards.first().waitFor();
  assert.equal(await page.getByTestId('library-range').innerText(), range);
  assert.equal(await page.getByTestId('library-name').inputValue(), 'Russia');
  await screenshot(page, 'large-library');
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('search shows a page of results and more on request', { skip: !present }, async () => {
  const { context, page, problems } = await open();
  await page.goto(`${server.url}search?q=government`);
  const results = page.getByTestId('search-result');
  await results.first().waitFor();
  const total = Number((await page.getByTestId('result-count').innerText()).match(/(\d+) articles/)[1]);
  assert.ok(total > 20, `${total} matches`);
  assert.equal(await results.count(), 10);
  assert.ok((await results.first().locator('mark').count()) > 0, 'passages are marked');
  await page.getByTestId('more-results').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=search-result]').length === 20);
  // A new query starts from one page again.
  await page.getByTestId('search-input').fill('government minister');
  await page.waitForURL(/minister/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=search-result]').length === 10);
  // Passages side by side: a dozen of the best articles, not all 300.
  await page.goto(`${server.url}compare?q=government`);
  await page.getByTestId('focus-passage').first().waitFor();
  assert.equal(await page.getByTestId('focus-passage').count(), 12);
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('the overview lists stories and draws the grid of one, not of the corpus', { skip: !present }, async () => {
  const { context, page, problems } = await open();
  await page.goto(`${server.url}overview`);
  const stories = page.getByTestId('story');
  await stories.first().waitFor();
  assert.equal(await page.getByTestId('heatmap').count(), 0, 'no 300 × 300 grid');
  assert.ok((await stories.count()) >= 5);
  assert.ok((await page.getByTestId('entity-reach').locator('tbody tr').count()) > 5);
  const first = stories.first();
  const reports = Number((await first.innerText()).match(/(\d+) reports/)[1]);
  assert.ok(reports >= 2);
  await screenshot(page, 'large-overview');
  assert.deepEqual(await axeViolations(page), []);

  await first.getByRole('link', { name: 'How these reports compare' }).click();
  await page.waitForURL(/overview\?set=/);
  const heatmap = page.getByTestId('heatmap');
  await heatmap.waitFor();
  const k = Math.min(reports, 24);
  assert.equal(await heatmap.locator('rect').count(), k * k);
  // The grid is a URL: reloading it draws the same grid.
  await page.reload();
  await heatmap.waitFor();
  assert.equal(await heatmap.locator('rect').count(), k * k);
  // A cell opens that comparison.
  await heatmap.locator('a').nth(1).click();
  await page.getByTestId('compare-left').waitFor();
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});
