import type {SamtyckeContext} from '../../context.js';
import {createTranslator, type Translator, createPrivacyTranslator} from '../../core/index.js';
import en from '../../../locales/privacy/en.json';
import sv from '../../../locales/privacy/sv.json';

/** The privacy bundle's locales. English is the reference key set; languages beyond Swedish are added when loaded. */
export const PRIVACY_LOCALES: Record<string, Readonly<Record<string, string>>> = {en, sv};

/** `locales/privacy/en.json`: the keys a shop may override under `texts`. */
export const privacyReference: Readonly<Record<string, string>> = en;

/** The texts of the privacy elements: the widget's language and the shop's overrides. */
export const privacyTranslator = ({translator, manager}: SamtyckeContext): Translator =>
  createPrivacyTranslator(translator, {locales: PRIVACY_LOCALES, overrides: manager.config.texts, defaultLanguage: manager.config.defaultLanguage});

/** Texts in the page's language, for the notice shown when the widget did not start at all. */
export const pageTranslator = (document: Document): Translator =>
  createTranslator({language: document.documentElement.lang || navigator.language, locales: PRIVACY_LOCALES});
