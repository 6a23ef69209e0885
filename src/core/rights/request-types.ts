import type {Localized} from '../types.js';

/**
 * The rights a visitor may use under the GDPR (articles 15–22 and 7(3)), as request types.
 * Their titles and one-line explanations are in the locales under `rights.type.<id>.*`.
 */
export const RightsRequestType = {
  /** Art. 15: a copy of the data and how it is used. */
  Access: 'access',
  /** Art. 16: correct what is wrong or incomplete. */
  Rectification: 'rectification',
  /** Art. 17: erase; what the law makes the shop keep (accounting records) stays. */
  Erasure: 'erasure',
  /** Art. 18: keep the data but stop using it for a while. */
  Restriction: 'restriction',
  /** Art. 21(1): object to processing based on legitimate interests. */
  Objection: 'objection',
  /** Art. 21(2)–(3): object to direct marketing; the shop must always stop. */
  ObjectionDirectMarketing: 'objection-direct-marketing',
  /** Art. 20: the data the visitor gave, in a machine-readable format. */
  Portability: 'portability',
  /** Art. 7(3): withdraw a consent given to the shop (newsletter, reviews, …). */
  WithdrawConsent: 'withdraw-consent',
} as const;
export type RightsRequestType = (typeof RightsRequestType)[keyof typeof RightsRequestType];

/** The built-in types in the order a form lists them. */
export const RIGHTS_REQUEST_TYPES: readonly RightsRequestType[] = Object.values(RightsRequestType);

/** Whether `id` is one of the built-in request types. */
export const isRightsRequestType = (id: unknown): id is RightsRequestType =>
  typeof id === 'string' && (RIGHTS_REQUEST_TYPES as readonly string[]).includes(id);

/**
 * A request type the shop adds in `privacy.rightsRequests.types`, such as
 * `{"id": "delete-uploads", "title": {"sv": "Radera mina uppladdade filer", "en": "Delete my uploaded files"}}`.
 */
export interface ShopRequestType {
  /** Lowercase letters, digits and hyphens; not one of the built-in ids. Sent as `type`. */
  readonly id: string;
  readonly title: Localized;
  /** One line that says what the request does. Default: none. */
  readonly description?: Localized;
}
