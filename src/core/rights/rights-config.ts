import {validatePrivacy} from '../privacy/validate-privacy.js';
import type {Localized, Problem, ServiceConfig} from '../types.js';
import {isMailAddress} from './request-mail.js';
import {isRightsRequestType, type ShopRequestType} from './request-types.js';

/** Where and how the privacy center sends rights requests, read from the config's `privacy` section. */
export interface RightsConfig {
  /**
   * The privacy address: `privacy.rightsRequests.email`, else `privacy.controller.email`. Requests
   * go there as a prefilled e-mail when there is no endpoint, and after a failed send.
   */
  readonly email: string | null;
  /** `privacy.rightsRequests.endpoint`; `null` means e-mail (the default, no server needed). */
  readonly endpoint: string | null;
  /** The shop's own request types, after the built-in ones. Default: none. */
  readonly types: readonly ShopRequestType[];
}

/** The result of `readRightsConfig`: `config` is `null` when requests cannot be sent anywhere. */
export interface RightsConfigResult {
  readonly config: RightsConfig | null;
  readonly problems: readonly Problem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLocalized = (value: unknown): value is Localized =>
  (typeof value === 'string' && value.trim() !== '') ||
  (isRecord(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === 'string' && v.trim() !== ''));

/** An endpoint the form may post to: a path on the shop, or an `http(s)` URL. */
function isEndpoint(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value, 'https://shop.invalid/').protocol);
  } catch {
    return false;
  }
}

/** What `readRightsConfig` checks the section against when it validates all of it. */
export interface ReadRightsOptions {
  /** The config's `languages`; with them the whole section is validated first (`validatePrivacy`). */
  readonly languages?: readonly string[];
  /** The configured services, which activities may name as recipients. */
  readonly services?: readonly ServiceConfig[];
}

/**
 * Reads what the rights-request form needs from the configuration file (`json.privacy`). Never
 * throws. With `languages`, a section that passes `validatePrivacy` is taken as validated. A
 * section with problems elsewhere (an activity, a recipient) still gets its form: a visitor's
 * rights do not wait for the policy text to be fixed. Then only the values the form uses are
 * checked: a wrong endpoint falls back to e-mail and a wrong shop type is left out, each with a
 * problem; without any privacy address and endpoint, `config` is `null`.
 */
export function readRightsConfig(json: unknown, {languages, services}: ReadRightsOptions = {}): RightsConfigResult {
  const validated = languages ? validatePrivacy(json, {languages, services}).privacy?.rightsRequests : undefined;
  if (validated && isMailAddress(validated.email)) {
    return {config: {email: validated.email, endpoint: validated.endpoint ?? null, types: validated.types}, problems: []};
  }
  const problems: Problem[] = [];
  const privacy = isRecord(json) ? json.privacy : undefined;
  if (!isRecord(privacy)) {
    problems.push({path: '$.privacy', message: 'the privacy center needs a "privacy" section.',
      fix: 'add "privacy": {"controller": {"email": "privacy@your-shop.example", …}}.'});
    return {config: null, problems};
  }
  const controller = isRecord(privacy.controller) ? privacy.controller : {};
  const rights = privacy.rightsRequests === undefined ? {} : privacy.rightsRequests;
  if (!isRecord(rights)) {
    problems.push({path: '$.privacy.rightsRequests', message: 'must be an object.', fix: 'write {"email": "…"} or {"endpoint": "…"}, or leave it out.'});
  }
  const settings = isRecord(rights) ? rights : {};

  let email: string | null = null;
  for (const [path, value] of [['$.privacy.rightsRequests.email', settings.email], ['$.privacy.controller.email', controller.email]] as const) {
    if (value === undefined || email) continue;
    if (isMailAddress(value)) email = value;
    else problems.push({path, message: `${JSON.stringify(value)} is not an e-mail address.`, fix: 'write one address, such as "privacy@your-shop.example".'});
  }

  let endpoint: string | null = null;
  if (settings.endpoint !== undefined) {
    if (typeof settings.endpoint === 'string' && isEndpoint(settings.endpoint)) endpoint = settings.endpoint;
    else problems.push({path: '$.privacy.rightsRequests.endpoint', message: `${JSON.stringify(settings.endpoint)} is not an http(s) URL or path.`,
      fix: 'write a path such as "/samtycke-api/requests", or leave it out to receive requests by e-mail.'});
  }
  if (!email && !endpoint) {
    problems.push({path: '$.privacy.controller.email', message: 'there is no address for rights requests.',
      fix: 'add "controller": {"email": "privacy@your-shop.example"} to "privacy".'});
    return {config: null, problems};
  }
  return {config: {email, endpoint, types: readTypes(settings.types, problems)}, problems};
}

/** The valid shop types of `privacy.rightsRequests.types`; a problem for each one left out. */
function readTypes(value: unknown, problems: Problem[]): ShopRequestType[] {
  if (value === undefined) return [];
  const path = '$.privacy.rightsRequests.types';
  if (!Array.isArray(value)) {
    problems.push({path, message: 'must be a list.', fix: 'write [{"id": "delete-uploads", "title": {…}}].'});
    return [];
  }
  const types: ShopRequestType[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(entry) || typeof entry.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(entry.id)) {
      problems.push({path: `${at}.id`, message: 'needs an id of lowercase letters, digits and hyphens.', fix: 'write an id such as "delete-uploads".'});
    } else if (isRightsRequestType(entry.id) || types.some((t) => t.id === entry.id)) {
      problems.push({path: `${at}.id`, message: `"${entry.id}" is already a request type.`, fix: 'give the type an id of its own.'});
    } else if (!isLocalized(entry.title) || (entry.description !== undefined && !isLocalized(entry.description))) {
      problems.push({path: `${at}.title`, message: 'needs a title (and, if given, a description) for visitors.',
        fix: 'write {"sv": "…", "en": "…"} covering the shop\'s languages.'});
    } else {
      types.push({id: entry.id, title: entry.title, ...(entry.description === undefined ? {} : {description: entry.description as Localized})});
    }
  });
  return types;
}
