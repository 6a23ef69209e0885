/**
 * The `privacy` section of the configuration: what the privacy policy, the cookie declaration
 * and the privacy center say about the shop. `schema/privacy.schema.json` is the same contract
 * for editors; `validatePrivacy` enforces it. Shop texts are `Localized` and shown as text only.
 */
import type {Duration, Localized, Transfer} from '../types.js';

/** The legal bases of GDPR art. 6(1), (a) to (f). */
export const LegalBasis = {
  Consent: 'consent',
  Contract: 'contract',
  LegalObligation: 'legal-obligation',
  VitalInterests: 'vital-interests',
  PublicTask: 'public-task',
  LegitimateInterests: 'legitimate-interests',
} as const;
export type LegalBasis = (typeof LegalBasis)[keyof typeof LegalBasis];

/** The ready-made processing activities a shop switches on with `{"template": "…"}`. */
export const ACTIVITY_TEMPLATES = [
  'orders', 'account', 'customer-service', 'bookkeeping', 'fraud-prevention', 'newsletter', 'uploads',
  'analytics-cookies', 'marketing-cookies',
] as const;
export type ActivityTemplateId = (typeof ACTIVITY_TEMPLATES)[number];

/** Kinds of personal data with ready texts; a shop may also write its own as text. */
export const DATA_CATEGORIES = [
  'identity', 'contact', 'email', 'address', 'order', 'payment', 'delivery', 'account', 'messages', 'files',
  'technical', 'usage', 'identifiers', 'newsletter',
] as const;
export type DataCategoryId = (typeof DATA_CATEGORIES)[number];

/** What a retention period counts from. */
export const RETENTION_START = ['collected', 'order', 'delivered', 'case-closed', 'account-closed', 'financial-year-end', 'last-activity'] as const;
export type RetentionStart = (typeof RETENTION_START)[number];

/** What ends an open-ended retention. */
export const RETENTION_END = ['withdrawal', 'account-closed', 'cookie-expiry', 'delivered'] as const;
export type RetentionEnd = (typeof RETENTION_END)[number];

/**
 * How long data is kept: a period after an event (`{"period": "90 days", "after": "delivered"}`),
 * until an event (`{"until": "withdrawal"}`), or the shop's own words (`{"text": {…}}`).
 */
export interface Retention {
  readonly period?: Duration;
  readonly after?: RetentionStart;
  readonly until?: RetentionEnd;
  readonly text?: Localized;
}

/** Whether the visitor must provide the data (GDPR art. 13(2)(e)) and what follows if not. */
export interface Requirement {
  /** `contract`: needed to make or carry out the contract; `law`: required by law; `none`: voluntary. */
  readonly type: 'contract' | 'law' | 'none';
  readonly consequence?: Localized;
}

/**
 * One processing activity. With `template`, every other field is optional and overrides the
 * template; without it, `id`, `title`, `purpose`, `dataCategories`, `legalBasis`, `requirement`
 * and `retention` are required.
 */
export interface ActivityConfig {
  readonly template?: ActivityTemplateId;
  /** Anchor and reference id; defaults to the template id. */
  readonly id?: string;
  readonly title?: Localized;
  readonly purpose?: Localized;
  /** Built-in category ids (`"contact"`) or the shop's own text. Replaces the template's list. */
  readonly dataCategories?: readonly (DataCategoryId | Localized)[];
  readonly legalBasis?: LegalBasis;
  /** The interest pursued; required with `legitimate-interests` (GDPR art. 13(1)(d)). */
  readonly legitimateInterest?: Localized;
  /** The law that obliges the processing, with `legal-obligation` ("Bokföringslagen 7 kap."). */
  readonly law?: Localized;
  readonly requirement?: Requirement;
  readonly retention?: Retention;
  /** Ids of `privacy.recipients` or of configured services. */
  readonly recipients?: readonly string[];
  /** Automated decisions or profiling in this activity: the logic and what it means for the visitor. */
  readonly automatedDecisions?: Localized;
}

/** Who receives personal data. */
export interface RecipientConfig {
  readonly id: string;
  /** Legal name: "Klarna Bank AB (publ)". */
  readonly name: string;
  /** `processor`: acts on the shop's instructions; `controller`: decides for itself. */
  readonly role: 'processor' | 'controller' | 'joint-controller';
  readonly purpose: Localized;
  /** ISO 3166-1 alpha-2 country of the legal entity. */
  readonly country: string;
  /** Transfers outside the EU/EEA and their safeguards. */
  readonly transfers?: readonly Transfer[];
  readonly privacyPolicyUrl?: Localized;
}

/** The shop: the controller of the personal data. */
export interface Controller {
  /** Legal name of the company or sole trader. */
  readonly name: string;
  readonly organisationNumber: string;
  /** Postal address on one line: "Exempelgatan 3, 123 45 Småstad". */
  readonly address: string;
  /** Where privacy questions and requests go. */
  readonly email: string;
  readonly phone?: string;
  readonly website?: string;
}

/** The data protection officer, where one is appointed. */
export interface Dpo {
  readonly name?: string;
  readonly email: string;
  readonly phone?: string;
}

/** The supervisory authority visitors may complain to. Default: IMY. */
export interface Authority {
  readonly name: Localized;
  readonly website: string;
  readonly email?: string;
  readonly phone?: string;
}

/** A request type of the shop's own, such as "delete my uploaded files". */
export interface RequestTypeConfig {
  readonly id: string;
  readonly title: Localized;
  readonly description?: Localized;
}

/** Where rights requests go (read by the privacy center). */
export interface RightsRequests {
  /** POST endpoint for requests as JSON; without it the form opens a prefilled e-mail. */
  readonly endpoint?: string;
  /** Default: `controller.email`. */
  readonly email?: string;
  readonly types?: readonly RequestTypeConfig[];
}

/** The `privacy` section as written. */
export interface PrivacySection {
  readonly controller: Controller;
  readonly dpo?: Dpo;
  readonly authority?: Authority;
  /** Version of the policy, such as "2.1". */
  readonly version: string;
  /** YYYY-MM-DD. */
  readonly lastUpdated: string;
  /** A few words of the shop's own at the top of the policy. */
  readonly intro?: Localized;
  readonly activities: readonly ActivityConfig[];
  readonly recipients?: readonly RecipientConfig[];
  readonly rightsRequests?: RightsRequests;
  /** The page with `<samtycke-privacy-center>`, linked from the rights section. */
  readonly privacyCenterUrl?: Localized;
}

/** An activity with its template applied: every field the policy shows is there. */
export interface Activity {
  readonly id: string;
  readonly template?: ActivityTemplateId;
  readonly title: Localized | null;
  readonly purpose: Localized | null;
  readonly dataCategories: readonly (DataCategoryId | Localized)[];
  readonly legalBasis: LegalBasis;
  readonly legitimateInterest: Localized | null;
  readonly law: Localized | null;
  readonly requirement: Requirement;
  readonly retention: Retention;
  readonly recipients: readonly string[];
  readonly automatedDecisions: Localized | null;
}

/** The validated `privacy` section with templates applied and defaults filled in. */
export interface PrivacyConfig {
  readonly controller: Controller;
  readonly dpo: Dpo | null;
  /** `null`: IMY, with the texts of the locales. */
  readonly authority: Authority | null;
  readonly version: string;
  readonly lastUpdated: string;
  readonly intro: Localized | null;
  readonly activities: readonly Activity[];
  readonly recipients: readonly RecipientConfig[];
  readonly rightsRequests: RightsRequests & {readonly email: string; readonly types: readonly RequestTypeConfig[]};
  readonly privacyCenterUrl: Localized | null;
}
