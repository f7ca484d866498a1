// Adding one's own articles in the browser: files, a saved web page and
// pasted text go through the corpus worker into the library, search and
// the comparison; duplicates and bad files are reported per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, screenshot, axeViolations } from './harness.mjs';

const app = servedApp();

// A fresh browser context (no kept articles) on the library, drawn.
async function openLibrary() {
  const opened = await app.open();
  await opened.page.goto(app.url);
  await opened.page.getByTestId('article-card').first().waitFor();
  return opened;
}

// Reloads and waits until the library is drawn and anything kept would
// have been brought back (a restore of a few articles takes well under
// a second).
async function reloadAndSettle(page) {
  await page.reload();
  await page.getByTestId('article-card').first().waitFor();
  await page.waitForTimeout(1000);
}

// Waits until the import status reads `pattern` (its whole text: the line
// shown and the one announced).
const statusMatches = (page, pattern, timeout = 60_000) => page.waitForFunction(
  (source) => new RegExp(source).test(document.querySelector('[data-testid=import-status]')?.textContent ?? ''),
  pattern.source,
  { timeout },
);

// Stores a record this app cannot read (its bytes are text), as another
// program or a damaged disk could leave one.
const putUnreadableRecord = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('crosscheck');
  open.onerror = reject;
  open.onsuccess = () => {
    const tx = open.result.transaction('articles', 'readwrite');
    tx.objectStore('articles').put({ id: 'bad--0000000000000000', file: 'Bad.txt', bytes: 'not bytes', added: 1 });
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = reject;
  };
}));

const TEXT = `Ceasefire talks resume in Geneva

Negotiators from both sides met in Geneva on Tuesday for a third round of talks on a ceasefire.
The meeting lasted six hours, officials said, and ended without an agreement.
`;

const PAGE = `<!doctype html><html><head><title>Envoys meet in Moscow - Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet Putin in Moscow</h1>
<p>Steve Witkoff and Jared Kushner met Vladimir Putin in the Kremlin for five hours on Tuesday.</p>
<p>The Kremlin said the talks were useful, and that the sides would meet again.</p></article>
<aside class="comments">Comment: first!</aside><script>var tracking = 1;</script>
</body></html>`;

test('files, a saved page and pasted text are imported, marked and searchable', async () => {
  const { context, page, problems, cspViolations } = await openLibrary();
  const before = await page.getByTestId('article-card').count();
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-files').setInputFiles([
    { name: 'geneva talks.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
    { name: 'moscow.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
    { name: 'copy of geneva.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') },
    { name: 'binary.txt', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]) },
  ]);
  await page.getByTestId('import-title').fill('Pasted: grain deal extended');
  await page.getByTestId('import-outlet').fill('The Ledger');
  await page.getByTestId('import-paste').fill('The grain deal was extended by 120 days on Monday, the ministry said.');
  await page.getByTestId('import-submit').click();

  const status = page.getByTestId('import-status');
  await statusMatches(page, /Done: 3 articles added/);
  const results = await page.getByTestId('import-result').allInnerTexts();
  assert.equal(results.length, 6, results.join('\n'));
  assert.match(results.find((r) => r.startsWith('copy of geneva.txt')), /already in the corpus/);
  assert.match(results.find((r) => r.startsWith('empty.txt')), /not added: the file is empty/);
  assert.match(results.find((r) => r.startsWith('binary.txt')), /not added/);
  assert.match(await status.innerText(), /Done: 3 articles added/);

  // In the library, marked with their file names.
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n + 3, before);
  const badges = await page.getByTestId('imported-badge').allInnerTexts();
  assert.equal(badges.length, 3);
  assert.ok(badges.some((b) => b.includes('moscow.html')));
  await screenshot(page, 'import-done');
  assert.deepEqual(await axeViolations(page), []);

  // The saved page was read for its article: its headline, not its menu or comments.
  await page.getByRole('link', { name: 'Envoys meet Putin in Moscow' }).click();
  await page.waitForURL(/article\/moscow--[0-9a-f]{16}$/);
  const body = await page.locator('main').innerText();
  assert.match(body, /five hours on Tuesday/);
  assert.doesNotMatch(body.split('Kremlin said')[0], /Comment: first!/);

  // Searchable as any article (typed into the box: the import lives in
  // this page until it is stored).
  await page.getByTestId('search-input').fill('geneva ceasefire');
  const first = page.getByTestId('search-result').first();
  await first.waitFor();
  assert.match(await first.innerText(), /Ceasefire talks resume in Geneva/);
  assert.deepEqual([...problems(), ...(await cspViolations())].filter((p) => !p.startsWith('HTTP 404')), []);
  await context.close();
});

