import schemaJson from '../../../schema/privacy.schema.json';
import {suggest, validateSchema, type Schema} from '../config/schema-validator.js';
import type {Localized, Problem, ServiceConfig} from '../types.js';
import {ACTIVITY_TEMPLATE_DEFINITIONS, applyTemplate, templateNamesLaw, templateStatesInterest} from './activity-templates.js';
import {isInEea} from './transfers.js';
import type {ActivityConfig, PrivacyConfig, PrivacySection, RecipientConfig, Retention} from './types.js';
import {RIGHTS_REQUEST_TYPES} from '../rights/request-types.js';

const schema = schemaJson as Schema;

/** The request types every shop has (GDPR art. 7(3), 15–18, 20, 21); a shop's own ids must differ. */

export interface ValidatePrivacyOptions {
  /** The config's `languages`: every `Localized` text must have each of them. */
  readonly languages: readonly string[];
  /** The config file's name, for advice ("add a privacy section to /samtycke.config.json"). */
  readonly source?: string;
  /** `locales/privacy/en.json`: `privacy.*` keys in `texts` must be among its keys. */
  readonly referenceTexts?: Readonly<Record<string, string>>;
  /** The configured services (catalogue entries resolved): activities may name them as recipients. */
  readonly services?: readonly ServiceConfig[];
}

export interface PrivacyValidation {
  /** The section with templates applied; `null` when there is any problem. */
  readonly privacy: PrivacyConfig | null;
  readonly problems: readonly Problem[];
}

const REQUIRED_WITHOUT_TEMPLATE = ['id', 'title', 'purpose', 'dataCategories', 'legalBasis', 'requirement', 'retention'] as const;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates the `privacy` section of a configuration file (`json` is the whole file as loaded)
 * against `schema/privacy.schema.json` and the rules a schema cannot state: a legitimate
 * interest is stated, recipients exist, every language has its text, recipients outside the
 * EU/EEA name a safeguard. Never throws; with any problem `privacy` is `null`, and the policy
 * shows a notice instead of an incomplete text.
 */
