// Offline and updates: the release build's real service worker in headless
// Chromium. After one online visit the server is stopped and the browser
// context switched offline; the app, deep links included, must still load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import {
  serveDist,
  launchBrowser,
  openPage,
  screenshot,
  waitForServiceWorker,
} from './harness.mjs';

test('after one visit the app and its deep links work offline', async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const { context, page, problems, cspViolations } = await openPage(browser, new URL(server.url).origin);
    await page.goto(server.url);
    await page.getByTestId('article-card').first().waitFor();
    await waitForServiceWorker(page);
    assert.deepEqual([...problems(), ...(await cspViolations())], []);

    // Chromium's own installability check (manifest, icons, service worker).
    // Test contexts are incognito, which Chromium reports on its own line;
    // every other reason would be the app's.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(
      installabilityErrors.filter((e) => e.errorId !== 'in-incognito'),
      [],
      'Chromium can install the app',
    );
    const manifest = await (await page.request.get(`${server.url}manifest.webmanifest`)).json();
    assert.equal(manifest.start_url, '/crosscheck/');
    assert.equal(manifest.scope, '/crosscheck/');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('article-card').first().waitFor();
    assert.equal(await page.getByTestId('article-card').count(), 5);

    await page.goto(`${server.url}article/001_9ff3adb9c3e641cd#p-3`);
    await page.getByTestId('article-title').waitFor();
    assert.ok(await page.locator('#p-3.targeted').isVisible(), 'paragraph link is highlighted');
    await screenshot(page, 'offline-article');

    await page.goto(`${server.url}search?q=witkoff`);
    await page.getByTestId('search-result').first().waitFor();

    await page.goto(`${server.url}compare/001_9ff3adb9c3e641cd/004_018813ca5c6e4e99`);
    await page.getByTestId('compare-left').waitFor();
    await page.getByTestId('compare-right').waitFor();

    await page.goto(`${server.url}synopsis/001_9ff3adb9c3e641cd,004_018813ca5c6e4e99,000_33c2e98580f1a62a?show=disagree`);
    await page.getByTestId('synopsis-disagreement').first().waitFor();

    await page.goto(`${server.url}no/such/page`);
    await page.getByTestId('not-found').waitFor();
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a rebuilt app is announced as an update and applied on reload', async (t) => {
  const next = process.env.CROSSCHECK_DIST_NEXT;
  if (!next) {
    t.skip('CROSSCHECK_DIST_NEXT (a second release build) not given; scripts/test.sh makes one');
    return;
  }
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const { context, page, problems, cspViolations } = await openPage(browser, new URL(server.url).origin);
    await page.goto(server.url);
    await page.getByTestId('article-card').first().waitFor();
    await waitForServiceWorker(page);
    assert.equal(await page.getByTestId('build-label').count(), 0);
    const before = await page.evaluate(() => caches.keys());

    // Deploy the second build, then let the page notice it.
    const data = (await readdir(next)).find((f) => /^corpus-[0-9a-f]+\.bin$/.test(f));
    assert.ok(data, 'the second build has a corpus data file');
    server.requested(true);
    server.setRoot(next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    // Until the reader accepts, the old version keeps running untouched.
    assert.equal(await page.getByTestId('build-label').count(), 0);
    await screenshot(page, 'update-banner');

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.getByTestId('build-label').waitFor();
    // New code, same corpus: the new version downloaded its code and took
    // the unchanged data file from the old version's cache.
    const fetched = server.requested();
    assert.ok(fetched.some((p) => p.endsWith('_bg.wasm')), `new code fetched: ${fetched}`);
    assert.ok(!fetched.some((p) => p.endsWith(data)), `the corpus was not downloaded again: ${fetched}`);
    const after = await page.evaluate(() => caches.keys());
    assert.equal(after.length, 1, `one cache after the update: ${after}`);
    assert.notDeepEqual(after, before);
    assert.deepEqual([...problems(), ...(await cspViolations())], []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
