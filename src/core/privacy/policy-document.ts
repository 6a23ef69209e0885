import type {Translator} from '../i18n/translator.js';
import type {Category, ServiceConfig} from '../types.js';
import {activitySection, type PolicyInputs} from './activity-section.js';
import {deeper, type Block, type Fact, type HeadingLevel, type Inline, type SectionBlock} from './document.js';
import {createPolicyFormat} from './policy-format.js';
import {collectTransfers} from './transfers.js';
import type {PrivacyConfig} from './types.js';
import {RIGHTS_REQUEST_TYPES} from '../rights/request-types.js';

export interface PolicyOptions {
  /** Level of the policy's section headings; the page's own `<h1>` is above them. Default 2. */
  readonly headingLevel?: HeadingLevel;
}

/** The widget config parts the policy reads: categories and services, catalogue entries resolved. */
export interface PolicyConfigParts {
  readonly categories: readonly Category[];
  readonly services: readonly ServiceConfig[];
}

/** Inline parts of a locale text whose `{placeholders}` are links or other inline parts. */
export function inlineText(t: Translator, key: string, parts: Readonly<Record<string, Inline>>): Inline[] {
  return t.t(key).split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && Object.hasOwn(parts, name) ? parts[name] : piece;
  });
}

const mail = (address: string): Inline => ({type: 'link', text: address, href: `mailto:${address}`});
const phone = (number: string): Inline => ({type: 'link', text: number, href: `tel:${number.replace(/[^\d+]/g, '')}`});
const web = (href: string, text = href.replace(/^https?:\/\//, '').replace(/\/$/, '')): Inline => ({type: 'link', text, href, external: /^https?:/.test(href)});

/**
 * The privacy policy as a document model (GDPR art. 13): controller and DPO, each processing
 * activity, recipients, transfers outside the EU/EEA, automated decisions, the visitor's rights
 * (objection to direct marketing shown separately, art. 21(4)), how to use them and the answer
 * time, the right to complain, the cookie section with the declaration, and the version.
 * Fixed texts come from the translator's `privacy.*` keys; the shop's from `privacy`.
 */
export function buildPrivacyPolicy(privacy: PrivacyConfig, config: PolicyConfigParts, t: Translator, {headingLevel = 2}: PolicyOptions = {}): Block[] {
  const inputs: PolicyInputs = {privacy, categories: config.categories, services: config.services, t, format: createPolicyFormat(t.language)};
  const level = headingLevel;
  const section = (id: string, headingKey: string, blocks: Block[]): SectionBlock => ({type: 'section', id, level, heading: t.t(headingKey), blocks});
  const {controller, dpo} = privacy;
  const version = {type: 'paragraph', content: [t.t('privacy.policy.version', {version: privacy.version, date: inputs.format.date(privacy.lastUpdated)})]} as const;
  const privacyEmail = privacy.rightsRequests.email;

  const contact: Fact[] = [
    {term: t.t('privacy.controller.address'), content: [controller.address]},
    {term: t.t('privacy.controller.email'), content: [mail(controller.email)]},
  ];
  if (controller.phone) contact.push({term: t.t('privacy.controller.phone'), content: [phone(controller.phone)]});
  if (controller.website) contact.push({term: t.t('privacy.controller.website'), content: [web(controller.website)]});
  const controllerBlocks: Block[] = [
    {type: 'paragraph', content: [t.t('privacy.controller.text', {name: controller.name, organisationNumber: controller.organisationNumber})]},
    {type: 'facts', items: contact},
  ];
  if (dpo) {
    const facts: Fact[] = [];
    if (dpo.name) facts.push({term: t.t('privacy.dpo.name'), content: [dpo.name]});
    facts.push({term: t.t('privacy.controller.email'), content: [mail(dpo.email)]});
    if (dpo.phone) facts.push({term: t.t('privacy.controller.phone'), content: [phone(dpo.phone)]});
    controllerBlocks.push({type: 'paragraph', content: [t.t('privacy.dpo.text')]}, {type: 'facts', items: facts});
  }

  const consentServices = config.categories.some((c) => !c.required && c.services.length);
  const recipientBlocks: Block[] = [{type: 'paragraph', content: [t.t(privacy.recipients.length ? 'privacy.recipients.intro' : 'privacy.recipients.none')]}];
  if (privacy.recipients.length) {
    recipientBlocks.push({
      type: 'table',
      caption: t.t('privacy.recipients.caption'),
      head: ['name', 'role', 'purpose', 'country'].map((k) => t.t(`privacy.recipients.${k}`)),
      rowHeaders: true,
      rows: privacy.recipients.map((r) => [
        [r.privacyPolicyUrl ? web(t.localized(r.privacyPolicyUrl), r.name) : r.name],
        [t.t(`privacy.role.${r.role}`)],
        [t.localized(r.purpose)],
        [inputs.format.country(r.country)],
      ]),
    });
  }
  if (consentServices) recipientBlocks.push({type: 'paragraph', content: [t.t('privacy.recipients.services')]});
  recipientBlocks.push({type: 'paragraph', content: [t.t('privacy.recipients.authorities')]});

  const transfers = collectTransfers(privacy.recipients, config.services);
  const transferBlocks: Block[] = transfers.length ? [
    {type: 'paragraph', content: [t.t('privacy.transfers.intro')]},
    {
      type: 'table',
      caption: t.t('privacy.transfers.caption'),
      head: ['recipient', 'country', 'safeguard'].map((k) => t.t(`privacy.transfers.${k}`)),
      rowHeaders: true,
      rows: transfers.map((row) => [[row.recipient], [inputs.format.country(row.country)], [t.t(`privacy.safeguard.${row.safeguard}`)]]),
    },
    {type: 'paragraph', content: inlineText(t, 'privacy.transfers.copy', {email: mail(privacyEmail)})},
  ] : [{type: 'paragraph', content: [t.t('privacy.transfers.none')]}];

  const automated = privacy.activities.some((a) => a.automatedDecisions);
  const rights = RIGHTS_REQUEST_TYPES.filter((r) => r !== 'objection-direct-marketing')
    .map((r) => [t.t(`privacy.rights.${r === 'withdraw-consent' ? 'withdraw' : r}`)]);

  const centerUrl = privacy.privacyCenterUrl ? t.localized(privacy.privacyCenterUrl) : null;
  const howBlocks: Block[] = [
    {type: 'paragraph', content: centerUrl
      ? inlineText(t, 'privacy.rights.how.center', {link: web(centerUrl, t.t('privacy.rights.how.centerLink')), email: mail(privacyEmail)})
      : inlineText(t, 'privacy.rights.how.email', {email: mail(privacyEmail)})},
  ];
  if (privacy.rightsRequests.types.length) {
    howBlocks.push(
      {type: 'paragraph', content: [t.t('privacy.rights.how.shopTypes')]},
      {type: 'list', items: privacy.rightsRequests.types.map((type) => [
        type.description ? `${t.localized(type.title)}: ${t.localized(type.description)}` : t.localized(type.title)])},
    );
  }
  howBlocks.push({type: 'paragraph', content: [t.t('privacy.rights.how.identity')]}, {type: 'paragraph', content: [t.t('privacy.rights.how.time')]});

  const authority = privacy.authority;
  const authorityName = authority ? t.localized(authority.name) : t.t('privacy.authority.imy.name');
  const authorityFacts: Fact[] = [{term: t.t('privacy.controller.website'), content: [web(authority?.website ?? t.t('privacy.authority.imy.website'))]}];
  if (authority?.email) authorityFacts.push({term: t.t('privacy.controller.email'), content: [mail(authority.email)]});
  if (authority?.phone) authorityFacts.push({term: t.t('privacy.controller.phone'), content: [phone(authority.phone)]});

  const sections: SectionBlock[] = [
    section('controller', 'privacy.controller.heading', controllerBlocks),
    section('activities', 'privacy.activities.heading', [
      {type: 'paragraph', content: [t.t('privacy.activities.intro')]},
      ...privacy.activities.map((activity) => activitySection(inputs, activity, deeper(level))),
    ]),
    section('recipients', 'privacy.recipients.heading', recipientBlocks),
    section('transfers', 'privacy.transfers.heading', transferBlocks),
    section('automated', 'privacy.automated.heading', [{type: 'paragraph', content: [t.t(automated ? 'privacy.automated.some' : 'privacy.automated.none')]}]),
    section('rights', 'privacy.rights.heading', [{type: 'paragraph', content: [t.t('privacy.rights.intro')]}, {type: 'list', items: rights}]),
    section('direct-marketing', 'privacy.rights.directMarketing.heading', [
      {type: 'paragraph', content: inlineText(t, 'privacy.rights.directMarketing.text', {email: mail(privacyEmail)})},
    ]),
    section('use-your-rights', 'privacy.rights.how.heading', howBlocks),
    section('complaint', 'privacy.complaint.heading', [
      {type: 'paragraph', content: [t.t('privacy.complaint.text', {authority: authorityName})]},
      {type: 'facts', items: authorityFacts},
    ]),
    section('cookies', 'privacy.cookies.heading', [
      {type: 'paragraph', content: [t.t('privacy.cookies.what')]},
      {type: 'list', items: [[t.t('privacy.cookies.session')], [t.t('privacy.cookies.party')]]},
      {type: 'paragraph', content: [t.t('privacy.cookies.list')]},
      {type: 'cookie-declaration', level: deeper(level)},
    ]),
    section('changes', 'privacy.changes.heading', [{type: 'paragraph', content: [t.t('privacy.changes.text')]}, version]),
  ];
  return [
    {type: 'paragraph', content: [privacy.intro ? t.localized(privacy.intro) : t.t('privacy.policy.intro', {controller: controller.name})]},
    version,
    {type: 'contents', label: t.t('privacy.contents'), items: sections.map((s) => ({id: s.id, text: s.heading}))},
    ...sections,
  ];
}
