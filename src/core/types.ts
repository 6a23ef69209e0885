import type {ConsentModeKey} from './storage/decision-mirror.js';

/**
 * Public types of the Samtycke core: the configuration a shop owner writes, and the consent
 * record and state the widget keeps. The JSON Schema in `schema/samtycke.config.schema.json`
 * is the same contract for editors; `validateConfig` enforces it.
 */

/** Text for visitors: one string for every language, or one string per language tag. */
export type Localized = string | Readonly<Record<string, string>>;

/**
 * How long a cookie or key lives: `"session"`, `"persistent"` (until deleted), or a count and a
 * unit such as `"13 months"`. Rendered in the visitor's language.
 */
export type Duration = string;

/** A cookie a service sets. */
export interface CookieDeclaration {
  /** Cookie name; `*` matches any characters (`"_ga_*"`). */
  readonly name: string;
  readonly duration: Duration;
  /** `"first"` (the shop's own domain, default) or `"third"` (another domain). */
  readonly party?: 'first' | 'third';
  /** Domain the cookie lives on when it is not the shop's own, such as `".facebook.com"`. */
  readonly domain?: string;
  /** Path the cookie is set on; `"/"` when left out. Used when deleting it. */
  readonly path?: string;
  /** What this cookie does, when it differs from the service's purpose. */
  readonly purpose?: Localized;
}

/** A `localStorage` or `sessionStorage` key a service sets. */
export interface StorageDeclaration {
  /** Key name; `*` matches any characters. */
  readonly name: string;
  readonly type: 'local' | 'session';
  readonly duration?: Duration;
  readonly purpose?: Localized;
}

/** Legal ground for a transfer outside the EU/EEA (GDPR chapter V). */
export type TransferSafeguard = 'adequacy' | 'dpf' | 'scc' | 'bcr' | 'derogation';

export interface Transfer {
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  readonly safeguard: TransferSafeguard;
}

export interface EmbedInfo {
  /** What loading the embed shares with the provider, in the visitor's words. */
  readonly shares: Localized;
  /** The kind of content, for the button: "Load video", "Load map". */
  readonly kind: 'video' | 'map' | 'content';
}

/** A service that needs consent: the unit a visitor may allow or refuse on its own. */
export interface ServiceConfig {
  /** Id used in `data-service="…"`; lowercase letters, digits and hyphens. */
  readonly id: string;
  readonly name: string;
  /** Id of the category whose consent the service needs. */
  readonly category: string;
  /** Legal entity that runs the service. */
  readonly provider: string;
  readonly purpose: Localized;
  readonly privacyPolicyUrl?: Localized;
  /** Country of the legal entity, ISO 3166-1 alpha-2 ("IE", "US", "SE"). */
  readonly country?: string;
  /**
   * Where the service's scripts, iframes and pixels come from: `host[/path-prefix]`, where a host
   * starting with `*.` also matches its subdomains ("*.hotjar.com", "www.googletagmanager.com/gtm.js").
   * Untagged elements from these URLs are held until the service is allowed (automatic blocking).
   */
  readonly hosts?: readonly string[];
  /** Transfers of personal data outside the EU/EEA, with their safeguard. */
  readonly transfers?: readonly Transfer[];
  /** An embed (video, map): blocked iframes get a placeholder that says what loading shares. */
  readonly embed?: EmbedInfo;
  /** Default: none. */
  readonly cookies?: readonly CookieDeclaration[];
  /** Default: none. */
  readonly storage?: readonly StorageDeclaration[];
}

/** Text overrides of a category. Built-in ids have texts in the locales. */
export interface CategoryConfig {
  readonly title?: Localized;
  readonly description?: Localized;
}

/** The configuration file, as the shop owner writes it. */
export interface Config {
  /** Raise it to ask every visitor again. Integer ≥ 1. */
  readonly revision: number;
  /** Language tags the shop supports, such as `["sv", "en"]`. */
  readonly languages: readonly string[];
  /** Default: the first of `languages`. */
  readonly defaultLanguage?: string;
  /** Forces one language; default: follow `<html lang>`, then the browser. */
  readonly language?: string;
  /** Days a decision is kept, 183–395. Default 365. */
  readonly lifetimeDays?: number;
  readonly privacyPolicyUrl: Localized;
  /** Floating settings button after a decision. Default `true`. */
  readonly floatingButton?: boolean;
  /** Layout, corner and colour scheme. Default: bottom bar, right corner, following the visitor's system. */
  readonly appearance?: Partial<Appearance>;
  /** Reload when something that already ran on the page is withdrawn. Default `true`. */
  readonly reloadOnWithdrawal?: boolean;
  /** Categories in display order. Default: necessary, functional, analytics, marketing. */
  readonly categories?: Readonly<Record<string, CategoryConfig>>;
  /** Default: none. */
  readonly services?: readonly ServiceConfig[];
  /** Text overrides per language, keyed like `locales/en.json`. */
  readonly texts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Google Consent Mode v2; default on, basic mode. */
  readonly consentMode?: boolean | Partial<ConsentModeConfig>;
  /** Honour Global Privacy Control; default true (covers marketing). */
  readonly globalPrivacyControl?: boolean | {readonly categories: readonly string[]};
  /** Hold untagged elements from declared services' hosts; default true. */
  readonly autoBlock?: boolean;
  readonly consentLog?: {readonly endpoint: string};
  /** Read by the privacy bundle; the widget only checks it is an object. */
  readonly privacy?: Readonly<Record<string, unknown>>;
}

