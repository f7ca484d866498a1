// Accessibility, keyboard use, themes and sharing in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, axeViolations, screenshot } from './harness.mjs';

const app = servedApp();

const PAGES = {
  library: '',
  search: 'search?q=talks',
  article: 'article/003_7eb5acbaa5df0e7d',
  comparison: 'compare/001_9ff3adb9c3e641cd/004_018813ca5c6e4e99',
  synopsis: 'synopsis/001_9ff3adb9c3e641cd,004_018813ca5c6e4e99,000_33c2e98580f1a62a,003_7eb5acbaa5df0e7d',
  'not-found': 'article/nope',
};

for (const theme of ['light', 'dark']) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`axe finds no serious or critical violation on the ${name} page (${theme})`, async () => {
      const { context, page, problems, cspViolations } = await app.open();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(app.url + path);
      await page.locator('main h1').first().waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(
        [...problems(), ...(await cspViolations())].filter((p) => !p.startsWith('HTTP 404')),
        [],
      );
      if (name === 'article') await screenshot(page, `article-${theme}`);
      await context.close();
    });
  }
}

test('the theme toggle overrides the system preference and is remembered', async () => {
  const { context, page } = await app.open();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  await page.getByTestId('theme-toggle').click();
  assert.notEqual(await bg(), light);
  await page.reload();
  await page.getByTestId('article-card').first().waitFor();
  assert.notEqual(await bg(), light, 'dark theme survives a reload');
  await context.close();
});

test('copy link puts the current view, paragraph included, on the clipboard', async () => {
  const { context, page } = await app.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${app.url}article/000_33c2e98580f1a62a`);
  await page.locator('#p-2 .para-link').click();
  assert.ok(page.url().endsWith('/article/000_33c2e98580f1a62a#p-2'));
  await page.getByTestId('copy-link').click();
  await page.getByText('Link copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await context.close();
});

test('route changes move focus to the new page heading', async () => {
  const { context, page } = await app.open();
  await page.goto(app.url);
  await page.getByTestId('article-card').first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('article-title').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'article-title');
  await context.close();
});

test('the layout works at 360 px wide', async () => {
  const { context, page } = await app.open();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${app.url}article/004_018813ca5c6e4e99`);
  await page.getByTestId('article-title').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await screenshot(page, 'article-360px');
  await context.close();
});
