// A reader's own articles, end to end, as the import was asked for: two
// text files, a Markdown file with front matter, a saved web page and a
// pasted article go in; each is found by search with its passage marked,
// compared with a built-in article and shown in the overview; after a
// reload, and offline, they are all still there, whether the kept derived
// corpus is used or the files are read again by the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, screenshot, waitForServiceWorker } from './harness.mjs';

const FILES = [
  {
    name: 'geneva talks.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Ceasefire talks resume in Geneva\n\nNegotiators met in Geneva on Tuesday for a third round of ceasefire talks.\nThe meeting lasted six hours and ended without an agreement, officials said.\n'),
  },
  {
    name: 'grain deal.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Grain corridor extended\n\nThe grain corridor through the Black Sea was extended by 120 days, the ministry said on Monday.\n'),
  },
  {
    name: 'harbour.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Harbour reopens after storm repairs\nsource: The Coast Gazette\ndate: 2025-03-14\n---\nThe harbour reopened on Friday after storm repairs costing 3 million euros, the port authority said.\n'),
  },
  {
    name: 'kremlin meeting.html',
    mimeType: 'text/html',
    buffer: Buffer.from(`<!doctype html><html><head><title>Envoys meet Putin - Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Envoys meet Putin in the Kremlin</h1>
<p>Steve Witkoff and Jared Kushner met Vladimir Putin in the Kremlin for five hours on Tuesday to discuss the Donbas.</p>
<p>Yuri Ushakov said the talks were useful and that no compromise on territory had been found.</p></article>
<aside class="comments">Comment: first!</aside></body></html>`),
  },
];

const SEARCHES = [
  ['geneva', 'Ceasefire talks resume in Geneva'],
  ['corridor', 'Grain corridor extended'],
  ['harbour storm', 'Harbour reopens after storm repairs'],
  ['ushakov compromise', 'Envoys meet Putin in the Kremlin'],
  ['lighthouse', 'Lighthouse keeper retires'],
];

test('imported .txt, .md, .html and pasted articles are searched, compared, in the overview, and back after a reload and offline', async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const { context, page, problems, cspViolations } = await openPage(browser, new URL(server.url).origin);
    await page.goto(server.url);
    await page.getByTestId('article-card').first().waitFor();
    await waitForServiceWorker(page);
    const builtIn = await page.getByTestId('article-card').count();
    await page.locator('[data-testid=import] > summary').click();
    await page.getByTestId('import-files').setInputFiles(FILES);
    await page.getByTestId('import-title').fill('Lighthouse keeper retires');
    await page.getByTestId('import-outlet').fill('The Ledger');
    await page.getByTestId('import-paste').fill('The last lighthouse keeper of the island retired on Sunday after 40 years.');
    await page.getByTestId('import-submit').click();
    await page.waitForFunction(() => /Done: 5 articles added/.test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''), null, { timeout: 60_000 });

    // The Markdown file's front matter gave its title, outlet and date.
    await page.getByRole('link', { name: 'Harbour reopens after storm repairs' }).click();
    const facts = await page.locator('.article-facts').innerText();
    assert.match(facts, /The Coast Gazette/);
    assert.match(facts, /2025-03-14/);
    const importedId = page.url().split('/').pop();

    // Search finds each one, its passage marked.
    const searchAll = async () => {
      for (const [q, title] of SEARCHES) {
        await page.goto(`${server.url}search?q=${encodeURIComponent(q)}`);
        const hit = page.getByTestId('search-result').filter({ hasText: title });
        await hit.first().waitFor({ timeout: 60_000 });
        assert.ok(await hit.first().locator('mark').count() > 0, `${q}: a passage is marked`);
      }
    };
    await searchAll();

    // Compared with a built-in article: both columns, and what they share.
    await page.goto(server.url);
    const seed = (await page.locator('a.card-title').first().getAttribute('href')).split('/').pop();
    const kremlin = await page.locator('a.card-title', { hasText: 'Envoys meet Putin in the Kremlin' }).getAttribute('href');
    await page.goto(`${server.url}compare/${kremlin.split('/').pop()}/${seed}`);
    await page.getByTestId('compare-left').waitFor();
    assert.match(await page.getByTestId('compare-left').innerText(), /Envoys meet Putin in the Kremlin/);
    await page.getByTestId('compare-summary').waitFor();
    await screenshot(page, 'import-compare');

    // In the overview, among the built-in ones.
    await page.goto(`${server.url}overview`);
    await page.getByTestId('unique-coverage').waitFor({ timeout: 60_000 });
    // (A page opened by its address shows the built-in articles first and
    // the imported ones as soon as they are back.)
    await page.waitForFunction(() => /Lighthouse keeper retires/.test(document.querySelector('[data-testid=unique-coverage]')?.textContent ?? ''), null, { timeout: 60_000 });
    const overview = await page.locator('main').innerText();
    for (const [, title] of SEARCHES) assert.ok(overview.includes(title), `${title} in the overview`);

    // Reload: back (from the derived corpus kept by this build).
    const count = async () => page.getByTestId('article-card').count();
    await page.goto(server.url);
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n, builtIn + 5, { timeout: 60_000 });

    // Offline, and with the derived corpus unusable, so the worker has to
    // read the files again from its cached code and the cached data file.
    await server.close();
    await context.setOffline(true);
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('crosscheck');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const t = open.result.transaction('derived', 'readwrite');
        t.objectStore('derived').clear();
        t.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n, builtIn + 5, { timeout: 60_000 });
    assert.equal(await count(), builtIn + 5);
    await searchAll();
    await page.goto(`${server.url}article/${importedId}`);
    await page.getByTestId('article-title').waitFor({ timeout: 60_000 });
    assert.deepEqual([...problems(), ...(await cspViolations())].filter((p) => !p.startsWith('HTTP 404')), []);
    await context.close();
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});