/** How the widget looks (config `appearance`); colours and fonts come from CSS custom properties. */
export interface Appearance {
  /** `bar` (default): along the bottom of the screen; `box`: a bottom corner; `center`: the middle. None is modal. */
  readonly layout: 'bar' | 'box' | 'center';
  /** The bottom corner of the box layout and of the floating settings button. Default `right`. */
  readonly corner: 'left' | 'right';
  /** `auto` (default): follow `prefers-color-scheme`; `light` or `dark`: always that palette. */
  readonly colorScheme: 'auto' | 'light' | 'dark';
}

/** Google Consent Mode v2 settings. */
export interface ConsentModeConfig {
  readonly mode: 'basic' | 'advanced';
  readonly urlPassthrough: boolean;
  /** Category id → Consent Mode keys it grants. */
  readonly mapping: Readonly<Record<string, readonly ConsentModeKey[]>>;
}

/** A category after validation. */
export interface Category extends CategoryConfig {
  readonly id: string;
  /** `true` only for `necessary`: always on, cannot be refused. */
  readonly required: boolean;
  readonly services: readonly ServiceConfig[];
}

/** A validated configuration with every default applied. */
export interface ResolvedConfig {
  readonly revision: number;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly language: string | undefined;
  readonly lifetimeDays: number;
  readonly privacyPolicyUrl: Localized;
  readonly floatingButton: boolean;
  readonly appearance: Appearance;
  readonly reloadOnWithdrawal: boolean;
  readonly categories: readonly Category[];
  readonly services: readonly ServiceConfig[];
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Null when Consent Mode is off. */
  readonly consentMode: ConsentModeConfig | null;
  /** Categories Global Privacy Control covers; empty when GPC is not honoured. */
  readonly gpcCategories: readonly string[];
  readonly autoBlock: boolean;
  /** Null when receipts stay on the device. */
  readonly consentLog: {readonly endpoint: string} | null;
}

/** How a decision was given. */
export const ConsentMethod = {
  AcceptAll: 'accept-all',
  RejectAll: 'reject-all',
  Custom: 'custom',
  Withdrawal: 'withdrawal',
  /** A service allowed on its own, e.g. "Always allow YouTube" in an embed placeholder. */
  Service: 'service',
  /** The stored consent ran out; nothing but necessary is allowed. Receipts only. */
  Expiry: 'expiry',
  /** Global Privacy Control took back an earlier marketing grant. */
  Gpc: 'gpc',
} as const;
export type ConsentMethod = (typeof ConsentMethod)[keyof typeof ConsentMethod];

/** The stored decision of one visitor on one device. */
export interface ConsentRecord {
  /** Random id of this visitor's consent, kept across changes; proof without personal data. */
  readonly consentId: string;
  readonly method: ConsentMethod;
  /** Where the decision was made. */
  readonly source?: ConsentSource;
  /** ISO 8601 time of the decision. */
  readonly timestamp: string;
  /** ISO 8601 time after which the visitor is asked again. */
  readonly expires: string;
  /** `revision` of the configuration the decision was given on. */
  readonly revision: number;
  /** Language the texts were shown in. */
  readonly language: string;
  /** Every category of the configuration, `true` when allowed. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Every service of the configuration, `true` when allowed. */
  readonly services: Readonly<Record<string, boolean>>;
  /** Set when the browser sent Global Privacy Control as the visitor decided. */
  readonly gpc?: boolean;
  /**
   * Set on a service allowed on its own (an embed's "Always allow") before the visitor answered
   * the banner: the banner still asks about everything else.
   */
  readonly undecided?: boolean;
}

/** Why there is no valid decision. */
export type UndecidedReason = 'new' | 'expired' | 'revision';

/** An immutable snapshot of the consent; a new object on every change. */
export interface ConsentState {
  /**
   * `loading` until the stored decision has been read, then `undecided` or `decided`;
   * `unavailable` when the configuration failed and nothing but `necessary` is allowed.
   */
  readonly status: 'loading' | 'undecided' | 'decided' | 'unavailable';
  /** Why the visitor must be asked, when `undecided`. */
  readonly reason: UndecidedReason | null;
  /** What is allowed now, per category. Only `necessary` is `true` until a decision. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** What is allowed now, per service. */
  readonly services: Readonly<Record<string, boolean>>;
  /** The decision in force, or `null`. */
  readonly record: ConsentRecord | null;
  /** `false` when the decision could not be stored and holds for this page view only. */
  readonly persisted: boolean;
}

/** The visitor's choice per category: `{analytics: true}`. Categories left out are refused. */
export type ConsentChoices = Readonly<Record<string, boolean>>;

/** Where a decision was made. */
export type ConsentSource = 'banner' | 'preferences' | 'privacy-center' | 'embed' | 'gpc' | 'expiry' | 'api';

/** Options of `acceptAll`, `rejectAll`, `save` and `withdraw`. */
export interface DecisionOptions {
  /**
   * Per-service choices: `{"meta-pixel": false}`. A service left out follows its category.
   * A service can only be allowed when its category is.
   */
  readonly services?: Readonly<Record<string, boolean>>;
  /** Where the decision was made. Default `"api"`. */
  readonly source?: ConsentSource;
}

/** A problem found in a configuration or on the page. */
export interface Problem {
  /** Where: a JSON path such as `$.services[2].cookies[0].duration`, or an element. */
  readonly path: string;
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}