test('an import can be cancelled and then changes nothing', async () => {
  const { context, page } = await openLibrary();
  const before = await page.getByTestId('article-card').count();
  await page.locator('[data-testid=import] > summary').click();
  // Enough text that reading takes seconds: the cancel lands while it reads.
  const paragraph = (i, j) => `The council met on day ${i} for session ${j} and voted ${(i + j) % 7} times on a budget of ${i * 3 + j} million, officials in Geneva said.`;
  const files = Array.from({ length: 1500 }, (_, i) => ({
    name: `report ${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Report number ${i}\n\n${Array.from({ length: 60 }, (_, j) => paragraph(i, j)).join('\n')}\n`),
  }));
  await page.getByTestId('import-files').setInputFiles(files);
  await page.getByTestId('import-submit').click();
  // Cancel while the worker is reading the files.
  await page.waitForFunction(() => /^Read \d+ of 1500/.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 60_000 });
  await page.getByTestId('import-cancel').click();
  await statusMatches(page, /Cancelled: nothing was added/);
  assert.equal(await page.getByTestId('article-card').count(), before);
  assert.equal(await page.getByTestId('imported-badge').count(), 0);
  // The files read before the cancel are not shown as added.
  assert.doesNotMatch(await page.getByTestId('import-results').innerText(), /added: open/);
  // And nothing was kept.
  await reloadAndSettle(page);
  assert.equal(await page.getByTestId('imported-badge').count(), 0);
  await context.close();
});

test('imported articles are kept: back after a reload, removable, exported and imported elsewhere with the same ids', async () => {
  const { context, page } = await openLibrary();
  const builtIn = await page.getByTestId('article-card').count();
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-files').setInputFiles([
    { name: 'geneva talks.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
    { name: 'moscow.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
  ]);
  await page.getByTestId('import-submit').click();
  await statusMatches(page, /kept in this browser/);
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=article-card]')]
      .filter((c) => c.querySelector('[data-testid=imported-badge]'))
      .map((c) => c.querySelector('a.card-title').getAttribute('href').split('/').pop()),
  );
  assert.equal(ids.length, 2);

  // A reload brings them back from the browser's storage.
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n + 2, builtIn, { timeout: 60_000 });
  assert.equal(await page.getByTestId('imported-badge').count(), 2);

  // A link to one opens it, even straight after a reload.
  await page.goto(`${app.url}article/${ids[0]}`);
  await page.getByTestId('article-title').waitFor({ timeout: 60_000 });

  // Export both, then remove one from its page.
  await page.goto(app.url);
  await page.getByTestId('imported-badge').first().waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=import] > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-imported').click()]);
  assert.equal(download.suggestedFilename(), 'crosscheck-articles.xckx');
  const exportPath = await download.path();
  const exported = (await import('node:fs')).readFileSync(exportPath);
  assert.equal(exported.subarray(0, 4).toString(), 'XCKX');
  assert.ok(exported.includes('geneva talks.txt') && exported.includes('moscow.html'));

  // Tick one imported article (and a built-in one): only it is exported.
  await page.locator(`#pick-${ids[0]}`).check();
  await page.getByTestId('article-card').first().locator('input.pick').check();
  const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-selected').click()]);
  assert.match(await page.getByTestId('export-selected').innerText(), /Export the 1 ticked imported/);
  const single = (await import('node:fs')).readFileSync(await one.path());
  const name = ids[0].startsWith('geneva') ? 'geneva talks.txt' : 'moscow.html';
  const notTicked = name === 'moscow.html' ? 'geneva talks.txt' : 'moscow.html';
  assert.ok(single.includes(name) && !single.includes(notTicked), 'only the ticked article is exported');

  await page.goto(`${app.url}article/${ids[1]}`);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('remove-article').click();
  await page.waitForURL(/crosscheck\/$/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n + 1, builtIn, { timeout: 60_000 });
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n + 1, builtIn, { timeout: 60_000 });
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('imported-badge').count(), 1);
  await context.close();

  // Another browser: the link says plainly the article is not here, and
  // importing the export file gives the same articles at the same addresses.
  const other = await app.open();
  await other.page.goto(`${app.url}article/${ids[1]}`);
  await other.page.getByTestId('imported-elsewhere').waitFor({ timeout: 60_000 });
  await other.page.getByRole('link', { name: 'Go to the library to add it' }).click();
  await other.page.locator('[data-testid=import] > summary').click();
  await other.page.getByTestId('import-files').setInputFiles({ name: 'crosscheck-articles.xckx', mimeType: 'application/octet-stream', buffer: exported });
  await other.page.getByTestId('import-submit').click();
  await statusMatches(other.page, /Done: 2 articles added/);
  for (const id of ids) {
    assert.ok(await other.page.locator(`a.card-title[href$="/article/${id}"]`).count(), id);
  }
  await other.context.close();
});

