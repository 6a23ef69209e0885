#!/usr/bin/env node
// Static dev server for the Samtycke demo shop. Node 20 built-ins only.
//
//   /samtycke/*  -> <repo>/dist/     (the built widget)
//   /schema/*    -> <repo>/schema/   (the config JSON Schema)
//   /samtycke-api/* -> the reference receiver (server/), when started with `receiver`
//   everything else -> <repo>/demo/ (the demo storefront)
//
// Programmatic use (tests):
//   import { startServer } from './scripts/serve.mjs';
//   const { url, port, close } = await startServer({ port: 0 });
//   const { receiver } = await startServer({ port: 0, receiver: { dir: tempDir } });
//   ...
//   await close();
//
// CLI: `node scripts/serve.mjs` listens on $PORT or 8080 (falling back to a
// free port if 8080 is taken) on $HOST or 127.0.0.1, with the receiver storing
// its data in $SAMTYCKE_DATA_DIR or <repo>/.data/.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_PORT = 8080;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Map a decoded URL pathname to { base, rel }: which directory serves it and
 * the path relative to that directory.
 */
function mount(root, pathname) {
  if (pathname.startsWith('/samtycke/')) {
    return { base: path.join(root, 'dist'), rel: pathname.slice('/samtycke/'.length) };
  }
  if (pathname.startsWith('/schema/')) {
    return { base: path.join(root, 'schema'), rel: pathname.slice('/schema/'.length) };
  }
  return { base: path.join(root, 'demo'), rel: pathname.slice(1) };
}

/** Resolve rel inside base; null if the result would escape base. */
function resolveInside(base, rel) {
  const target = path.resolve(base, '.' + path.sep + rel);
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  return target;
}

async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

function createHandler(root, extraHeaders, receiver) {
  const baseHeaders = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  };

  const send = (req, res, status, body, headers = {}) => {
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      ...baseHeaders,
      ...headers,
      'Content-Length': buf.length,
    });
    res.end(req.method === 'HEAD' ? undefined : buf);
  };

  return async (req, res) => {
    try {
      if (receiver && (await receiver.handle(req, res))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }

      // Concatenate rather than pass a base URL, so "//host/x" stays a path.
      let url;
      try {
        const raw = req.url.startsWith('/') ? `http://localhost${req.url}` : req.url;
        url = new URL(raw);
      } catch {
        send(req, res, 400, 'Bad request\n');
        return;
      }

      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        send(req, res, 400, 'Bad request\n');
        return;
      }
      if (pathname.includes('\0')) {
        send(req, res, 400, 'Bad request\n');
        return;
      }

      const { base, rel } = mount(root, pathname);
      let file = resolveInside(base, rel);
      if (!file) {
        send(req, res, 403, 'Forbidden\n');
        return;
      }

      let info = await statOrNull(file);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          // "/en" -> "/en/". Collapse leading slashes so the Location can
          // never become a protocol-relative URL to another host.
          const location = '/' + url.pathname.replace(/^\/+/, '') + '/' + url.search;
          send(req, res, 301, `Moved to ${location}\n`, { Location: location });
          return;
        }
        file = path.join(file, 'index.html');
        info = await statOrNull(file);
      }

      if (!info || !info.isFile()) {
        send(req, res, 404, `Not found: ${url.pathname}\n`);
        return;
      }

      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const body = await readFile(file);
      send(req, res, 200, body, { 'Content-Type': type });
    } catch (err) {
      if (!res.headersSent) send(req, res, 500, 'Internal server error\n');
      else res.destroy(err);
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function formatUrl(host, port) {
  let h = host;
  if (h === '0.0.0.0' || h === '::' || h === '') h = 'localhost';
  else if (h.includes(':')) h = `[${h}]`;
  return `http://${h}:${port}/`;
}

/**
 * Start the static server.
 * @param {object} [options]
 * @param {number} [options.port=0]        0 = pick a free port.
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.root]          Repository root (contains demo/, dist/, schema/).
 *                                         Defaults to the repo this file lives in.
 * @param {Record<string,string>} [options.headers]  Extra headers on every static response
 *                                         (e.g. a Content-Security-Policy for tests).
 * @param {object} [options.receiver]      Mounts the reference receiver under /samtycke-api/;
 *                                         the options of createReceiver (server/create-receiver.mjs):
 *                                         `dir` (its database), `origins`, `adminToken`, …
 *                                         Left out: no receiver.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>, receiver?: object}>}
 *          `receiver.store` reads what was received; `close()` also closes its database.
 */
export async function startServer({ port = 0, host = '127.0.0.1', root = REPO_ROOT, headers = {}, receiver: receiverOptions } = {}) {
  const resolvedRoot = path.resolve(root);
  // Loaded only when asked for: the static demo needs no database (lmdb is a native module).
  const receiver = receiverOptions
    ? (await import('../server/create-receiver.mjs')).createReceiver(receiverOptions)
    : undefined;
  const server = createServer(createHandler(resolvedRoot, headers, receiver));
  try {
    await listen(server, port, host);
  } catch (err) {
    await receiver?.close();
    throw err;
  }
  const actualPort = server.address().port;

  let closing = null;
  const close = () => {
    closing ??= new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections?.();
    }).finally(() => receiver?.close());
    return closing;
  };

  return { url: formatUrl(host, actualPort), port: actualPort, close, ...(receiver ? { receiver } : {}) };
}

async function main() {
  const host = process.env.HOST || '127.0.0.1';
  const portFromEnv = process.env.PORT !== undefined && process.env.PORT !== '';
  const port = portFromEnv ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid PORT: ${JSON.stringify(process.env.PORT)}`);
    process.exit(1);
  }

  if (!existsSync(path.join(REPO_ROOT, 'dist', 'samtycke.js'))) {
    console.error(
      'Note: dist/samtycke.js is missing, so the consent banner will not load.\n' +
        '      Run `npm run build` first (or use `npm start`, which builds and then serves).',
    );
  }

  // The demo sends its consent receipts and rights requests to the receiver on the same origin.
  const receiver = {
    dir: path.resolve(process.env.SAMTYCKE_DATA_DIR || path.join(REPO_ROOT, '.data')),
    adminToken: process.env.SAMTYCKE_ADMIN_TOKEN || undefined,
    // The demo runs on the developer's machine: its exports open to this machine without a token.
    localExports: true,
  };
  let server;
  try {
    server = await startServer({ port, host, receiver });
  } catch (err) {
    if (err.code === 'EADDRINUSE' && !portFromEnv) {
      server = await startServer({ port: 0, host, receiver });
      console.error(`Port ${port} is in use; using port ${server.port} instead.`);
    } else if (err.code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use. Pick another one, e.g. PORT=0 for any free port.`);
      process.exit(1);
    } else {
      throw err;
    }
  }

  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const shownUrl = formatUrl(shownHost, server.port);
  console.log(`Samtycke demo shop: ${shownUrl}  (Ctrl+C to stop)`);
  console.log(`Receipts and rights requests: ${shownUrl}samtycke-api/ (data in ${receiver.dir})`);
  console.log(`Exports: ${shownUrl}samtycke-api/export/receipts.csv (also .json, and requests.csv/.json)`);

  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
