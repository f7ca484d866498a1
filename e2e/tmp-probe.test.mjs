import { test } from 'node:test';
import { servedApp, screenshot } from './harness.mjs';
const app = servedApp();
test('probe', async () => {
  const { context, page } = await app.open();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.url}overview`);
  const link = page.getByTestId('story-synopsis').first();
  await link.waitFor({ timeout: 60000 });
  const href = await link.evaluate((a) => a.getAttribute('href'));
  console.log('HREF', href);
  const t0 = Date.now();
  await link.click();
  await page.getByTestId('synopsis').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  console.log('SYNOPSIS ms', Date.now() - t0, 'URL', page.url());
  console.log('SUMMARY', await page.getByTestId('synopsis-summary').innerText());
  await page.screenshot({ path: '/tmp/syn-bbc.png' });
  await page.getByTestId('synopsis-order-coverage').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/syn-bbc-cov.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/syn-bbc-narrow.png' });
  // timing of several repeated opens
  for (let i = 0; i < 3; i++) {
    await page.goto(`${app.url}overview`);
    await link.waitFor({ timeout: 60000 });
    const t = Date.now();
    await link.click();
    await page.getByTestId('synopsis').waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    console.log('SYNOPSIS ms', Date.now() - t);
  }
  await context.close();
});
