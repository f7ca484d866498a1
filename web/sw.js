// Crosscheck's service worker, written into dist/ by scripts/post-build.mjs,
// which fills in the version and the precache list. It makes the app work
// offline after one visit, deep links included:
// - install: precache every file of this build under a versioned cache,
//   taking a file whose name carries a content hash from an older version's
//   cache when it is there (a new corpus does not download the code again,
//   new code does not download the corpus again);
// - navigations: network first, the cached app shell when offline;
// - other same-origin requests: cache first (file names carry content hashes);
// - activate: delete the caches of older versions.
// A new version waits until the page asks it to take over (the app shows
// "new version available — reload"), so a page never runs a mix of files.
const VERSION = '__VERSION__';
const CACHE = `crosscheck-${VERSION}`;
const PRECACHE = __PRECACHE__;
// Names with a content hash (trunk's and the corpus data file's).
const HASHED = __HASHED__;
const SHELL = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const fresh = [];
      for (const path of PRECACHE) {
        const url = new URL(path, self.registration.scope).href;
        const kept = HASHED.test(path) ? await caches.match(url) : undefined;
        if (kept) await cache.put(url, kept);
        else fresh.push(path);
      }
      await cache.addAll(fresh);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('crosscheck-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.open(CACHE)).match(SHELL)),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      return (await cache.match(request, { ignoreSearch: true })) ?? fetch(request);
    })(),
  );
});
