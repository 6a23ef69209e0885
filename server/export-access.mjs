// Who may download the exports: they hold names and e-mail addresses (rights requests) and the
// shop's proof of consent. With an admin token, whoever presents it; without one, nobody, unless
// local exports are switched on (the demo, a receiver on a developer's machine): then only the
// machine itself. A reverse proxy that sets neither Host nor forwarding headers makes every
// request look local, so a receiver on the internet must use a token.
import {createHash, timingSafeEqual} from 'node:crypto';

const LOOPBACK_ADDRESS = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?$/i;

const digest = (text) => createHash('sha256').update(text).digest();

/**
 * @param {{token?: string, localExports?: boolean}} options `token`: the admin token
 *   (`SAMTYCKE_ADMIN_TOKEN`); `localExports`: without a token, let loopback clients export
 * @returns {(req: import('node:http').IncomingMessage) => {status: number, message?: string, headers?: object}}
 *   status 200 when the request may export, else 401 or 403 with the reason
 */
export function exportAccess({token, localExports = false} = {}) {
  const expected = token ? digest(token) : null;
  return (req) => {
    if (expected) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
      // Compared as digests of equal length, in constant time.
      if (match && timingSafeEqual(digest(match[1]), expected)) return {status: 200};
      return {status: 401, message: 'send the admin token: Authorization: Bearer <SAMTYCKE_ADMIN_TOKEN>', headers: {'WWW-Authenticate': 'Bearer realm="samtycke"'}};
    }
    if (!localExports) return {status: 403, message: 'exports are closed until SAMTYCKE_ADMIN_TOKEN is set (or, on your own machine, SAMTYCKE_LOCAL_EXPORTS=1)'};
    // Behind a reverse proxy every request comes from loopback; the forwarding headers tell,
    // and a loopback Host refuses pages that rebind their own name to 127.0.0.1.
    const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => req.headers[name] !== undefined);
    const local = LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') && LOOPBACK_HOST.test(req.headers.host ?? '') && !forwarded;
    return local ? {status: 200}
      : {status: 403, message: 'exports are open only to this machine until SAMTYCKE_ADMIN_TOKEN is set'};
  };
}