test('a damaged export file and an empty choice are refused with a clear message', async () => {
  const { context, page } = await openLibrary();
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-submit').click();
  await statusMatches(page, /Nothing to add/);
  await page.getByTestId('import-files').setInputFiles({ name: 'broken.xckx', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('XCKX'), Buffer.from([1, 0, 255, 255, 255, 255, 15])]) });
  await page.getByTestId('import-submit').click();
  await statusMatches(page, /Done: no article was added/);
  assert.match(await page.getByTestId('import-result').first().innerText(), /broken\.xckx — not added: .*(export|damaged)/);
  await context.close();
});

test('files dropped on the library are added; a built-in article is not doubled; the built-in ones can be hidden; a damaged stored record is named; removing all empties the storage', async () => {
  const { context, page } = await openLibrary();
  const builtIn = await page.getByTestId('article-card').count();
  const fs = await import('node:fs');
  const seedName = fs.readdirSync(new URL('../corpus/', import.meta.url)).find((f) => f.endsWith('.txt'));
  // The corpus's own file with Windows line endings: other bytes, same article.
  const seed = fs.readFileSync(new URL(`../corpus/${seedName}`, import.meta.url), 'utf8').replace(/\n/g, '\r\n');

  // Drag two files over the library, then drop them.
  const transfer = await page.evaluateHandle(([text, seedText]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped geneva.txt', { type: 'text/plain' }));
    dt.items.add(new File([seedText], 'my copy of a seed.txt', { type: 'text/plain' }));
    return dt;
  }, [TEXT, seed]);
  await page.dispatchEvent('[data-testid=import-drop]', 'dragover', { dataTransfer: transfer });
  await page.locator('.drop-hint').waitFor();
  await page.dispatchEvent('[data-testid=import-drop]', 'drop', { dataTransfer: transfer });
  await statusMatches(page, /Done: 1 article added/);
  assert.equal(await page.locator('.drop-hint').count(), 0);
  const results = await page.getByTestId('import-result').allInnerTexts();
  assert.match(results.find((r) => r.startsWith('my copy of a seed.txt')), /already in the corpus/);
  const builtInId = seedName.replace(/\.txt$/, '');
  assert.equal(await page.locator(`[data-testid=import-result] a[href$="/article/${builtInId}"]`).count(), 1);

  // Hide the built-in articles: only the reader's own is listed, and the
  // address says so (reload keeps it).
  await page.getByTestId('show-builtin').uncheck();
  await page.waitForURL(/builtin=hide/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=article-card]').length === 1);
  assert.equal(await page.getByTestId('imported-badge').count(), 1);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=article-card]').length === 1, null, { timeout: 60_000 });
  assert.equal(await page.getByTestId('show-builtin').isChecked(), false);
  // A search typed there keeps to the reader's own articles too, until
  // the results page's own switch brings the built-in ones back.
  await page.getByTestId('search-input').fill('talks');
  await page.waitForURL(/search\?q=talks&builtin=hide/);
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1 article matches');
  assert.match(await page.getByTestId('search-result').first().innerText(), /Ceasefire talks resume in Geneva/);
  await page.getByTestId('search-show-builtin').check();
  await page.waitForFunction(() => /^[2-9]\d* articles match/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''));
  assert.doesNotMatch(page.url(), /builtin/);
  await page.getByTestId('search-show-builtin').uncheck();
  await page.waitForURL(/builtin=hide/);
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1 article matches');
  await page.goBack();
  await page.getByTestId('show-builtin').check();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=article-card]').length === n + 1, builtIn);

  // A record in the storage this version cannot read is named at the next
  // start, and does not keep the good one from coming back.
  await putUnreadableRecord(page);
  await page.reload();
  await statusMatches(page, /back from this browser's storage/);
  assert.equal(await page.getByTestId('imported-badge').count(), 1);
  assert.match(await page.getByTestId('import-results').innerText(), /Bad\.txt — not added: .*damaged/);

  // Removing all empties the storage, the unreadable record included.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('remove-imported').click();
  await statusMatches(page, /Removed 1 imported article from this browser/);
  await reloadAndSettle(page);
  assert.equal(await page.getByTestId('article-card').count(), builtIn);
  assert.equal(await page.getByTestId('import-status').count(), 0);
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('crosscheck');
    open.onerror = reject;
    open.onsuccess = () => {
      const tx = open.result.transaction(['articles', 'derived']);
      const articles = tx.objectStore('articles').count();
      const derived = tx.objectStore('derived').count();
      tx.oncomplete = () => { open.result.close(); resolve(articles.result + derived.result); };
      tx.onerror = reject;
    };
  }));
  assert.equal(stored, 0);

  // Only an unreadable record kept: it is named, and can be forgotten.
  await putUnreadableRecord(page);
  await page.reload();
  await statusMatches(page, /1 record\(s\) in this browser's storage could not be read back/);
  assert.match(await page.getByTestId('import-results').innerText(), /Bad\.txt — not added/);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('remove-imported').click();
  await statusMatches(page, /Forgot the records that could not be read back/);
  await reloadAndSettle(page);
  assert.equal(await page.getByTestId('import-status').count(), 0);
  await context.close();
});

