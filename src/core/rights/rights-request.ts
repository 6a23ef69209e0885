import {randomUuid} from '../receipts/receipt.js';
import {dueDate} from './due-date.js';
import type {RightsRequestType} from './request-types.js';

/**
 * A rights request as sent to `privacy.rightsRequests.endpoint` (`POST`, JSON). Holds only what
 * identifying the visitor and answering them needs.
 */
export interface RightsRequest {
  /** UUID; the endpoint treats a second request with the same id as the same request. */
  readonly requestId: string;
  /** A built-in type or the id of a shop type. */
  readonly type: RightsRequestType | (string & {});
  /** ISO 8601, UTC. */
  readonly submittedAt: string;
  /** `YYYY-MM-DD`: one calendar month after submission (GDPR art. 12(3)). */
  readonly dueDate: string;
  /** The language the visitor wrote in and wants the answer in. */
  readonly language: string;
  readonly name: string;
  readonly email: string;
  /** Left out when the visitor gave none. */
  readonly orderNumber?: string;
  /** Left out when the visitor wrote none. */
  readonly message?: string;
  /** Page the request was made on: origin and path, without query or fragment. */
  readonly page: string;
}

/** What the visitor filled in, and where. */
export interface RightsRequestInput {
  readonly type: string;
  readonly name: string;
  readonly email: string;
  readonly orderNumber?: string;
  readonly message?: string;
  readonly language: string;
  /** The page's address; its query and fragment are dropped. */
  readonly page: string;
}

/** The platform `buildRequest` uses; tests hand in fixed values. */
export interface BuildRequestOptions {
  /** Default: the current time. */
  readonly now?: () => Date;
  /** Default: a random version 4 UUID. */
  readonly randomId?: () => string;
  /** The request id to keep, when the same request is sent again after a failure. */
  readonly requestId?: string;
  /** Time zone of the due date's calendar. Default: the browser's. */
  readonly timeZone?: string;
}

/** Origin and path only: a query can carry tokens or tracking ids that have no place in a request. */
function pageAddress(page: string): string {
  try {
    const url = new URL(page);
    return url.origin + url.pathname;
  } catch {
    return page.replace(/[?#].*$/s, '');
  }
}

/**
 * Builds the request to send: trims what the visitor typed, leaves out empty optional fields,
 * stamps the submission time and the due date, and gives it an id (or keeps `requestId`).
 */
export function buildRequest(input: RightsRequestInput, options: BuildRequestOptions = {}): RightsRequest {
  const {now = () => new Date(), randomId = randomUuid, requestId, timeZone} = options;
  const submitted = now();
  const orderNumber = input.orderNumber?.trim();
  const message = input.message?.trim();
  return {
    requestId: requestId ?? randomId(),
    type: input.type,
    submittedAt: submitted.toISOString(),
    dueDate: dueDate(submitted, {timeZone}),
    language: input.language,
    name: input.name.trim(),
    email: input.email.trim(),
    ...(orderNumber ? {orderNumber} : {}),
    ...(message ? {message} : {}),
    page: pageAddress(input.page),
  };
}

/** Whether two requests ask the same of the same person (everything but id and timestamps). */
export function sameRequest(a: RightsRequest, b: RightsRequest): boolean {
  const keys = ['type', 'language', 'name', 'email', 'orderNumber', 'message', 'page'] as const;
  return keys.every((key) => a[key] === b[key]);
}
