// Reads a JSON request body within a byte limit. A receiver on the open web must not buffer
// whatever it is sent.

/** A request the receiver refuses before looking at its content; `status` is the HTTP answer. */
export class BodyError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.name = 'BodyError';
    this.status = status;
  }
}

/** `application/json`, optionally with `charset=utf-8`. */
function isJson(contentType) {
  if (typeof contentType !== 'string') return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value = ''] = parameter.split('=').map((part) => part.trim());
    return name !== 'charset' || value.replaceAll('"', '') === 'utf-8';
  });
}

/**
 * The body's bytes; rejects with 413 as soon as it passes `limit`. The rest is still read and
 * discarded, so the client gets the answer instead of a reset connection while it uploads;
 * past 16 times the limit the connection is cut.
 */
function collect(req, limit) {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new BodyError(413, `the body must be at most ${limit} bytes`);
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size - chunk.length <= limit) reject(tooLarge());
      else if (size > limit * 16) req.destroy();
    });
    req.once('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.once('error', reject);
  });
}

/**
 * The parsed JSON body of `req`.
 * @param {import('node:http').IncomingMessage} req
 * @param {{limit: number}} options `limit`: the most bytes accepted
 * @returns {Promise<unknown>}
 * @throws {BodyError} 415 when it is not `application/json` in UTF-8 or is compressed, 413 when
 *   larger than `limit`, 400 when it is not valid UTF-8 JSON.
 */
export async function readJsonBody(req, {limit}) {
  if (!isJson(req.headers['content-type'])) throw new BodyError(415, 'Content-Type must be application/json (UTF-8)');
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') throw new BodyError(415, 'compressed bodies are not accepted');
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyError(413, `the body must be at most ${limit} bytes`);

  const chunks = await collect(req, limit);
  let text;
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(chunks);
  } catch {
    throw new BodyError(400, 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'the body is not valid JSON');
  }
}
