// The synopsis: several reports fact by fact, reached from the library, the
// overview, search and the pairwise view; filtered, followed, reloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, screenshot, axeViolations } from './harness.mjs';

const app = servedApp();

const THREE = ['001_9ff3adb9c3e641cd', '004_018813ca5c6e4e99', '000_33c2e98580f1a62a'];

/** The fact numbers of the rows shown, in order. */
const rowsShown = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=synopsis-fact]')].map((r) => r.dataset.fact));

test('a synopsis opened from the library filters, opens a disagreement and reloads the same', async () => {
  const { context, page, problems, cspViolations } = await app.open();
  await page.goto(app.url);
  for (const id of THREE) await page.locator(`#pick-${id}`).check();
  await page.getByTestId('synopsis-selected').click();
  await page.waitForURL(new RegExp(`synopsis/${THREE.join(',')}$`));
  await page.getByTestId('synopsis').waitFor();

  // One column per article in the order ticked, one cell per article per fact.
  const heads = await page.locator('table.synopsis thead th.synopsis-article .title').allInnerTexts();
  assert.equal(heads.length, 3);
  const facts = page.getByTestId('synopsis-fact');
  const n = await facts.count();
  assert.ok(n > 10, `${n} facts`);
  assert.equal(await page.getByTestId('synopsis-cell').count(), 3 * n);
  const total = Number((await page.getByTestId('synopsis-summary').innerText()).match(/^(\d+) facts: \d+ reported by all 3/)[1]);
  // A page of rows, more on request.
  if (total > n) {
    await page.getByTestId('synopsis-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=synopsis-fact]').length > n, n);
    assert.equal(await facts.count(), Math.min(total, 2 * n));
  }

  // The meeting fact: reported by at least two, its lengths flagged.
  const meeting = facts.filter({ hasText: 'five-hour meeting' });
  assert.equal(await meeting.count(), 1);
  assert.match(await meeting.locator('th.coverage .count').innerText(), /^[23] of 3$/);
  assert.match(await meeting.innerText(), /nearly four hours/);
  assert.ok((await meeting.locator('mark.common').count()) > 2, 'shared words are marked');

  // Only facts with disagreements.
  await page.getByTestId('synopsis-show-disagree').click();
  await page.waitForURL(/\?show=disagree$/);
  const flagged = await rowsShown(page);
  assert.ok(flagged.length >= 1 && flagged.length < n, `${flagged.length} of ${n}`);
  assert.equal(await page.getByTestId('synopsis-disagreement').count(), flagged.length);

  // Follow the meeting's flag: both sentences side by side, numbers marked.
  const flag = meeting.getByTestId('synopsis-disagreement');
  assert.equal(await flag.getAttribute('aria-expanded'), 'false');
  await flag.click();
  assert.equal(await flag.getAttribute('aria-expanded'), 'true');
  const numbers = page.getByTestId('synopsis-numbers');
  await numbers.waitFor();
  const text = await numbers.innerText();
  assert.match(text, /five-hour/);
  assert.match(text, /four hours/);
  assert.equal(await numbers.locator('.side').count(), 2);
  assert.ok((await numbers.locator('mark.qty').count()) >= 2);
  await screenshot(page, 'synopsis-disagreement');

  // Most reported first: the same rows, coverage never rising.
  await page.getByTestId('synopsis-show-every').click();
  await page.getByTestId('synopsis-order-coverage').click();
  await page.waitForURL(/\?order=coverage$/);
  const counts = await page.locator('[data-testid=synopsis-fact] th.coverage .count').allInnerTexts();
  const ks = counts.map((c) => Number(c.split(' ')[0]));
  assert.equal(ks.length, n);
  assert.deepEqual(ks, [...ks].sort((a, b) => b - a));
  const ordered = await rowsShown(page);

  // Reloading the address gives the same view.
  await page.reload();
  await page.getByTestId('synopsis').waitFor();
  assert.deepEqual(await rowsShown(page), ordered);
  assert.equal(await page.getByTestId('synopsis-order-coverage').getAttribute('aria-current'), 'true');

  // Back returns to the filter before.
  await page.goBack();
  await page.waitForURL(/synopsis\/[^?]+$/);
  await page.goBack();
  await page.waitForURL(/\?show=disagree$/);
  assert.deepEqual(await rowsShown(page), flagged);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual([...problems(), ...(await cspViolations())].filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('rows are reached with the keyboard; one only and reported by all filter by coverage', async () => {
  const { context, page } = await app.open();
  await page.goto(`${app.url}synopsis/${THREE.join(',')}`);
  const facts = page.getByTestId('synopsis-fact');
  await facts.first().waitFor();
  await facts.first().focus();
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.fact ?? null);
  const order = await rowsShown(page);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), order[1]);
  await page.keyboard.press('j');
  assert.equal(await focused(), order[2]);
  await page.keyboard.press('k');
  assert.equal(await focused(), order[1]);
  await page.keyboard.press('End');
  assert.equal(await focused(), order.at(-1));
  await page.keyboard.press('Home');
  assert.equal(await focused(), order[0]);

  for (const [show, want] of [['one', /^1 of 3$/], ['all', /^3 of 3$/], ['several', /^[23] of 3$/]]) {
    await page.getByTestId(`synopsis-show-${show}`).click();
    await page.waitForURL(new RegExp(`show=${show}`));
    const counts = await page.locator('[data-testid=synopsis-fact] th.coverage .count').allInnerTexts();
    assert.ok(counts.length > 0, show);
    for (const c of counts) assert.match(c, want, show);
  }
  await context.close();
});

