#!/usr/bin/env node
// Samtycke's reference receiver for consent receipts and rights requests: Node 20 built-ins and
// one embedded database (LMDB). Run it beside the shop and send /samtycke-api/ to it, or mount
// `createReceiver().handle` in the shop's own node:http server.
//
//   node server/receiver.mjs --port 8787 --dir ./samtycke-data [--host 127.0.0.1]
//                            [--origin https://shop.example]… [--base /samtycke-api]
//
// Environment instead of flags: SAMTYCKE_PORT (or PORT), SAMTYCKE_HOST, SAMTYCKE_DATA_DIR,
// SAMTYCKE_ORIGINS (comma-separated), SAMTYCKE_BASE_PATH; SAMTYCKE_ADMIN_TOKEN for the exports.
import {createServer} from 'node:http';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {createReceiver} from './create-receiver.mjs';

export {createReceiver} from './create-receiver.mjs';
export {openReceiverStore} from './receiver-store.mjs';

/**
 * Starts a standalone receiver.
 * @param {object} options those of `createReceiver`, and:
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.host='127.0.0.1']
 * @returns {Promise<{url: string, port: number, receiver: ReturnType<typeof createReceiver>, close: () => Promise<void>}>}
 *   `url` ends with the base path and a slash, such as `http://127.0.0.1:8787/samtycke-api/`
 */
export async function startReceiver({port = 0, host = '127.0.0.1', ...options} = {}) {
  const receiver = createReceiver(options);
  const server = createServer(async (req, res) => {
    if (!(await receiver.handle(req, res))) {
      res.writeHead(404, {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'});
      res.end(JSON.stringify({errors: [{path: '$', message: `the receiver answers under ${options.basePath ?? '/samtycke-api'}/`}]}));
    }
  });
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => (server.off('error', reject), resolve()));
    });
  } catch (error) {
    await receiver.close();
    throw error;
  }
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing;
  const close = () => (closing ??= new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }).then(() => receiver.close()));
  const base = (options.basePath ?? '/samtycke-api').replace(/\/$/, '');
  return {url: `http://${shownHost}:${actual}${base}/`, port: actual, receiver, close};
}

function settings(argv, env) {
  const {values} = parseArgs({
    args: argv,
    options: {
      port: {type: 'string'}, host: {type: 'string'}, dir: {type: 'string'},
      origin: {type: 'string', multiple: true}, base: {type: 'string'}, help: {type: 'boolean', short: 'h'},
    },
  });
  const port = Number(values.port ?? env.SAMTYCKE_PORT ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Not a port: ${values.port ?? env.SAMTYCKE_PORT ?? env.PORT}`);
  const origins = values.origin ?? (env.SAMTYCKE_ORIGINS ? env.SAMTYCKE_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : []);
  return {
    help: values.help,
    port,
    host: values.host ?? env.SAMTYCKE_HOST ?? '127.0.0.1',
    dir: path.resolve(values.dir ?? env.SAMTYCKE_DATA_DIR ?? 'samtycke-data'),
    origins,
    basePath: values.base ?? env.SAMTYCKE_BASE_PATH ?? '/samtycke-api',
    adminToken: env.SAMTYCKE_ADMIN_TOKEN || undefined,
    localExports: env.SAMTYCKE_LOCAL_EXPORTS === '1',
  };
}

async function main() {
  const {help, ...options} = settings(process.argv.slice(2), process.env);
  if (help) {
    console.log('Usage: node server/receiver.mjs [--port 8787] [--host 127.0.0.1] [--dir ./samtycke-data] [--origin https://shop.example]… [--base /samtycke-api]');
    return;
  }
  const running = await startReceiver(options);
  console.log(`Samtycke receiver: ${running.url}  (data in ${options.dir})`);
  console.log(options.adminToken ? 'Exports need Authorization: Bearer $SAMTYCKE_ADMIN_TOKEN.'
    : options.localExports ? 'Exports are open to this machine only (SAMTYCKE_LOCAL_EXPORTS=1).' : 'Exports are closed: set SAMTYCKE_ADMIN_TOKEN.');
  const stop = () => running.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