test('ten thousand files at once are all accounted for, and the page answers meanwhile', async () => {
  const { context, page } = await openLibrary();
  const before = await page.getByTestId('article-card').count();
  await page.locator('[data-testid=import] > summary').click();
  const words = ['council', 'budget', 'river', 'bridge', 'school', 'harbour', 'station', 'market', 'festival', 'hospital'];
  const files = Array.from({ length: 10_000 }, (_, i) => ({
    name: `note ${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Note ${i} on the ${words[i % 10]}\n\nThe ${words[i % 10]} of district ${i} reported ${i % 97} cases of ${words[(i * 7) % 10]} delays on day ${i % 31}.\n`),
  }));
  // Three bad files among them: each is named with its reason.
  files.push({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  files.push({ name: 'again.txt', mimeType: 'text/plain', buffer: files[0].buffer });
  files.push({ name: 'binary.txt', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 255, 0, 254, 1, 2, 3]) });
  await page.getByTestId('import-files').setInputFiles(files);
  await page.getByTestId('import-submit').click();
  // While the worker works, a search typed in the page is answered.
  await page.waitForFunction(() => /^(Read|Indexing)/.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 120_000 });
  await page.getByTestId('search-input').fill('donbas');
  await page.getByTestId('result-count').waitFor({ timeout: 10_000 });
  await page.goBack();
  await page.waitForFunction(() => /^Done: 10000 articles added/.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 300_000 });
  const counts = await page.getByTestId('import-counts').innerText();
  assert.match(counts, /10003 files: 10000 added, 1 already in the corpus, 2 not added/);
  const lines = await page.getByTestId('import-results').innerText();
  assert.match(lines, /empty\.txt — not added: the file is empty/);
  assert.match(lines, /binary\.txt — not added/);
  assert.match(lines, /again\.txt — already in the corpus/);
  assert.match(lines, /and 9800 more added/);
  assert.match(await page.getByTestId('library-range').innerText(), new RegExp(`of ${before + 10_000}$`));
  await context.close();
});