export function validatePrivacy(json: unknown, {languages, source = 'the configuration', referenceTexts, services}: ValidatePrivacyOptions): PrivacyValidation {
  const section = isObject(json) ? json.privacy : undefined;
  if (section === undefined) {
    return {privacy: null, problems: [{path: '$.privacy', message: 'is missing: the privacy policy needs it', fix: `add a "privacy" section to ${source} (see the README: The privacy section)`}]};
  }
  const {value, problems: schemaProblems} = validateSchema(section, schema, '$.privacy');
  const problems: Problem[] = [...schemaProblems, ...checkTexts(isObject(json) ? json.texts : undefined, referenceTexts)];
  if (schemaProblems.length) return {privacy: null, problems};
  const raw = value as PrivacySection & {recipients: readonly RecipientConfig[]};
  const found = (path: string, message: string, fix: string) => void problems.push({path, message, fix});

  const checkLocalized = (text: Localized | undefined | null, path: string) => {
    if (text === undefined || text === null || typeof text === 'string') return;
    for (const lang of languages) {
      if (!Object.hasOwn(text, lang)) found(path, `has no "${lang}" text`, `add "${lang}": "…", or write one string for all languages`);
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        const guess = suggest(lang, languages);
        found(`${path}.${lang}`, `"${lang}" is not one of languages`, guess ? `did you mean "${guess}"?` : `add "${lang}" to languages, or remove this text`);
      }
    }
  };

  if (Number.isNaN(Date.parse(`${raw.lastUpdated}T00:00:00Z`)) || new Date(`${raw.lastUpdated}T00:00:00Z`).toISOString().slice(0, 10) !== raw.lastUpdated) {
    found('$.privacy.lastUpdated', `"${raw.lastUpdated}" is not a date in the calendar`, 'write a real date as YYYY-MM-DD');
  }
  checkLocalized(raw.intro, '$.privacy.intro');
  checkLocalized(raw.authority?.name, '$.privacy.authority.name');
  checkLocalized(raw.privacyCenterUrl, '$.privacy.privacyCenterUrl');

  const recipientIds = new Set<string>();
  raw.recipients.forEach((recipient, i) => {
    const at = `$.privacy.recipients[${i}]`;
    if (recipientIds.has(recipient.id)) found(`${at}.id`, `"${recipient.id}" is declared twice`, 'give each recipient its own id');
    recipientIds.add(recipient.id);
    checkLocalized(recipient.purpose, `${at}.purpose`);
    checkLocalized(recipient.privacyPolicyUrl, `${at}.privacyPolicyUrl`);
    if (!isInEea(recipient.country) && !recipient.transfers?.some((t) => t.country === recipient.country)) {
      found(`${at}.transfers`, `${recipient.name} is in ${recipient.country}, outside the EU/EEA, and no safeguard is stated`,
        `add "transfers": [{"country": "${recipient.country}", "safeguard": "scc"}] with the safeguard your agreement names (adequacy, dpf, scc, bcr or derogation)`);
    }
  });
  (services ?? []).forEach((service, i) => {
    if (service.country && !isInEea(service.country) && !service.transfers?.some((t) => t.country === service.country)) {
      found(`$.services[${i}].transfers`, `${service.name} (${service.provider}) is in ${service.country}, outside the EU/EEA, and no safeguard is stated`,
        `add "transfers": [{"country": "${service.country}", "safeguard": "…"}] to the service`);
    }
  });
  const serviceIds = new Set((services ?? []).map((s) => s.id));

  const activityIds = new Set<string>();
  raw.activities.forEach((activity, i) => {
    const at = `$.privacy.activities[${i}]`;
    checkActivity(activity, at, found, checkLocalized);
    const id = activity.id ?? activity.template;
    if (id && activityIds.has(id)) found(`${at}.id`, `two activities have the id "${id}"`, 'give the second one its own "id"');
    if (id) activityIds.add(id);
    activity.recipients?.forEach((ref, j) => {
      if (recipientIds.has(ref) || serviceIds.has(ref)) return;
      const guess = suggest(ref, [...recipientIds, ...serviceIds]);
      found(`${at}.recipients[${j}]`, `"${ref}" is neither a recipient nor a service`,
        guess ? `did you mean "${guess}"?` : `add a recipient with "id": "${ref}" to privacy.recipients, or remove it`);
    });
  });

  const rights = raw.rightsRequests ?? {};
  const typeIds = new Set<string>();
  rights.types?.forEach((type, i) => {
    const at = `$.privacy.rightsRequests.types[${i}]`;
    if ((RIGHTS_REQUEST_TYPES as readonly string[]).includes(type.id)) found(`${at}.id`, `"${type.id}" is a built-in request type`, 'give your own type another id, such as "delete-uploads"');
    if (typeIds.has(type.id)) found(`${at}.id`, `"${type.id}" is declared twice`, 'give each type its own id');
    typeIds.add(type.id);
    checkLocalized(type.title, `${at}.title`);
    checkLocalized(type.description, `${at}.description`);
  });

  if (problems.length) return {privacy: null, problems};
  return {
    problems: [],
    privacy: {
      controller: raw.controller,
      dpo: raw.dpo ?? null,
      authority: raw.authority ?? null,
      version: raw.version,
      lastUpdated: raw.lastUpdated,
      intro: raw.intro ?? null,
      activities: raw.activities.map(applyTemplate),
      recipients: raw.recipients,
      rightsRequests: {...rights, email: rights.email ?? raw.controller.email, types: rights.types ?? []},
      privacyCenterUrl: raw.privacyCenterUrl ?? null,
    },
  };
}

type Found = (path: string, message: string, fix: string) => void;

