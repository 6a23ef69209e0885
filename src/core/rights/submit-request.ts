import type {RightsRequest} from './rights-request.js';

/** The shop's endpoint took the request. */
export interface SubmitSuccess {
  readonly ok: true;
  readonly requestId: string;
  /** When the shop received it (ISO 8601), as it answered; the request's own time when it did not say. */
  readonly receivedAt: string;
}

/** A problem the endpoint found in the request (`400 {"errors": [{path, message}]}`). */
export interface RequestError {
  /** The field, such as `"email"`; `""` for the request as a whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * The request did not arrive, or was refused. `reason`:
 * - `network` — no answer (offline, DNS, CORS, the timeout); sending again may work.
 * - `server` — the endpoint answered with an error (5xx, 404, …); sending again later may work.
 * - `rejected` — the endpoint refused the request as invalid (400); `errors` says why.
 */
export interface SubmitFailure {
  readonly ok: false;
  readonly reason: 'network' | 'server' | 'rejected';
  /** HTTP status, when there was an answer. */
  readonly status?: number;
  readonly errors: readonly RequestError[];
}

export type SubmitResult = SubmitSuccess | SubmitFailure;

/** Options of `submitRequest`. */
export interface SubmitOptions {
  /** Milliseconds to wait for an answer before giving up with `network`. Default 15 000. */
  readonly timeout?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `errors` of a 400 answer, keeping only well-formed entries. */
function readErrors(body: unknown): RequestError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    path: typeof e.path === 'string' ? e.path : '',
    message: typeof e.message === 'string' ? e.message : '',
  })).filter((e) => e.message);
}

/**
 * Sends `request` to the shop's endpoint as JSON (`POST`, `Content-Type: application/json`).
 * Never throws: resolves with `{ok: true, requestId, receivedAt}` on any 2xx (the contract names 201 and 200), or with a
 * failure that says whether sending again can help. Sending the same request again is safe: the
 * endpoint answers a known `requestId` with 200 and the first answer.
 */
export async function submitRequest(
  endpoint: string, request: RightsRequest, fetcher: typeof fetch = globalThis.fetch.bind(globalThis), {timeout = 15_000}: SubmitOptions = {},
): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetcher(endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify(request),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeout),
    });
  } catch {
    return {ok: false, reason: 'network', errors: []};
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const answer = isRecord(body) ? body : {};
    return {
      ok: true,
      requestId: typeof answer.requestId === 'string' ? answer.requestId : request.requestId,
      receivedAt: typeof answer.receivedAt === 'string' && !Number.isNaN(Date.parse(answer.receivedAt)) ? answer.receivedAt : request.submittedAt,
    };
  }
  if (response.status === 400) return {ok: false, reason: 'rejected', status: 400, errors: readErrors(body)};
  return {ok: false, reason: 'server', status: response.status, errors: []};
}
