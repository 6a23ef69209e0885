import type {Translator} from '../i18n/translator.js';
import type {Duration} from '../types.js';

/**
 * A duration in words, for retention periods and cookie lifetimes: days, weeks, months and years
 * through the privacy locales' plural keys ("90 dagar", where `Intl` says "90 dygn"), anything
 * else ("session", "30 minutes") through the widget's `duration`.
 */
export function periodText(t: Translator, duration: Duration): string {
  const match = /^(\d+) (day|week|month|year)s?$/.exec(duration);
  return match ? t.plural(`privacy.period.${match[2]}`, Number(match[1])) : t.duration(duration);
}