test('the synopsis is reached from the overview, search and the pairwise view', async () => {
  const { context, page } = await app.open();
  // The five seeds are one story.
  await page.goto(`${app.url}overview`);
  await page.getByTestId('story-synopsis').first().click();
  await page.waitForURL(/synopsis\/[^/]+$/);
  await page.getByTestId('synopsis').waitFor();
  assert.equal(await page.locator('table.synopsis thead th.synopsis-article').count(), 5);

  await page.goto(`${app.url}search?q=witkoff`);
  await page.getByTestId('search-synopsis').click();
  await page.waitForURL(/synopsis\//);
  await page.getByTestId('synopsis').waitFor();
  assert.ok((await page.locator('table.synopsis thead th.synopsis-article').count()) >= 2);

  await page.goto(`${app.url}compare/${THREE[0]}/${THREE[1]}`);
  await page.getByTestId('compare-add').selectOption(THREE[2]);
  await page.waitForURL(new RegExp(`synopsis/${THREE.join(',')}$`));
  await page.getByTestId('synopsis').waitFor();

  // Add a fourth, then remove the first: order kept.
  await page.getByTestId('synopsis-add').selectOption('003_7eb5acbaa5df0e7d');
  await page.waitForURL(new RegExp(`synopsis/${THREE.join(',')},003_7eb5acbaa5df0e7d$`));
  await page.getByRole('link', { name: /^Remove .* from the synopsis$/ }).first().click();
  await page.waitForURL(new RegExp(`synopsis/${THREE.slice(1).join(',')},003_7eb5acbaa5df0e7d$`));
  assert.equal(await page.locator('table.synopsis thead th.synopsis-article').count(), 3);
  await context.close();
});

test('unknown ids are named, too few give a way back, never a blank page', async () => {
  const { context, page } = await app.open();
  await page.goto(`${app.url}synopsis/${THREE[0]},nope,${THREE[1]}`);
  await page.getByTestId('synopsis').waitFor();
  assert.match(await page.getByTestId('synopsis-unknown').innerText(), /nope/);
  assert.equal(await page.locator('table.synopsis thead th.synopsis-article').count(), 2);

  await page.goto(`${app.url}synopsis/${THREE[0]}`);
  await page.getByText(/needs at least two articles/).waitFor();
  await page.getByRole('link', { name: 'Tick them in the library' }).click();
  await page.waitForURL(/crosscheck\/$/);

  await page.goto(`${app.url}synopsis/${encodeURIComponent('%%,<b>')}?show=%ZZ&order=nonsense`);
  await page.getByText(/needs at least two articles/).waitFor();
  assert.match(await page.getByTestId('synopsis-unknown').innerText(), /%%, <b>/);
  await context.close();
});

test('on a narrow screen each fact is a card, and printing drops the controls', async () => {
  const { context, page } = await app.open();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${app.url}synopsis/${THREE.join(',')}`);
  await page.getByTestId('synopsis').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}px`);
  // A cell names its outlet above its sentence, and empty cells are hidden.
  const before = await page.evaluate(() => {
    const cell = document.querySelector('[data-testid=synopsis-cell]:not(.empty)');
    return getComputedStyle(cell, '::before').content;
  });
  assert.notEqual(before, 'none');
  const hiddenEmpty = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=synopsis-cell].empty')].every((c) => getComputedStyle(c).display === 'none'),
  );
  assert.ok(hiddenEmpty);
  await screenshot(page, 'synopsis-360px');

  await page.setViewportSize({ width: 1000, height: 740 });
  await page.emulateMedia({ media: 'print' });
  const controls = await page.evaluate(() => getComputedStyle(document.querySelector('.synopsis-controls')).display);
  assert.equal(controls, 'none');
  await context.close();
});
