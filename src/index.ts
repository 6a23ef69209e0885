/**
 * Samtycke for bundlers: the same API the script tag installs as `window.samtycke`, through
 * `start()`, plus the core and the elements for custom set-ups.
 */
export {start, LOCALES, type Samtycke, type StartOptions} from './start.js';
export * from './core/index.js';
export {SamtyckeBanner} from './ui/banner/samtycke-banner.js';
export {SamtyckePreferences} from './ui/preferences/samtycke-preferences.js';
export {SamtyckeSettingsButton} from './ui/settings-button/samtycke-settings-button.js';
export {SamtyckePreferencesRequestEvent} from './ui/preferences/preferences-request-event.js';
