// The receiver's routes as one request handler, to mount in any node:http server:
//   POST <base>/receipts                      consent receipts from the widget's outbox
//   POST <base>/requests                      rights requests from the privacy center's form
//   GET  <base>/export/receipts.csv|.json     the proof of consent (admin)
//   GET  <base>/export/requests.csv|.json     the rights requests (admin)
// Nothing about the sender is stored: no IP address, no user agent, no headers.
import {cameOverHttps, corsPolicy} from './cors-policy.mjs';
import {decisionCookieHeader} from './decision-cookie.mjs';
import {exportAccess} from './export-access.mjs';
import {jsonArray, receiptsCsv, requestsCsv} from './exports.mjs';
import {idKey, isObject} from './formats.mjs';
import {validateReceipt} from './receipt-validation.mjs';
import {openReceiverStore} from './receiver-store.mjs';
import {BodyError, readJsonBody} from './request-body.mjs';
import {validateRightsRequest} from './rights-request-validation.mjs';

const COMMON = {'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff'};

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {...COMMON, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers});
  res.end(text);
}

/** Writes a generator's pieces with back-pressure. */
async function sendStream(res, type, filename, pieces) {
  res.writeHead(200, {...COMMON, 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"`});
  for (const piece of pieces) {
    if (!res.write(piece)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * Creates the receiver.
 * @param {object} options
 * @param {string} [options.dir] directory of the database; required unless `store` is given
 * @param {ReturnType<typeof openReceiverStore>} [options.store] an open store (the receiver then does not close it)
 * @param {string[]} [options.origins] other origins whose pages may send (CORS); default none (same origin only)
 * @param {string} [options.adminToken] bearer token for the exports
 * @param {boolean} [options.localExports] without a token, let loopback clients export (demo, development); default false
 * @param {number} [options.maxBodyBytes=65536] larger bodies are answered 413
 * @param {string} [options.basePath='/samtycke-api'] where the routes live
 * @param {() => Date} [options.now] the clock (receivedAt, cookie lifetime)
 * @throws {TypeError} when an entry of `origins` is not an origin, or neither `dir` nor `store` is given
 * @returns {{handle: (req, res) => Promise<boolean>, store: ReturnType<typeof openReceiverStore>, close: () => Promise<void>}}
 *   `handle` answers and resolves true for a path under `basePath`, else resolves false and leaves `res` alone.
 */
export function createReceiver({dir, store, origins = [], adminToken, localExports = false, maxBodyBytes = 64 * 1024, basePath = '/samtycke-api', now = () => new Date()} = {}) {
  const cors = corsPolicy(origins);
  if (!store && !dir) throw new TypeError('createReceiver needs `dir`, the directory of its database');
  const ownsStore = !store;
  store ??= openReceiverStore(dir, {now});
  const mayExport = exportAccess({token: adminToken, localExports});
  const base = basePath.replace(/\/$/, '');

  /** Answers 403 to a page of another origin that is not listed; true when it did. */
  const refuseOrigin = (req, res) => {
    if (cors.classify(req) !== 'refused') return false;
    sendJson(res, 403, {errors: [{path: '$', message: 'pages of this origin may not send here (see the receiver\'s allowed origins)'}]}, {Vary: 'Origin'});
    return true;
  };

  async function postReceipts(req, res) {
    const body = await readJsonBody(req, {limit: maxBodyBytes});
    const envelope = [];
    if (!isObject(body)) envelope.push({receiptId: null, path: '$', message: 'must be an object {"receipts": [...]}'});
    else {
      if (!Array.isArray(body.receipts)) envelope.push({receiptId: null, path: '$.receipts', message: 'must be an array of consent receipts'});
      if (Object.hasOwn(body, 'decisionCookie') && typeof body.decisionCookie !== 'string') {
        envelope.push({receiptId: null, path: '$.decisionCookie', message: 'must be a string (the samtycke cookie value)'});
      }
      for (const key of Object.keys(body).filter((k) => k !== 'receipts' && k !== 'decisionCookie')) {
        envelope.push({receiptId: null, path: `$[${JSON.stringify(key.slice(0, 60))}]`, message: 'is not part of the request (receipts, decisionCookie)'});
      }
    }
    if (envelope.length > 0) return sendJson(res, 400, {accepted: [], duplicates: [], errors: envelope}, cors.headers(req));

    const valid = [];
    const errors = [];
    body.receipts.forEach((value, index) => {
      const checked = validateReceipt(value, `$.receipts[${index}]`);
      if (checked.receipt) valid.push(checked.receipt);
      errors.push(...checked.errors);
    });
    // The same id twice in one batch is stored once, like a resend.
    const seen = new Set();
    const unique = valid.filter((r) => !seen.has(idKey(r.receiptId)) && seen.add(idKey(r.receiptId)));
    const stored = await store.addReceipts(unique);
    const duplicates = [...stored.duplicates, ...valid.filter((r) => !unique.includes(r)).map((r) => r.receiptId)];

    const headers = {...cors.headers(req)};
    // A cookie set in answer to another origin's page would land on the receiver's host, not the shop's.
    if (typeof body.decisionCookie === 'string' && ['same', 'none'].includes(cors.classify(req))) {
      const cookie = decisionCookieHeader(body.decisionCookie, {secure: cameOverHttps(req), now: now().getTime()});
      if (cookie) headers['Set-Cookie'] = cookie;
    }
    // Valid receipts of a batch are stored even when others are not: 400 lists both, so a client
    // that drops the invalid ones and resends the rest gets those back as duplicates.
    if (errors.length > 0) return sendJson(res, 400, {accepted: stored.accepted, duplicates, errors}, headers);
    return sendJson(res, 200, {accepted: stored.accepted, duplicates}, headers);
  }

  async function postRequest(req, res) {
    const body = await readJsonBody(req, {limit: maxBodyBytes});
    const {request, errors} = validateRightsRequest(body);
    if (!request) return sendJson(res, 400, {errors}, cors.headers(req));
    const {created, stored} = await store.addRequest(request);
    return sendJson(res, created ? 201 : 200, {requestId: stored.requestId, receivedAt: stored.receivedAt}, cors.headers(req));
  }

  async function getExport(req, res, name, url) {
    const access = mayExport(req);
    if (access.status !== 200) return sendJson(res, access.status, {errors: [{path: '$', message: access.message}]}, access.headers);
    const consentId = url.searchParams.get('consentId');
    const receipts = () => (consentId ? store.receipts().filter((r) => idKey(r.consentId) === idKey(consentId)) : store.receipts());
    const date = now().toISOString().slice(0, 10);
    switch (name) {
      case 'receipts.csv': return sendStream(res, 'text/csv; charset=utf-8; header=present', `samtycke-receipts-${date}.csv`, receiptsCsv(receipts));
      case 'receipts.json': return sendStream(res, 'application/json; charset=utf-8', `samtycke-receipts-${date}.json`, jsonArray('receipts', receipts()));
      case 'requests.csv': return sendStream(res, 'text/csv; charset=utf-8; header=present', `samtycke-requests-${date}.csv`, requestsCsv(store.requests));
      case 'requests.json': return sendStream(res, 'application/json; charset=utf-8', `samtycke-requests-${date}.json`, jsonArray('requests', store.requests()));
      default: return sendJson(res, 404, {errors: [{path: '$', message: 'exports: receipts.csv, receipts.json, requests.csv, requests.json'}]});
    }
  }

  async function route(req, res, url, subpath) {
    if (subpath === '/receipts' || subpath === '/requests') {
      if (req.method === 'OPTIONS') {
        const headers = cors.preflight(req);
        if (!headers) return sendJson(res, 403, {errors: [{path: '$', message: 'pages of this origin may not send here'}]}, {Vary: 'Origin'});
        res.writeHead(204, {...COMMON, ...headers, Allow: 'POST, OPTIONS'});
        return res.end();
      }
      if (req.method !== 'POST') return sendJson(res, 405, {errors: [{path: '$', message: 'use POST'}]}, {Allow: 'POST, OPTIONS'});
      if (refuseOrigin(req, res)) return undefined;
      return subpath === '/receipts' ? postReceipts(req, res) : postRequest(req, res);
    }
    if (subpath.startsWith('/export/')) {
      if (req.method !== 'GET') return sendJson(res, 405, {errors: [{path: '$', message: 'use GET'}]}, {Allow: 'GET'});
      return getExport(req, res, subpath.slice('/export/'.length), url);
    }
    return sendJson(res, 404, {errors: [{path: '$', message: `no such route: ${base}${subpath}`}]});
  }

  return {
    store,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return false;
      try {
        await route(req, res, url, url.pathname.slice(base.length));
      } catch (error) {
        if (error instanceof BodyError) {
          sendJson(res, error.status, {errors: [{...(url.pathname.endsWith('/receipts') ? {receiptId: null} : {}), path: '$', message: error.message}]}, cors.headers(req));
        } else if (!res.headersSent) {
          console.error('samtycke receiver:', error);
          sendJson(res, 500, {errors: [{path: '$', message: 'the receiver could not store this; send it again later'}]}, cors.headers(req));
        } else {
          res.destroy(error);
        }
      }
      return true;
    },
    /** Closes the store when the receiver opened it. */
    async close() {
      if (ownsStore) await store.close();
    },
  };
}
