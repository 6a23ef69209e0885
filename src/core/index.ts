/**
 * The Samtycke core: consent state, configuration, storage and gating, without any UI.
 * UI components and integrations use only what is exported here.
 */
export type {
  Category, CategoryConfig, Config, ConsentChoices, ConsentRecord, ConsentSource, ConsentState, CookieDeclaration,
  DecisionOptions, Duration, Localized, Problem, ResolvedConfig, ServiceConfig, StorageDeclaration, UndecidedReason,
} from './types.js';
export {ConsentMethod} from './types.js';
export {ConsentManager, ConsentChoiceError, createConsentManager, type Platform} from './consent-manager.js';
export {reportProblems, type ProblemConsole} from './report-problems.js';
export {SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, type ChangeDetail, type ConsentDiff, type SamtyckeEventMap, type WithdrawDetail} from './events.js';
export {validateConfig, BUILT_IN_CATEGORIES, type ValidateOptions, type ValidationResult} from './config/validate-config.js';
export {loadConfig, ConfigLoadError, INLINE_CONFIG_ID, type ConfigSource} from './config/load-config.js';
export {createIdbStore, createMemoryStore, type ConsentStore} from './storage/consent-store.js';
export {createLocalStorageMirror, noMirror, type DecisionMirror} from './storage/decision-mirror.js';
export {createDocumentCookieJar, type CookieJar} from './gating/tracker-cleanup.js';
export {resolveLanguage, type LanguageInputs} from './i18n/resolve-language.js';
export {createTranslator, type LocaleData, type Translator, type TranslatorOptions} from './i18n/translator.js';
