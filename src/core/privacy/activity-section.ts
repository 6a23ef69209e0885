import type {Translator} from '../i18n/translator.js';
import type {Category, Localized, ServiceConfig} from '../types.js';
import {ACTIVITY_TEMPLATE_DEFINITIONS, templateNamesLaw, templateStatesInterest} from './activity-templates.js';
import type {Block, Fact, HeadingLevel} from './document.js';
import {periodText} from './period-text.js';
import type {PolicyFormat} from './policy-format.js';
import {DATA_CATEGORIES, type Activity, type PrivacyConfig, type Retention} from './types.js';

/** What the policy's parts are built from. */
export interface PolicyInputs {
  readonly privacy: PrivacyConfig;
  /** The validated widget config's categories and services (catalogue entries resolved). */
  readonly categories: readonly Category[];
  readonly services: readonly ServiceConfig[];
  readonly t: Translator;
  readonly format: PolicyFormat;
}

/** A shop text when given, else the locale text of `key`. */
export const textOr = ({t}: PolicyInputs, value: Localized | null | undefined, key: string): string =>
  value !== null && value !== undefined ? t.localized(value) : t.t(key);

/** A service as a recipient: "Google Ireland Limited (Google Analytics 4)". */
export const serviceRecipient = (service: ServiceConfig): string =>
  service.provider === service.name ? service.name : `${service.provider} (${service.name})`;

/** The retention in words: a period after an event, until an event, or the shop's text. */
export function retentionText({t}: PolicyInputs, retention: Retention): string {
  if (retention.text !== undefined) return t.localized(retention.text);
  if (retention.until) return t.t(`privacy.retention.until.${retention.until}`);
  const period = periodText(t, retention.period ?? '');
  // The locale sentence starts with the period: "90 days after …" / "90 dagar efter …".
  const text = t.t(`privacy.retention.after.${retention.after}`, {period});
  return text.charAt(0).toLocaleUpperCase(t.language) + text.slice(1);
}

/** Who receives the data of an activity, by name. */
function recipientsText(inputs: PolicyInputs, activity: Activity): string {
  const {privacy, services, t, format} = inputs;
  const names = activity.recipients.map((id) => {
    const recipient = privacy.recipients.find((r) => r.id === id);
    if (recipient) return recipient.name;
    const service = services.find((s) => s.id === id);
    return service ? serviceRecipient(service) : id;
  });
  const category = activity.template ? ACTIVITY_TEMPLATE_DEFINITIONS[activity.template].category : undefined;
  if (category && !activity.recipients.length) {
    const inCategory = services.filter((s) => s.category === category);
    if (!inCategory.length) return t.t('privacy.activity.noRecipients');
    const found = inputs.categories.find((c) => c.id === category);
    const title = textOr(inputs, found?.title, `category.${category}.title`);
    return `${format.list([...new Set(inCategory.map(serviceRecipient))])}. ${t.t('privacy.activity.categoryServices', {category: title})}`;
  }
  return names.length ? `${format.list(names)}.` : t.t('privacy.activity.noRecipients');
}

/** One data category: a built-in id in the reader's language, or the shop's own text. */
const dataCategoryText = ({t}: PolicyInputs, category: Localized): string =>
  typeof category === 'string' && (DATA_CATEGORIES as readonly string[]).includes(category) ? t.t(`privacy.data.${category}`) : t.localized(category);

/**
 * The section of one processing activity: purpose, data, legal basis (with the interest or the
 * law), whether the data is required and what happens without it, retention, recipients and
 * automated decisions (GDPR art. 13(1)(c)–(e), 13(2)(a), (e), (f)).
 */
export function activitySection(inputs: PolicyInputs, activity: Activity, level: HeadingLevel): Block {
  const {t} = inputs;
  const template = activity.template;
  const key = (field: string) => `privacy.template.${template}.${field}`;
  const fromTemplate = !!template && activity.legalBasis === ACTIVITY_TEMPLATE_DEFINITIONS[template].legalBasis;
  const facts: Fact[] = [
    {term: t.t('privacy.activity.purpose'), content: [textOr(inputs, activity.purpose, key('purpose'))]},
    {term: t.t('privacy.activity.data'), content: [], list: activity.dataCategories.map((c) => [dataCategoryText(inputs, c)])},
    {term: t.t('privacy.activity.legalBasis'), content: [t.t(`privacy.basis.${activity.legalBasis}`)]},
  ];
  if (activity.legalBasis === 'legitimate-interests') {
    const interest = activity.legitimateInterest ?? (fromTemplate && templateStatesInterest(template!) ? null : undefined);
    if (interest !== undefined) facts.push({term: t.t('privacy.activity.interest'), content: [textOr(inputs, interest, key('interest'))]});
  }
  if (activity.legalBasis === 'legal-obligation') {
    const law = activity.law ?? (fromTemplate && templateNamesLaw(template!) ? null : undefined);
    if (law !== undefined) facts.push({term: t.t('privacy.activity.law'), content: [textOr(inputs, law, key('law'))]});
  }
  const requirement = activity.requirement;
  // The template's consequence fits only the template's own requirement.
  const templateConsequence = !!template && requirement.type === ACTIVITY_TEMPLATE_DEFINITIONS[template].requirement;
  const consequence = requirement.consequence !== undefined ? t.localized(requirement.consequence)
    : t.t(templateConsequence ? key('consequence') : `privacy.requirement.${requirement.type}.consequence`);
  facts.push(
    {term: t.t('privacy.activity.requirement'), content: [`${t.t(`privacy.requirement.${requirement.type}`)} ${consequence}`]},
    {term: t.t('privacy.activity.retention'), content: [retentionText(inputs, activity.retention)]},
    {term: t.t('privacy.activity.recipients'), content: [recipientsText(inputs, activity)]},
  );
  if (activity.automatedDecisions) facts.push({term: t.t('privacy.activity.automated'), content: [t.localized(activity.automatedDecisions)]});
  return {
    type: 'section',
    id: `activity-${activity.id}`,
    level,
    heading: textOr(inputs, activity.title, key('title')),
    blocks: [{type: 'facts', items: facts}],
  };
}
