// The corpus data file as the app receives it: the frame is painted before
// it arrives, progress is shown while it does, and a missing or damaged
// file gives a message instead of a blank page or a panic.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, DIST, serveDist, launchBrowser, openPage } from './harness.mjs';

const browser = await launchBrowser();
after(() => browser.close());

/** A copy of the release build whose data file `spoil` changes. */
async function spoiledBuild(name, spoil) {
  const dir = join(ROOT, 'target', `dist-${name}`);
  await rm(dir, { recursive: true, force: true });
  await cp(DIST, dir, { recursive: true });
  const data = (await readdir(dir)).find((f) => /^corpus-[0-9a-f]+\.bin$/.test(f));
  await spoil(join(dir, data));
  return dir;
}

async function messageFor(dir) {
  const server = await serveDist(dir);
  try {
    const { context, page, problems } = await openPage(browser, new URL(server.url).origin);
    await page.goto(server.url);
    const error = page.getByTestId('corpus-unreadable');
    await error.waitFor();
    // The frame is still there: the header and its search box.
    assert.equal(await page.getByTestId('search-input').count(), 1);
    const text = await error.innerText();
    await context.close();
    return { text, problems: problems() };
  } finally {
    await server.close();
  }
}

test('a damaged data file is named as unreadable, with the reason', async () => {
  const dir = await spoiledBuild('damaged', (file) => writeFile(file, 'XCK1 this is not a corpus'));
  const { text, problems } = await messageFor(dir);
  assert.match(text, /could not be loaded/);
  assert.match(text, /cannot be read/);
  assert.deepEqual(problems, []);
});

test('a missing data file says what the server answered', async () => {
  const dir = await spoiledBuild('missing', (file) => rm(file));
  const { text, problems } = await messageFor(dir);
  assert.match(text, /answered 404/);
  assert.ok(problems.every((p) => p.startsWith('HTTP 404')), problems.join('\n'));
});

test('the frame is painted before the data arrives, then progress, then the library', async () => {
  const server = await serveDist();
  try {
    const { context, page } = await openPage(browser, new URL(server.url).origin);
    // Hold the data file back until the test has looked at the page.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(/corpus-[0-9a-f]+\.bin$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await page.getByTestId('corpus-loading').waitFor();
    assert.equal(await page.getByTestId('search-input').count(), 1, 'the header is drawn');
    assert.equal(await page.getByTestId('article-card').count(), 0);
    release();
    await page.getByTestId('article-card').first().waitFor();
    assert.equal(await page.getByTestId('corpus-loading').count(), 0);
    await context.close();
  } finally {
    await server.close();
  }
});
