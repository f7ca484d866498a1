// End-to-end: the release build under a sub-path, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser, openPage, screenshot } from './harness.mjs';

let server;
let browser;

/** First line of every corpus file: the titles the library must show. */
async function corpusHeadlines() {
  const dir = join(ROOT, 'corpus');
  const names = (await readdir(dir)).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  return Promise.all(
    names.map(async (n) => (await readFile(join(dir, n), 'utf8')).split('\n')[0].trim()),
  );
}

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the library lists every corpus article', async () => {
  const { context, page, problems } = await openPage(browser, new URL(server.url).origin);
  await page.goto(server.url);
  const cards = page.getByTestId('article-card');
  await cards.first().waitFor();
  const headlines = await corpusHeadlines();
  assert.equal(await cards.count(), headlines.length);
  const texts = await cards.allInnerTexts();
  for (const headline of headlines) {
    assert.ok(texts.some((t) => t.includes(headline)), `library shows "${headline}"`);
  }
  await screenshot(page, 'library');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('clicking a card opens the article and Back returns to the library', async () => {
  const { context, page, problems } = await openPage(browser, new URL(server.url).origin);
  await page.goto(server.url);
  await page.getByTestId('article-card').nth(1).getByRole('link').click();
  await page.getByTestId('article-title').waitFor();
  assert.match(page.url(), /\/crosscheck\/article\/001_9ff3adb9c3e641cd$/);
  await page.goBack();
  await page.getByTestId('article-card').first().waitFor();
  assert.equal(new URL(page.url()).pathname, '/crosscheck/');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a deep link loaded directly renders its article', async () => {
  const { context, page, problems } = await openPage(browser, new URL(server.url).origin);
  await page.goto(`${server.url}article/004_018813ca5c6e4e99`);
  const title = page.getByTestId('article-title');
  await title.waitFor();
  assert.match(await title.innerText(), /^Moscow: Russian President Vladimir Putin/);
  assert.ok((await page.locator('p.para').count()) >= 5);
  await screenshot(page, 'article');
  // The host answered 404 with the app shell; only that status is expected.
  assert.deepEqual(
    problems().filter((p) => !p.includes('404')),
    [],
  );
  await context.close();
});

test('unknown ids, malformed ids and unknown routes show not-found with a way back', async () => {
  const { context, page } = await openPage(browser, new URL(server.url).origin);
  for (const path of ['article/no-such-id', 'article/%E2%9C%93%ZZ', 'no/such/page']) {
    await page.goto(server.url + path);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    await notFound.getByRole('link', { name: 'Back to the library' }).click();
    await page.getByTestId('article-card').first().waitFor();
  }
  await context.close();
});
