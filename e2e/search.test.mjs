// Search in the browser: as-you-type results, highlights, facets, the URL
// as state, keyboard use, and malformed input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, screenshot } from './harness.mjs';

const app = servedApp();

test('typing shows ranked, highlighted results and puts the query in the URL', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(app.url);
  const input = page.getByTestId('search-input');
  await input.click();
  await input.pressSequentially('witkof', { delay: 30 }); // a typo, typed
  const results = page.getByTestId('search-result');
  await results.first().waitFor();
  await page.waitForURL(/\/crosscheck\/search\?q=witkof$/);
  const marks = await results.locator('mark').allInnerTexts();
  assert.ok(marks.some((m) => /^Witkoff$/i.test(m)), `Witkoff highlighted: ${marks}`);
  await screenshot(page, 'search');

  // The link reproduces the view.
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  await other.getByTestId('search-result').first().waitFor();
  assert.equal(await other.getByTestId('search-result').count(), await results.count());
  assert.equal(await other.getByTestId('search-input').inputValue(), 'witkof');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('typing on the results page: results first, then the URL follows; Back and Forward see the URL', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(app.url);
  await page.getByTestId('article-card').first().waitFor();
  const input = page.getByTestId('search-input');
  await input.click();
  await input.pressSequentially('talks', { delay: 30 });
  await page.waitForURL(/\/search\?q=talks$/);
  const entries = await page.evaluate(() => history.length);
  // Typing on: every search is drawn, and the URL catches up without
  // adding history entries.
  await input.pressSequentially(' witkoff', { delay: 150 });
  await page.waitForURL(/\/search\?q=talks\+witkoff$/);
  assert.equal(await page.evaluate(() => history.length), entries);
  const count = await page.getByTestId('result-count').innerText();
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  assert.equal(await fresh.getByTestId('result-count').innerText(), count);
  await fresh.close();

  // A facet (a new entry), then Back: the URL's query shows, in the box
  // and in the results.
  await page.locator('.facet', { hasText: 'Steve Witkoff' }).first().click();
  await page.waitForURL(/person/);
  await page.goBack();
  await page.waitForURL(/\/search\?q=talks\+witkoff$/);
  assert.equal(await input.inputValue(), 'talks witkoff');
  assert.equal(await page.getByTestId('result-count').innerText(), count);
  // Back leaves the search (the whole typing was one entry); Forward
  // returns to what was typed last.
  await page.goBack();
  await page.getByTestId('article-card').first().waitFor();
  await page.goForward();
  await page.waitForURL(/\/search\?q=talks\+witkoff$/);
  assert.equal(await input.inputValue(), 'talks witkoff');
  assert.equal(await page.getByTestId('result-count').innerText(), count);
  // Esc right after a keystroke clears the box and the URL for good.
  await input.click();
  await page.keyboard.type('s');
  await page.waitForTimeout(120);
  await page.keyboard.press('Escape');
  await page.getByTestId('search-help').waitFor();
  await page.waitForTimeout(500);
  assert.match(page.url(), /\/search\?q=$/);
  assert.equal(await input.inputValue(), '');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a result clicked before the typed query reaches the URL: Back returns to that query', async () => {
  const { context, page, problems } = await app.open();
  // A browser that is never idle: the URL write waits two seconds, so the
  // click lands while the results are ahead of the URL.
  await context.addInitScript(() => {
    window.requestIdleCallback = (callback) => setTimeout(callback, 2000);
  });
  await page.goto(`${app.url}search?q=talks`);
  await page.getByTestId('search-result').first().waitFor();
  const input = page.getByTestId('search-input');
  await input.click();
  await input.press('End');
  await input.pressSequentially(' witkoff', { delay: 20 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=result-count]')?.textContent && document.querySelectorAll('[data-testid=search-result] mark').length > 0 &&
      [...document.querySelectorAll('[data-testid=search-result] mark')].some((m) => /witkoff/i.test(m.textContent)),
  );
  const count = await page.getByTestId('result-count').innerText();
  assert.match(page.url(), /\?q=talks$/, 'the URL is still behind the results');
  await page.getByTestId('search-result').first().getByRole('link').first().click();
  await page.getByTestId('article-title').waitFor();
  await page.goBack();
  await page.waitForURL(/\/search\?q=talks\+witkoff$/);
  assert.equal(await input.inputValue(), 'talks witkoff');
  assert.equal(await page.getByTestId('result-count').innerText(), count);
  // The deep link itself is served by the host's 404 page (an SPA fallback).
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('a result opens the article at its passage with the terms marked; Back returns', async () => {
  const { context, page } = await app.open();
  await page.goto(`${app.url}search?q=${encodeURIComponent('"nearly four hours"')}`);
  const first = page.getByTestId('search-result').first();
  await first.waitFor();
  await first.getByRole('link').click();
  await page.getByTestId('article-title').waitFor();
  assert.match(page.url(), /\/article\/004_018813ca5c6e4e99\?q=.*#p-\d+$/);
  assert.equal(await page.getByTestId('search-input').inputValue(), '"nearly four hours"');
  const marked = await page.locator('.article-body mark').allInnerTexts();
  assert.equal(marked.join(' ').toLowerCase(), 'nearly four hours');
  assert.ok(await page.locator('.para.targeted mark').first().isVisible());
  await page.goBack();
  await page.getByTestId('search-result').first().waitFor();
  assert.equal(await page.getByTestId('search-input').inputValue(), '"nearly four hours"');
  await context.close();
});

test('facet chips narrow the results and exclusion works', async () => {
  const { context, page } = await app.open();
  await page.goto(`${app.url}search?q=talks`);
  await page.getByTestId('search-result').first().waitFor();
  const all = await page.getByTestId('search-result').count();
  await page.locator('.facet', { hasText: 'Steve Witkoff' }).first().click();
  await page.waitForURL(/person/);
  const narrowed = await page.getByTestId('search-result').count();
  assert.ok(narrowed >= 1 && narrowed < all, `${narrowed} of ${all}`);

  await page.goto(`${app.url}search?q=${encodeURIComponent('talks -Witkoff')}`);
  await page.getByTestId('result-count').waitFor();
  const titles = await page.getByTestId('search-result').count();
  assert.ok(titles < all, 'excluding Witkoff drops articles');
  await context.close();
});

test('keyboard: / focuses search, arrows move through results, Enter opens, Esc clears', async () => {
  const { context, page } = await app.open();
  await page.goto(app.url);
  await page.getByTestId('article-card').first().waitFor();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.type('putin');
  await page.getByTestId('search-result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.dataset.rank);
  assert.equal(focused, '1');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('search-input').inputValue(), '');
  await page.getByTestId('search-help').waitFor();
  await context.close();
});

test('malformed queries and URLs never break the page', async () => {
  const { context, page, problems } = await app.open();
  const queries = ['"unclosed', '-', '---', '😀😀', 'the of and', 'a'.repeat(10000), '\u0001\u0002', 'OR OR', 'person:'];
  for (const q of queries) {
    await page.goto(`${app.url}search?q=${encodeURIComponent(q)}`);
    await page.locator('main').waitFor();
    const text = await page.locator('main').innerText();
    assert.ok(text.trim().length > 0, `page not blank for ${JSON.stringify(q.slice(0, 20))}`);
  }
  await page.goto(`${app.url}search?q=%E0%A4%A`);
  await page.locator('main').waitFor();
  assert.ok((await page.locator('main').innerText()).trim().length > 0);
  await page.goto(`${app.url}search?q=zzqqxx`);
  await page.getByTestId('no-results').waitFor();
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});