/** The rules of one activity that the schema cannot state. */
function checkActivity(activity: ActivityConfig, at: string, found: Found, checkLocalized: (text: Localized | undefined, path: string) => void): void {
  const template = activity.template ? ACTIVITY_TEMPLATE_DEFINITIONS[activity.template] : undefined;
  if (!template) {
    for (const key of REQUIRED_WITHOUT_TEMPLATE) {
      if (activity[key] === undefined) found(`${at}.${key}`, 'is required for an activity without a template', `add "${key}", or start from a template such as {"template": "orders"}`);
    }
  } else if (!template.retention && !activity.retention) {
    found(`${at}.retention`, `the "${activity.template}" template needs your own retention period`, 'add "retention": {"period": "90 days", "after": "delivered"} with the period you keep the data');
  }
  const basis = activity.legalBasis ?? template?.legalBasis;
  const fromTemplate = !!activity.template && basis === template?.legalBasis;
  if (basis === 'legitimate-interests' && !activity.legitimateInterest && !(fromTemplate && templateStatesInterest(activity.template!))) {
    found(`${at}.legitimateInterest`, 'the legal basis is legitimate interests, but the interest is not stated', 'add "legitimateInterest": the interest you pursue, in plain words (GDPR art. 13(1)(d))');
  }
  if (basis === 'legal-obligation' && !activity.law && !(fromTemplate && templateNamesLaw(activity.template!))) {
    found(`${at}.law`, 'the legal basis is a legal obligation, but the law is not named', 'add "law": the law that obliges you, such as "Bokföringslagen (1999:1078) 7 kap."');
  }
  if (activity.retention) checkRetention(activity.retention, `${at}.retention`, found);
  for (const key of ['title', 'purpose', 'legitimateInterest', 'law', 'automatedDecisions'] as const) checkLocalized(activity[key], `${at}.${key}`);
  checkLocalized(activity.requirement?.consequence, `${at}.requirement.consequence`);
  checkLocalized(activity.retention?.text, `${at}.retention.text`);
  activity.dataCategories?.forEach((category, j) => checkLocalized(category, `${at}.dataCategories[${j}]`));
}

/** A retention is one of three forms: a period after an event, until an event, or text. */
function checkRetention(retention: Retention, at: string, found: Found): void {
  const forms = [retention.period !== undefined || retention.after !== undefined, retention.until !== undefined, retention.text !== undefined].filter(Boolean).length;
  const fix = 'write {"period": "90 days", "after": "delivered"}, {"until": "withdrawal"} or {"text": "…"}';
  if (forms > 1) found(at, 'mixes two ways of stating the retention', fix);
  else if (retention.period !== undefined && retention.after === undefined) found(`${at}.after`, 'the period does not say what it counts from', 'add "after": "delivered", "order", "collected", "case-closed", "account-closed", "financial-year-end" or "last-activity"');
  else if (retention.after !== undefined && retention.period === undefined) found(`${at}.period`, 'says what the period counts from, but not how long it is', 'add "period": such as "90 days"');
}

/** `privacy.*` text overrides: known keys, and only the placeholders the policy fills. */
function checkTexts(texts: unknown, reference: Readonly<Record<string, string>> | undefined): Problem[] {
  if (!reference || !isObject(texts)) return [];
  const problems: Problem[] = [];
  for (const [lang, entries] of Object.entries(texts)) {
    if (!isObject(entries)) continue;
    for (const [key, text] of Object.entries(entries)) {
      if (!key.startsWith('privacy.') || typeof text !== 'string') continue;
      const path = `$.texts.${lang}["${key}"]`;
      if (!Object.hasOwn(reference, key)) {
        const guess = suggest(key, Object.keys(reference));
        problems.push({path, message: `unknown text key "${key}"`, fix: guess ? `did you mean "${guess}"?` : 'use a key from locales/privacy/en.json'});
      } else if (placeholders(text).some((name) => !placeholders(reference[key]).includes(name))) {
        problems.push({path, message: 'uses a placeholder the policy does not fill', fix: `use only ${placeholders(reference[key]).map((p) => `{${p}}`).join(', ') || 'plain text (no {placeholders})'}`});
      }
    }
  }
  return problems;
}