test('a 50 MB file is read and one past the limit is refused by name, before it is read', async () => {
  const { context, page } = await openLibrary();
  await page.locator('[data-testid=import] > summary').click();
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-large-'));
  const sentence = 'The council met on Tuesday and voted to extend the harbour budget by 12 million, officials said. ';
  writeFileSync(join(dir, 'long report.txt'), `A very long report\n\n${sentence.repeat(Math.floor(50e6 / sentence.length))}`);
  writeFileSync(join(dir, 'too large.txt'), Buffer.alloc(60e6, 'x'));
  await page.getByTestId('import-files').setInputFiles([join(dir, 'long report.txt'), join(dir, 'too large.txt')]);
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => /^Done: 1 article added/.test(document.querySelector('[data-testid=import-status] p')?.textContent ?? ''), null, { timeout: 300_000 });
  rmSync(dir, { recursive: true });
  const lines = await page.getByTestId('import-results').innerText();
  assert.match(lines, /too large\.txt — not added: 60\.0 MB is larger than the 50 MB an article file may be/);
  assert.match(lines, /long report\.txt — added/);
  // Its page draws the start of the text and offers more, instead of
  // freezing on 50 MB of text.
  await page.getByRole('link', { name: 'A very long report' }).click();
  await page.getByTestId('article-title').waitFor({ timeout: 60_000 });
  const more = page.getByTestId('body-more');
  assert.match(await more.innerText(), /the first 0\.4 MB of its 50\.0 MB are shown/);
  await more.getByRole('button', { name: 'Show more' }).click();
  await page.waitForFunction(() => /first 1\.6 MB/.test(document.querySelector('[data-testid=body-more]')?.textContent ?? ''), null, { timeout: 60_000 });
  await context.close();
});

// The kept derived corpus as [build, articles, byte length], or null.
const derivedRecord = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('crosscheck');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const r = open.result.transaction('derived').objectStore('derived').get('corpus');
    r.onsuccess = () => { open.result.close(); resolve(r.result ? [r.result.build, r.result.articles, r.result.bytes.length] : null); };
  };
}));

// Changes the kept records in the page: `change` is 'rename' (the Geneva
// file's name) or 'damage' (the derived corpus's bytes).
const tamper = (page, change) => page.evaluate((change) => new Promise((resolve, reject) => {
  const open = indexedDB.open('crosscheck');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const name = change === 'rename' ? 'articles' : 'derived';
    const t = db.transaction(name, 'readwrite');
    const s = t.objectStore(name);
    const all = s.getAll();
    all.onsuccess = () => {
      if (change === 'rename') {
        for (const r of all.result) if (r.file === 'geneva talks.txt') s.put({ ...r, file: 'renamed.txt' });
      } else {
        s.put({ ...all.result[0], bytes: new Uint8Array([1, 2, 3]) }, 'corpus');
      }
    };
    t.oncomplete = () => { db.close(); resolve(); };
    t.onerror = () => reject(t.error);
  };
}), change);

