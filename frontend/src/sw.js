// The shell's service worker (docs/shell.md, "Offline"): the app shell, and the forms and
// reference data an officer has opened, load with no network. Plain JavaScript, served as
// /sw.js from the build's root so its scope is the whole shell.
//
// - At install: index.html and every script and stylesheet of the build (shell-files.json,
//   written by scripts/compress-shell.mjs), so any page opens offline, not only pages seen.
// - Pages (navigations): the network first, index.html from the cache when it cannot be reached.
// - Scripts, styles, fonts and images: the cache first (their names carry a content hash).
// - GET /api/plugins and /api/reference/<set>: the network first (4 s on a weak signal), the last
//   answer from the cache when it fails. Nothing else of the API is kept; sign-out empties it.

const SHELL_CACHE = 'cop-shell-v1';
const API_CACHE = 'cop-api';
const API_KEPT = [/^\/api\/plugins$/, /^\/api\/reference\/[^/]+$/];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const files = await (await fetch('/shell-files.json', { cache: 'no-store' })).json();
      await cache.addAll(['/index.html', ...files].map((path) => new Request(path, { cache: 'no-store' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith('cop-shell-') && key !== SHELL_CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const api = url.pathname.startsWith('/api/') || url.pathname.startsWith('/health/');
  if (request.mode === 'navigate') {
    if (!api) event.respondWith(page(request));
  } else if (api) {
    if (API_KEPT.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkFirst(request));
  } else if (/\.(js|css|woff2?|png|svg|ico|json)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** A page of the shell: index.html from the network (kept for later), else the kept one. */
async function page(request) {
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put('/index.html', response.clone());
    }
    return response;
  } catch {
    const kept = await caches.match('/index.html', { cacheName: SHELL_CACHE });
    return kept ?? Response.error();
  }
}

async function cacheFirst(request) {
  const kept = await caches.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** An API answer from the network (kept), else the last one kept; the token is not part of the key. */
async function networkFirst(request) {
  try {
    const response = await withTimeout(fetch(request));
    if (response.ok) {
      const cache = await caches.open(API_CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch {
    const kept = await caches.match(request, { cacheName: API_CACHE, ignoreVary: true });
    return kept ?? Response.error();
  }
}

function withTimeout(promise) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), NETWORK_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
