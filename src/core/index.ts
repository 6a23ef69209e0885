/**
 * The Samtycke core: consent state, configuration, storage and gating, without any UI.
 * UI components and integrations use only what is exported here.
 */
export type {
  Category, CategoryConfig, Config, ConsentChoices, ConsentRecord, ConsentSource, ConsentState, CookieDeclaration,
  DecisionOptions, Duration, Localized, Problem, ResolvedConfig, ServiceConfig, StorageDeclaration, UndecidedReason,
} from './types.js';
export {ConsentMethod} from './types.js';
export {ConsentManager, ConsentChoiceError, createConsentManager} from './consent-manager.js';
export type {Platform} from './platform.js';
export {reportProblems, type ProblemConsole} from './report-problems.js';
export {SamtyckeChangeEvent, SamtyckeReadyEvent, SamtyckeWithdrawEvent, type ChangeDetail, type ConsentDiff, type SamtyckeEventMap, type WithdrawDetail} from './events.js';
export {validateConfig, BUILT_IN_CATEGORIES, type ValidateOptions, type ValidationResult} from './config/validate-config.js';
export {loadConfig, ConfigLoadError, INLINE_CONFIG_ID, type ConfigSource} from './config/load-config.js';
export {createIdbStore, createMemoryStore, type ConsentStore} from './storage/consent-store.js';
export {noMirror, encodeDecisionCookie, parseDecisionCookie, readDecisionCookie, CONSENT_MODE_KEYS, DECISION_COOKIE, type DecisionMirror, type DecisionCookie, type ConsentModeKey, type ConsentModeSignals} from './storage/decision-mirror.js';
export {createDocumentCookieJar, type CookieJar} from './gating/tracker-cleanup.js';
export {localeChain, localeFileFor, resolveLanguage, WIDGET_LANGUAGES, type LanguageInputs} from './i18n/resolve-language.js';
export {createTranslator, type LocaleData, type Translator, type TranslatorOptions} from './i18n/translator.js';
export {createCookieMirror, sameDecision} from './storage/decision-mirror.js';
export type {ConsentModeConfig} from './types.js';
export {startSignals, connectSignals, type EarlySignals} from './integrations/consent-signals.js';
export {DEFAULT_MAPPING, signalsFor, type ConsentModeOptions} from './integrations/google-consent-mode.js';
export {VENDOR_SERVICES, type VendorService} from './integrations/vendor-signals.js';
export {createUnknownDataReport, findUnknownData, type UnknownData} from './debug/unknown-cookies.js';
export type {ConsentReceipt, ReceiptLog, Outbox} from './receipts/types.js';
export {createReceipt, hashShown} from './receipts/receipt.js';
export {createIdbReceiptLog, createMemoryReceiptLog} from './receipts/receipt-log.js';
export {createOutbox, type OutboxOptions} from './receipts/outbox.js';
export {resolveCatalogue, createCatalogueLoader, catalogueUrl, type CatalogueLoader, type CatalogueResolution} from './catalogue/resolve-services.js';
export {CATALOGUE_INDEX, isCatalogueId, type CatalogueIndexEntry} from './catalogue/catalogue-index.js';
export {matchHost, serviceForUrl, type HostRules} from './catalogue/host-match.js';
export {installAutoBlocker, type AutoBlocker, type AutoBlockOptions, type AutoBlockRule, type AutoBlockSettings} from './gating/auto-block.js';
export {RightsRequestType, isRightsRequestType, type ShopRequestType} from './rights/request-types.js';
export {dueDate, localDate, formatCalendarDate, type DueDateOptions} from './rights/due-date.js';
export {buildRequest, sameRequest, type RightsRequest, type RightsRequestInput, type BuildRequestOptions} from './rights/rights-request.js';
export {mailtoUrl, requestMail, isMailAddress, type MailDraft, type RequestMailTexts} from './rights/request-mail.js';
export {submitRequest, type SubmitResult, type SubmitSuccess, type SubmitFailure, type SubmitOptions, type RequestError} from './rights/submit-request.js';
export {readRightsConfig, type RightsConfig, type RightsConfigResult, type ReadRightsOptions} from './rights/rights-config.js';
export {RIGHTS_REQUEST_TYPES} from './rights/request-types.js';
export {validatePrivacy, type ValidatePrivacyOptions, type PrivacyValidation} from './privacy/validate-privacy.js';
export {buildPrivacyPolicy, type PolicyOptions, type PolicyConfigParts} from './privacy/policy-document.js';
export {buildCookieDeclaration, type DeclarationOptions} from './privacy/declaration-document.js';
export {createPrivacyTranslator, type PrivacyTranslatorOptions} from './privacy/privacy-translator.js';
export type {Block, Cell, Fact, HeadingLevel, Inline, SectionBlock} from './privacy/document.js';
export {LegalBasis, ACTIVITY_TEMPLATES, DATA_CATEGORIES, type PrivacyConfig, type PrivacySection, type Activity, type ActivityConfig, type RecipientConfig, type Controller, type Dpo, type Authority, type RightsRequests, type RequestTypeConfig, type Retention, type Requirement as PrivacyRequirement, type ActivityTemplateId, type DataCategoryId} from './privacy/types.js';
export {collectTransfers, isInEea, type TransferRow} from './privacy/transfers.js';
