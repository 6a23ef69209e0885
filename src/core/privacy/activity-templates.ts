import type {ActivityConfig, ActivityTemplateId, DataCategoryId, LegalBasis, Requirement, Retention, Activity} from './types.js';

/**
 * What a template supplies besides its texts. The texts (title, purpose, interest, law,
 * consequence) live in `locales/privacy/*.json` under `privacy.template.<id>.*`, so a template
 * reads naturally in every language; the shop overrides any of them in its config.
 */
export interface ActivityTemplate {
  readonly legalBasis: LegalBasis;
  readonly dataCategories: readonly DataCategoryId[];
  readonly requirement: Requirement['type'];
  /** `undefined`: the shop must state it (how long uploaded files are kept is its own decision). */
  readonly retention: Retention | undefined;
  /** Consent templates: the services of this category are the recipients. */
  readonly category?: string;
}

/** The templates, in the order a policy lists them when a shop switches on several. */
export const ACTIVITY_TEMPLATE_DEFINITIONS: Readonly<Record<ActivityTemplateId, ActivityTemplate>> = {
  orders: {
    legalBasis: 'contract',
    dataCategories: ['identity', 'contact', 'address', 'order', 'payment', 'delivery'],
    requirement: 'contract',
    // Konsumentköplagen (2022:260): a consumer may complain about a fault for three years.
    retention: {period: '3 years', after: 'delivered'},
  },
  account: {
    legalBasis: 'contract',
    dataCategories: ['identity', 'contact', 'address', 'account', 'order'],
    requirement: 'contract',
    retention: {until: 'account-closed'},
  },
  'customer-service': {
    legalBasis: 'legitimate-interests',
    dataCategories: ['identity', 'contact', 'messages', 'order'],
    requirement: 'none',
    retention: {period: '2 years', after: 'case-closed'},
  },
  bookkeeping: {
    legalBasis: 'legal-obligation',
    dataCategories: ['identity', 'address', 'order', 'payment'],
    requirement: 'law',
    // Bokföringslagen (1999:1078) 7 kap. 2 §: until the end of the seventh year after the
    // calendar year in which the financial year ended.
    retention: {period: '7 years', after: 'financial-year-end'},
  },
  'fraud-prevention': {
    legalBasis: 'legitimate-interests',
    dataCategories: ['technical', 'order', 'payment'],
    requirement: 'none',
    retention: {period: '6 months', after: 'collected'},
  },
  newsletter: {
    legalBasis: 'consent',
    dataCategories: ['email', 'newsletter'],
    requirement: 'none',
    retention: {until: 'withdrawal'},
  },
  uploads: {
    legalBasis: 'contract',
    dataCategories: ['files', 'order'],
    requirement: 'contract',
    retention: undefined,
  },
  'analytics-cookies': {
    legalBasis: 'consent',
    dataCategories: ['identifiers', 'usage', 'technical'],
    requirement: 'none',
    retention: {until: 'cookie-expiry'},
    category: 'analytics',
  },
  'marketing-cookies': {
    legalBasis: 'consent',
    dataCategories: ['identifiers', 'usage', 'technical'],
    requirement: 'none',
    retention: {until: 'cookie-expiry'},
    category: 'marketing',
  },
};

/** Templates with an interest text in the locales (`privacy.template.<id>.interest`). */
const WITH_INTEREST = new Set<ActivityTemplateId>(['customer-service', 'fraud-prevention']);
/** Templates with a law text in the locales (`privacy.template.<id>.law`). */
const WITH_LAW = new Set<ActivityTemplateId>(['bookkeeping']);

/** Whether the template's locale texts state the legitimate interest. */
export const templateStatesInterest = (id: ActivityTemplateId): boolean => WITH_INTEREST.has(id);
/** Whether the template's locale texts name the law. */
export const templateNamesLaw = (id: ActivityTemplateId): boolean => WITH_LAW.has(id);

/**
 * Applies an activity's template: the shop's fields win, the template fills the rest. Texts the
 * shop does not override stay `null` and come from the locales when the policy is built.
 * Without a template the activity must be complete (the validator has checked it).
 */
export function applyTemplate(input: ActivityConfig): Activity {
  const template = input.template ? ACTIVITY_TEMPLATE_DEFINITIONS[input.template] : undefined;
  return {
    id: input.id ?? input.template ?? 'activity',
    template: input.template,
    title: input.title ?? null,
    purpose: input.purpose ?? null,
    dataCategories: input.dataCategories ?? template?.dataCategories ?? [],
    legalBasis: input.legalBasis ?? template?.legalBasis ?? 'consent',
    legitimateInterest: input.legitimateInterest ?? null,
    law: input.law ?? null,
    requirement: {type: input.requirement?.type ?? template?.requirement ?? 'none', consequence: input.requirement?.consequence},
    retention: input.retention ?? template?.retention ?? {},
    recipients: input.recipients ?? [],
    automatedDecisions: input.automatedDecisions ?? null,
  };
}
