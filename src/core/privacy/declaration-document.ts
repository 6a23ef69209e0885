import type {Translator} from '../i18n/translator.js';
import type {Category, ServiceConfig} from '../types.js';
import {deeper, type Block, type Cell, type Fact, type HeadingLevel} from './document.js';
import {periodText} from './period-text.js';
import {createPolicyFormat} from './policy-format.js';
import type {PolicyConfigParts} from './policy-document.js';

export interface DeclarationOptions {
  /** Level of the category headings; services are one deeper. Default 2. */
  readonly headingLevel?: HeadingLevel;
  /** Standalone (a cookie page): opens with its own introduction. Embedded in the policy: without. Default `true`. */
  readonly standalone?: boolean;
}

/** A row per cookie and per storage key: name, purpose, duration (session or persistent), kind and party. */
function storedRows(service: ServiceConfig, t: Translator): Cell[][] {
  const purpose = (own: ServiceConfig['purpose'] | undefined) => t.localized(own ?? service.purpose);
  const lifetime = (duration: string) =>
    t.t(duration === 'session' ? 'privacy.declaration.session' : 'privacy.declaration.persistent', {duration: periodText(t, duration)});
  return [
    ...(service.cookies ?? []).map((cookie): Cell[] => [
      [{type: 'code', text: cookie.name}],
      [purpose(cookie.purpose)],
      [lifetime(cookie.duration)],
      [cookie.party === 'third'
        ? t.t('privacy.declaration.thirdParty', {domain: cookie.domain ?? service.provider})
        : t.t('privacy.declaration.firstParty')],
    ]),
    ...(service.storage ?? []).map((item): Cell[] => [
      [{type: 'code', text: item.name}],
      [purpose(item.purpose)],
      [lifetime(item.type === 'session' ? 'session' : item.duration ?? 'persistent')],
      [t.t(item.type === 'local' ? 'privacy.declaration.localStorage' : 'privacy.declaration.sessionStorage')],
    ]),
  ];
}

function serviceSection(service: ServiceConfig, category: Category, t: Translator, level: HeadingLevel, country: (code: string) => string): Block {
  const facts: Fact[] = [
    {term: t.t('privacy.declaration.provider'), content: [service.provider]},
    {term: t.t('privacy.declaration.purpose'), content: [t.localized(service.purpose)]},
  ];
  if (service.country) facts.push({term: t.t('privacy.declaration.country'), content: [country(service.country)]});
  if (service.privacyPolicyUrl) {
    const href = t.localized(service.privacyPolicyUrl);
    const external = /^https?:/.test(href);
    // A path on the shop (its own policy) says little as text: the provider's name says more.
    const text = external ? href.replace(/^https?:\/\//, '').replace(/\/$/, '') : service.provider;
    facts.push({term: t.t('privacy.declaration.policy'), content: [{type: 'link', text, href, external}]});
  }
  const rows = storedRows(service, t);
  const blocks: Block[] = [{type: 'facts', items: facts}];
  if (!category.required) blocks.push({type: 'choice', category: category.id, service: service.id});
  blocks.push(rows.length
    ? {
      type: 'table',
      caption: t.t('privacy.declaration.caption', {service: service.name}),
      head: ['name', 'purpose', 'duration', 'kind'].map((k) => t.t(`privacy.declaration.${k}`)),
      rowHeaders: true,
      rows,
    }
    : {type: 'paragraph', content: [t.t('privacy.declaration.noStorage')]});
  return {type: 'section', id: `cookie-service-${service.id}`, level, heading: service.name, blocks};
}

/**
 * The cookie declaration as a document model, from the same config that drives blocking: per
 * category its services, and per service each cookie and storage key with name, provider,
 * purpose, duration, session or persistent, first or third party, and country. Live pages add
 * the visitor's choice at each `choice` block and a settings button at `change-settings`.
 */
export function buildCookieDeclaration(config: PolicyConfigParts, t: Translator, {headingLevel = 2, standalone = true}: DeclarationOptions = {}): Block[] {
  const format = createPolicyFormat(t.language);
  const blocks: Block[] = [];
  if (standalone) blocks.push({type: 'paragraph', content: [t.t('privacy.declaration.intro')]});
  blocks.push({type: 'change-settings', label: t.t('privacy.declaration.change'), fallback: t.t('privacy.declaration.changeFallback')});
  for (const category of config.categories) {
    const title = t.localized(category.title) || t.t(`category.${category.id}.title`);
    const description = t.localized(category.description) || t.t(`category.${category.id}.description`);
    const services = config.services.filter((s) => s.category === category.id);
    blocks.push({
      type: 'section',
      id: `cookies-${category.id}`,
      level: headingLevel,
      heading: title,
      blocks: [
        {type: 'paragraph', content: [description]},
        {type: 'choice', category: category.id},
        ...(services.length
          ? services.map((service) => serviceSection(service, category, t, deeper(headingLevel), format.country))
          : [{type: 'paragraph', content: [t.t('privacy.declaration.noServices')]} as const]),
      ],
    });
  }
  return blocks;
}
