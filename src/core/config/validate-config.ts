import schemaJson from '../../../schema/samtycke.config.schema.json';
import type {Appearance, Category, CategoryConfig, Config, ConsentModeConfig, Localized, Problem, ResolvedConfig, ServiceConfig} from '../types.js';
import {DEFAULT_MAPPING} from '../integrations/google-consent-mode.js';
import {validateSchema, suggest, type Schema} from './schema-validator.js';

const schema = schemaJson as Schema;

/** Categories with texts in the locales; any other id needs its own title and description. */
export const BUILT_IN_CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'] as const;

/** What `validateConfig` returns: a resolved config only when there are no problems. */
export interface ValidationResult {
  readonly config: ResolvedConfig | null;
  readonly problems: readonly Problem[];
}

export interface ValidateOptions {
  /**
   * The reference locale (`locales/en.json`): `texts` overrides may only use its keys and
   * placeholders. Without it, override keys are not checked.
   */
  readonly referenceTexts?: Readonly<Record<string, string>>;
}

/** Text keys of the privacy bundle, which checks them itself. */
const PRIVACY_TEXT_KEY = /^(privacy|center|rights)\./;


const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Validates a parsed configuration file against the schema and the rules a schema cannot state
 * (languages cover every text, services name declared categories, ids are unique). Never throws:
 * a config with any problem yields `config: null`, and the caller must release nothing.
 */
