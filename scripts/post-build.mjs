// trunk post_build hook (see Trunk.toml). Runs on the staging folder before
// trunk moves it to dist/. In every build it:
//   0. writes the corpus data file: `crosscheck bundle` over the corpus
//      folder (CROSSCHECK_CORPUS, default corpus/), named corpus-<hash>.bin
//      by its content and announced in index.html by a preload link the app
//      reads (data-corpus, data-bytes), so code and corpus are cached apart.
// In release builds it also:
//   1. adds a strict Content-Security-Policy <meta> to index.html, allowing
//      trunk's one inline loader script by its sha256 hash and nothing else;
//   2. writes manifest.webmanifest with start_url and scope relative to the
//      public URL;
//   3. writes sw.js, the service worker, from web/sw.js with the precache
//      list of every staged file and a cache name derived from their hashes;
//   4. copies index.html to 404.html, which GitHub Pages serves for deep links.
// Debug builds (trunk serve) get only the 404.html copy: no service worker,
// so development never fights a cache.
//
// Usage outside trunk: node scripts/post-build.mjs <dir> <public-url> release
// (with CROSSCHECK_CORPUS=<folder> to put another corpus into a built app).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, rm, rename } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const publicUrl = process.argv[3] ?? process.env.TRUNK_PUBLIC_URL ?? '/';
const profile = process.argv[4] ?? process.env.TRUNK_PROFILE ?? 'debug';
if (!dir) {
  console.error('post-build: no staging folder (run from trunk, or pass one)');
  process.exit(1);
}

const sha = (algo, data, enc) => createHash(algo).update(data).digest(enc);

async function listFiles(base, sub = '') {
  const out = [];
  for (const entry of await readdir(join(base, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(base, rel)));
    else out.push(rel);
  }
  return out.sort();
}

// Idempotent: a second run over the same folder replaces what the first added.
let html = (await readFile(join(dir, 'index.html'), 'utf8'))
  .replace(/\n    <meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace(/<link rel="manifest"[^>]*>\n/, '')
  .replace(/<link rel="preload"[^>]*data-corpus[^>]*>\n/, '');

// 0. The corpus data file, built by the command line tool in its own
// profile (fast on thousands of articles; compiled once).
const corpusDir = process.env.CROSSCHECK_CORPUS ?? join(ROOT, 'corpus');
for (const f of await readdir(dir)) {
  if (/^corpus-[0-9a-f]+\.bin$/.test(f)) await rm(join(dir, f));
}
const staged = join(dir, 'corpus.bin');
const built = spawnSync(
  'cargo',
  ['run', '--quiet', '--offline', '--profile', 'corpus', '-p', 'crosscheck-core',
    '--features', 'cli', '--bin', 'crosscheck', '--',
    'bundle', '--corpus', corpusDir, '--out', staged],
  { cwd: ROOT, stdio: 'inherit' },
);
if (built.status !== 0) {
  console.error(`post-build: the corpus in ${corpusDir} could not be bundled (see above)`);
  process.exit(1);
}
const data = await readFile(staged);
const dataName = `corpus-${sha('sha256', data, 'hex').slice(0, 16)}.bin`;
await rename(staged, join(dir, dataName));
// The build: every wasm (the page's and the corpus worker's, which reads
// imported files) and the data file. The app keeps a corpus it derived
// from imported files under this, and reuses it only in the same build.
const build = createHash('sha256');
for (const f of (await readdir(dir)).filter((f) => f.endsWith('.wasm')).sort()) {
  build.update(f).update(await readFile(join(dir, f)));
}
build.update(data);
const buildId = build.digest('hex').slice(0, 16);
html = html.replace(
  '</head>',
  `<link rel="preload" href="${publicUrl}${dataName}" as="fetch" type="application/octet-stream" crossorigin="anonymous" data-corpus data-bytes="${data.length}" data-build="${buildId}" />\n</head>`,
);
await writeFile(join(dir, 'index.html'), html);

if (profile === 'release') {
  // 1. CSP. Trunk's loader is the only inline script; it is allowed by hash.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${sha('sha256', m[1], 'base64')}'`,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  html = html.replace(
    /<meta charset="utf-8" \/>/,
    `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
  );
  html = html.replace(
    '</head>',
    `<link rel="manifest" href="${publicUrl}manifest.webmanifest" />\n</head>`,
  );
  await writeFile(join(dir, 'index.html'), html);

  // 2. Manifest.
  const manifest = {
    name: 'Crosscheck',
    short_name: 'Crosscheck',
    description: 'Search news reports and read them against each other, offline.',
    start_url: publicUrl,
    scope: publicUrl,
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#0b57a4',
    icons: (await listFiles(dir))
      .map((f) => f.match(/^icons\/icon-(\d+)(-maskable)?\.png$/))
      .filter(Boolean)
      .map((m) => ({
        src: `${publicUrl}${m[0]}`,
        sizes: `${m[1]}x${m[1]}`,
        type: 'image/png',
        purpose: m[2] ? 'maskable' : 'any',
      })),
  };
  await writeFile(join(dir, 'manifest.webmanifest'), JSON.stringify(manifest, null, 2));

  // 3. Service worker. The cache name is a hash of every precached file's
  // name and content, so any changed asset makes a new version.
  await rm(join(dir, 'sw.js'), { force: true });
  const files = (await listFiles(dir)).filter((f) => f !== '404.html');
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(sha('sha256', await readFile(join(dir, f)), 'hex'));
  const version = hash.digest('hex').slice(0, 16);
  const template = await readFile(join(ROOT, 'web', 'sw.js'), 'utf8');
  const sw = template
    .replace('__VERSION__', version)
    .replace('__PRECACHE__', JSON.stringify(['./', ...files.filter((f) => f !== 'index.html')]))
    .replace('__HASHED__', String(/-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/));
  await writeFile(join(dir, 'sw.js'), sw);
  console.log(`post-build: CSP, manifest and service worker ${version} (${files.length} files)`);
}

// 4. Deep links on static hosts.
await writeFile(join(dir, '404.html'), html);
