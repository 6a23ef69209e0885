// Which web pages may send receipts and requests: the receiver's own origin always, other origins
// only when listed. Browsers send `Origin` with every POST; a request without it (curl, a server)
// is not a page of another site and is let through.

/**
 * The origin the request was addressed to, as the browser sees it: https when the connection is
 * TLS or a proxy in front says so (`X-Forwarded-Proto`), host from `X-Forwarded-Host` or `Host`.
 */
export function ownOrigin(req) {
  const first = (name) => String(req.headers[name] ?? '').split(',')[0].trim();
  const proto = req.socket.encrypted || first('x-forwarded-proto').toLowerCase() === 'https' ? 'https' : 'http';
  const host = first('x-forwarded-host') || first('host');
  return `${proto}://${host}`.toLowerCase();
}

/** Is the request known to have come over https (directly, or to a proxy in front)? */
export const cameOverHttps = (req) => ownOrigin(req).startsWith('https:');

/**
 * @param {string[]} origins other origins allowed to send (`https://shop.example`); default none
 * @throws {TypeError} when an entry is not an http(s) origin
 */
export function corsPolicy(origins = []) {
  const allowed = new Set(origins.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : null;
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !entry.endsWith('#') && !entry.endsWith('?');
    if (!bare || !/^https?:$/.test(url.protocol)) {
      throw new TypeError(`Not an origin: ${JSON.stringify(entry)} (write it as "https://shop.example", no path)`);
    }
    return url.origin;
  }));

  /** `same`, `allowed` (listed other origin), `none` (no Origin header) or `refused`. */
  const classify = (req) => {
    const origin = req.headers.origin;
    if (origin === undefined) return 'none';
    if (origin.toLowerCase() === ownOrigin(req)) return 'same';
    return allowed.has(origin) ? 'allowed' : 'refused';
  };

  return {
    classify,
    /** Headers for the answer to a listed other origin; none otherwise. */
    headers(req) {
      return classify(req) === 'allowed' ? {'Access-Control-Allow-Origin': req.headers.origin, Vary: 'Origin'} : {Vary: 'Origin'};
    },
    /** Headers of a successful preflight (POST with a JSON body), or null when the origin may not send. */
    preflight(req) {
      const kind = classify(req);
      if (kind === 'refused') return null;
      const method = String(req.headers['access-control-request-method'] ?? 'POST');
      if (method !== 'POST') return null;
      return {
        ...this.headers(req),
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        // Chromium caps the preflight cache at two hours.
        'Access-Control-Max-Age': '7200',
      };
    },
  };
}
