// End-to-end: the release build under a sub-path, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, ROOT, screenshot } from './harness.mjs';

const app = servedApp();

/** The article files of corpus/, sorted: the library must show one card each. */
async function corpusFiles() {
  const dir = join(ROOT, 'corpus');
  const names = (await readdir(dir)).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })),
  );
}

/** A distinctive run of words from the middle of a text, to find it on a page. */
function sampleWords(text) {
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z,]+$/.test(w));
  const mid = Math.floor(words.length / 2);
  return words.slice(mid, mid + 6).join(' ');
}

test('the library lists every corpus article', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(app.url);
  const cards = page.getByTestId('article-card');
  await cards.first().waitFor();
  const files = await corpusFiles();
  assert.equal(await cards.count(), files.length);
  // Ids are the file names' stems, in file name order.
  const hrefs = await cards.getByRole('link').evaluateAll((links) =>
    links.map((a) => new URL(a.href).pathname),
  );
  assert.deepEqual(
    hrefs,
    files.map((f) => `/crosscheck/article/${f.name.replace(/\.(txt|md)$/i, '')}`),
  );
  for (const title of await cards.getByRole('link').allInnerTexts()) {
    assert.ok(title.trim().length > 10, `card title "${title}"`);
  }
  await screenshot(page, 'library');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('clicking a card opens the article and Back returns to the library', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(app.url);
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
  const { context, page, problems } = await app.open();
  const [, , , , file] = await corpusFiles();
  await page.goto(app.url);
  const card = page.getByTestId('article-card').nth(4).getByRole('link');
  const cardTitle = (await card.innerText()).trim();

  const deepLink = `${app.url}article/004_018813ca5c6e4e99`;
  await page.goto(deepLink);
  const title = page.getByTestId('article-title');
  await title.waitFor();
  assert.equal((await title.innerText()).trim(), cardTitle);
  assert.ok((await page.locator('p.para').count()) >= 5);
  const sample = sampleWords(file.text);
  assert.ok((await page.locator('main').innerText()).includes(sample), `article shows "${sample}"`);
  assert.equal((await page.getByTestId('dateline').textContent()).trim(), 'Moscow:');
  assert.match(await page.getByTestId('entities-person').innerText(), /Witkoff/);
  await screenshot(page, 'article');
  // Like GitHub Pages, the host answers the deep link itself with 404.html
  // (the app shell) and status 404; nothing else may fail.
  assert.deepEqual(problems(), [`HTTP 404 ${deepLink}`]);
  await context.close();
});

test('unknown ids, malformed ids and unknown routes show not-found with a way back', async () => {
  const { context, page } = await app.open();
  for (const path of ['article/no-such-id', 'article/%E2%9C%93%ZZ', 'no/such/page']) {
    await page.goto(app.url + path);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    await notFound.getByRole('link', { name: 'Back to the library' }).click();
    await page.getByTestId('article-card').first().waitFor();
  }
  await context.close();
});

test('debris is out of the body and can be revealed', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(app.url);
  await page.getByTestId('article-card').nth(2).getByRole('link').click();
  await page.getByTestId('article-title').waitFor();
  assert.ok(!(await page.locator('.article-body').innerText()).includes('Leave a Comment'));
  const debris = page.getByTestId('debris');
  assert.ok(!(await debris.getByText('Leave a Comment').isVisible()));
  await debris.locator('summary').click();
  assert.ok(await debris.getByText('Leave a Comment').isVisible());
  assert.match(await page.getByTestId('sources').innerText(), /France 24 · RT · Al Jazeera/);
  await screenshot(page, 'article-debris');
  assert.deepEqual(problems(), []);
  await context.close();
});