export function validateConfig(input: unknown, {referenceTexts}: ValidateOptions = {}): ValidationResult {
  const {value, problems} = validateSchema(input, schema);
  if (problems.length) return {config: null, problems};
  const raw = value as Required<Config>;
  const found: Problem[] = [];
  const languages = raw.languages;
  const defaultLanguage = raw.defaultLanguage ?? languages[0];

  const checkLanguage = (tag: string | undefined, path: string) => {
    if (tag !== undefined && !languages.includes(tag)) {
      found.push({path, message: `"${tag}" is not one of languages (${languages.join(', ')})`, fix: `add "${tag}" to languages, or use one of them`});
    }
  };
  checkLanguage(raw.defaultLanguage, '$.defaultLanguage');
  checkLanguage(raw.language, '$.language');

  const checkLocalized = (text: Localized | undefined, path: string) => {
    if (text === undefined || typeof text === 'string') return;
    for (const lang of languages) {
      if (!Object.hasOwn(text, lang)) found.push({path, message: `has no "${lang}" text`, fix: `add "${lang}": "…", or write one string for all languages`});
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        const guess = suggest(lang, languages);
        found.push({path: `${path}.${lang}`, message: `"${lang}" is not one of languages`, fix: guess ? `did you mean "${guess}"?` : `add "${lang}" to languages, or remove this text`});
      }
    }
  };
  checkLocalized(raw.privacyPolicyUrl, '$.privacyPolicyUrl');

  const categoryEntries = Object.entries(raw.categories as Record<string, CategoryConfig>);
  if (!categoryEntries.some(([id]) => id === 'necessary')) categoryEntries.unshift(['necessary', {}]);
  for (const [id, category] of categoryEntries) {
    const at = `$.categories.${id}`;
    if (!(BUILT_IN_CATEGORIES as readonly string[]).includes(id)) {
      for (const key of ['title', 'description'] as const) {
        if (category[key] === undefined) found.push({path: `${at}.${key}`, message: `your own category "${id}" needs a ${key}`, fix: `add "${key}": {${languages.map((l) => `"${l}": "…"`).join(', ')}}`});
      }
    }
    checkLocalized(category.title, `${at}.title`);
    checkLocalized(category.description, `${at}.description`);
  }
  const categoryIds = categoryEntries.map(([id]) => id);

  const seen = new Set<string>();
  raw.services.forEach((service: ServiceConfig | string, i: number) => {
    const at = `$.services[${i}]`;
    if (typeof service === 'string') {
      found.push({path: at, message: `the catalogue service "${service}" was not written out`, fix: 'load the configuration through samtycke.js (which reads the catalogue), or write the service out in full'});
      return;
    }
    if (seen.has(service.id)) found.push({path: `${at}.id`, message: `"${service.id}" is declared twice`, fix: 'give each service its own id, or merge the two entries'});
    seen.add(service.id);
    if (!categoryIds.includes(service.category)) {
      const guess = suggest(service.category, categoryIds);
      found.push({path: `${at}.category`, message: `"${service.category}" is not a declared category`, fix: guess ? `did you mean "${guess}"?` : `use one of ${categoryIds.join(', ')}, or add it to categories`});
    }
    checkLocalized(service.purpose, `${at}.purpose`);
    checkLocalized(service.privacyPolicyUrl, `${at}.privacyPolicyUrl`);
    checkLocalized(service.embed?.shares, `${at}.embed.shares`);
    service.cookies?.forEach((cookie, j) => checkLocalized(cookie.purpose, `${at}.cookies[${j}].purpose`));
    service.storage?.forEach((item, j) => checkLocalized(item.purpose, `${at}.storage[${j}].purpose`));
  });

  for (const [lang, texts] of Object.entries(raw.texts)) {
    checkLanguage(lang, `$.texts.${lang}`);
    if (!referenceTexts) continue;
    for (const [key, text] of Object.entries(texts)) {
      if (PRIVACY_TEXT_KEY.test(key)) continue;
      const path = `$.texts.${lang}["${key}"]`;
      if (!Object.hasOwn(referenceTexts, key)) {
        const guess = suggest(key, Object.keys(referenceTexts));
        found.push({path, message: `unknown text key "${key}"`, fix: guess ? `did you mean "${guess}"?` : 'use a key from locales/en.json'});
      } else if (placeholders(text).some((name) => !placeholders(referenceTexts[key]).includes(name))) {
        found.push({path, message: `uses a placeholder the widget does not fill`, fix: `use only ${placeholders(referenceTexts[key]).map((p) => `{${p}}`).join(', ') || 'plain text (no {placeholders})'}`});
      }
    }
  }

  const mode: Partial<ConsentModeConfig> = typeof raw.consentMode === 'object' ? raw.consentMode : {};
  for (const id of Object.keys(mode.mapping ?? {})) {
    if (!categoryIds.includes(id)) found.push({path: `$.consentMode.mapping.${id}`, message: `"${id}" is not a declared category`, fix: `use one of ${categoryIds.join(', ')}`});
  }
  const gpcSetting = raw.globalPrivacyControl;
  const gpc = gpcSetting === false ? [] : typeof gpcSetting === 'object' ? gpcSetting.categories : ['marketing'];
  if (typeof gpcSetting === 'object') {
    gpc.forEach((id, i) => {
      if (!categoryIds.includes(id)) found.push({path: `$.globalPrivacyControl.categories[${i}]`, message: `"${id}" is not a declared category`, fix: `use one of ${categoryIds.join(', ')}`});
    });
  }
  if (found.length) return {config: null, problems: found};
  const categories: Category[] = categoryEntries.map(([id, category]) => ({
    ...category,
    id,
    required: id === 'necessary',
    services: raw.services.filter((s: ServiceConfig) => s.category === id),
  }));
  return {
    problems: [],
    config: {
      revision: raw.revision,
      languages,
      defaultLanguage,
      language: raw.language,
      lifetimeDays: raw.lifetimeDays,
      privacyPolicyUrl: raw.privacyPolicyUrl,
      floatingButton: raw.floatingButton,
      // The schema fills in every default of appearance.
      appearance: raw.appearance as Appearance,
      reloadOnWithdrawal: raw.reloadOnWithdrawal,
      categories,
      services: raw.services,
      texts: raw.texts,
      consentMode: raw.consentMode === false ? null : {
        mode: mode.mode ?? 'basic', urlPassthrough: mode.urlPassthrough ?? false,
        mapping: mode.mapping ?? DEFAULT_MAPPING,
      },
      gpcCategories: gpc.filter((id) => categoryIds.includes(id)),
      autoBlock: raw.autoBlock ?? true,
      consentLog: raw.consentLog ?? null,
    },
  };
}
