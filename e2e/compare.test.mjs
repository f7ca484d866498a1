// The side-by-side comparison, the query-focused view and the overview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, screenshot, axeViolations } from './harness.mjs';

const app = servedApp();

const PAIR = 'compare/001_9ff3adb9c3e641cd/004_018813ca5c6e4e99';

test('a comparison link shows both columns aligned and the side panel', async () => {
  const { context, page, problems, cspViolations } = await app.open();
  await page.goto(app.url + PAIR);
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  await left.waitFor();
  assert.match(await left.innerText(), /five-hour meeting/);
  assert.match(await right.innerText(), /nearly four hours/);
  // Rows line up: the n-th cell of each column starts at the same height.
  const tops = await page.evaluate(() =>
    ['left', 'right'].map((s) =>
      [...document.querySelectorAll(`[data-testid=compare-${s}] .cell`)].map((c) => Math.round(c.getBoundingClientRect().top)),
    ),
  );
  assert.equal(tops[0].length, tops[1].length);
  assert.deepEqual(tops[0], tops[1]);
  assert.ok((await page.locator('mark.common').count()) > 5, 'shared words are highlighted');
  const panel = page.getByTestId('compare-panel');
  assert.match(await panel.getByTestId('entities-both').innerText(), /Vladimir Putin/);
  const disagreements = panel.getByTestId('disagreements');
  assert.match(await disagreements.innerText(), /five-hour[\s\S]*four hours/);
  await disagreements.getByRole('button', { name: 'Show both sentences' }).first().click();
  assert.equal(await page.locator('.sentence.flash').count(), 2);
  await screenshot(page, 'compare');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual([...problems(), ...(await cspViolations())].filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('swap and change an article in place; bad ids show not-found', async () => {
  const { context, page } = await app.open();
  await page.goto(app.url + PAIR);
  await page.getByTestId('compare-left').waitFor();
  await page.getByRole('link', { name: /Swap/ }).click();
  await page.waitForURL(/compare\/004_018813ca5c6e4e99\/001_9ff3adb9c3e641cd$/);
  await page.getByTestId('pick-right').selectOption('000_33c2e98580f1a62a');
  await page.waitForURL(/compare\/004_018813ca5c6e4e99\/000_33c2e98580f1a62a$/);
  await page.getByTestId('compare-right').waitFor();
  await page.goto(`${app.url}compare/004_018813ca5c6e4e99/nope`);
  await page.getByTestId('not-found').waitFor();
  await context.close();
});

test('on a narrow screen the comparison stacks without horizontal scrolling', async () => {
  const { context, page } = await app.open();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(app.url + PAIR);
  await page.getByTestId('compare-left').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  await screenshot(page, 'compare-360px');
  await context.close();
});

test('keyboard only: from the search box to a comparison', async () => {
  const { context, page } = await app.open();
  await page.goto(app.url);
  await page.getByTestId('article-card').first().waitFor();
  await page.keyboard.press('/');
  await page.keyboard.type('witkoff');
  await page.getByTestId('search-result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId('article-title').waitFor();
  // Tab to the "Compare with…" list and pick the first article in it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.dataset.testid === 'compare-with')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'compare-with');
  await page.keyboard.press('ArrowDown');
  await page.getByTestId('compare-left').waitFor({ timeout: 5000 }).catch(async () => {
    // Some platforms need Enter to commit a select's choice.
    await page.keyboard.press('Enter');
    await page.getByTestId('compare-left').waitFor();
  });
  assert.match(page.url(), /\/compare\/[a-z0-9_]+\/[a-z0-9_]+$/);
  await context.close();
});

test('library: tick two articles and compare them', async () => {
  const { context, page } = await app.open();
  await page.goto(app.url);
  await page.locator('.card .pick').nth(0).check();
  await page.locator('.card .pick').nth(2).check();
  await page.getByTestId('compare-selected').click();
  await page.waitForURL(/compare\/000_33c2e98580f1a62a\/002_109feb134c1be67a$/);
  await page.getByTestId('compare-right').waitFor();
  await context.close();
});

test('the query-focused view and the overview', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(`${app.url}search?q=envoys`);
  await page.getByRole('link', { name: 'Compare passages side by side' }).click();
  await page.waitForURL(/\/compare\?q=envoys$/);
  const passages = page.getByTestId('focus-passage');
  await passages.first().waitFor();
  assert.ok((await passages.count()) >= 2);
  assert.ok((await passages.locator('mark').count()) >= 2);
  await screenshot(page, 'focus');

  await page.goto(`${app.url}overview`);
  const heatmap = page.getByTestId('heatmap');
  await heatmap.waitFor();
  assert.equal(await heatmap.locator('rect').count(), 25);
  assert.equal(await page.getByTestId('unique-coverage').locator('tbody tr').count(), 5);
  assert.ok((await page.getByTestId('entity-coverage').locator('tbody tr').count()) > 5);
  await screenshot(page, 'overview');
  assert.deepEqual(await axeViolations(page), []);
  await heatmap.locator('a').nth(1).click();
  await page.getByTestId('compare-left').waitFor();
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('a heatmap cell opens its comparison inside the app, without reloading it', async () => {
  const { context, page, problems } = await app.open();
  await page.goto(`${app.url}overview`);
  const cell = page.getByTestId('heatmap').getByRole('link', { name: /^#1 and #5: \d+% similar$/ });
  await cell.waitFor();
  // A full page load would start a new window object and lose this marker.
  await page.evaluate(() => {
    window.__marker = 1;
  });
  await cell.click();
  await page.waitForURL(/\/crosscheck\/compare\/000_33c2e98580f1a62a\/004_018813ca5c6e4e99$/);
  await page.getByTestId('compare-left').waitFor();
  assert.equal(await page.evaluate(() => window.__marker), 1, 'the app was not reloaded');
  // Back returns to the overview, still in the same page.
  await page.goBack();
  await page.getByTestId('heatmap').waitFor();
  assert.equal(await page.evaluate(() => window.__marker), 1);
  assert.deepEqual(problems().filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});