async function poll(read, ok) {
  let value;
  for (let i = 0; i < 100; i++) {
    value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}

test('a reload puts the corpus derived by this build back at once, and derives it again from the files when it cannot be used', async () => {
  const { context, page } = await openLibrary();
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-files').setInputFiles([
    { name: 'geneva talks.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) },
    { name: 'moscow.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) },
  ]);
  await page.getByTestId('import-submit').click();
  await statusMatches(page, /kept in this browser/);
  // The derived corpus is kept beside the files, for these two articles.
  const kept = await poll(() => derivedRecord(page), (r) => r !== null);
  assert.match(kept?.[1] ?? '', /^2 articles, [0-9a-f]{16}$/);
  assert.match(kept[0], /^[0-9a-f]{16}$/);

  // Rename the kept Geneva file behind the app's back: a corpus put back
  // from the derived one still shows the name it was imported under.
  await tamper(page, 'rename');
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=imported-badge]').length === 2, null, { timeout: 60_000 });
  const badges = async () => (await page.getByTestId('imported-badge').allInnerTexts()).join(' | ');
  assert.match(await badges(), /geneva talks\.txt/);
  assert.doesNotMatch(await badges(), /renamed\.txt/);
  // Imports go on from it in the worker too.
  await page.locator('[data-testid=import] > summary').click();
  await page.getByTestId('import-paste').fill('The harbour reopened on Friday after repairs costing 3 million, the port said.');
  await page.getByTestId('import-submit').click();
  await statusMatches(page, /Done: 1 article added/);
  assert.equal(await page.getByTestId('imported-badge').count(), 3);
  await poll(() => derivedRecord(page), (r) => /^3 articles/.test(r?.[1] ?? ''));

  // A derived corpus that does not read is not used: the files are read
  // again (the renamed one under its new name), and it is written anew.
  await tamper(page, 'damage');
  assert.equal((await derivedRecord(page))[2], 3);
  await page.reload();
  await page.waitForFunction(() => /renamed\.txt/.test([...document.querySelectorAll('[data-testid=imported-badge]')].map((b) => b.textContent).join(' ')), null, { timeout: 60_000 });
  assert.equal(await page.getByTestId('imported-badge').count(), 3);
  const rewritten = await poll(() => derivedRecord(page), (r) => r?.[2] > 3);
  assert.match(rewritten[1], /^3 articles/);
  assert.ok(rewritten[2] > 1000, 'the derived corpus is written again');

  // A kept file that this build no longer adds (here: it became the same
  // article as a built-in one) does not stop the derived corpus from
  // being reused at the next start.
  const fs = await import('node:fs');
  const seedName = fs.readdirSync(new URL('../corpus/', import.meta.url)).find((f) => f.endsWith('.txt'));
  const seed = fs.readFileSync(new URL(`../corpus/${seedName}`, import.meta.url), 'utf8');
  await page.evaluate((text) => new Promise((resolve, reject) => {
    const open = indexedDB.open('crosscheck');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const t = open.result.transaction(['articles', 'derived'], 'readwrite');
      const s = t.objectStore('articles');
      const all = s.getAll();
      all.onsuccess = () => {
        const r = all.result.find((x) => x.file === 'renamed.txt');
        s.put({ ...r, bytes: new TextEncoder().encode(text) });
      };
      t.objectStore('derived').clear();
      t.oncomplete = () => { open.result.close(); resolve(); };
      t.onerror = () => reject(t.error);
    };
  }), seed);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=imported-badge]').length === 2, null, { timeout: 60_000 });
  await page.waitForFunction(() => /already in the corpus/.test(document.querySelector('[data-testid=import-results]')?.textContent ?? ''), null, { timeout: 60_000 });
  await poll(() => derivedRecord(page), (r) => /^3 articles/.test(r?.[1] ?? ''));
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=imported-badge]').length === 2, null, { timeout: 60_000 });
  await statusMatches(page, /back from this browser's storage/);
  assert.equal(await page.getByTestId('import-result').count(), 0, 'put back from the derived corpus, not read again');
  await context.close();
});
