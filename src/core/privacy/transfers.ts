import type {ServiceConfig, TransferSafeguard} from '../types.js';
import type {RecipientConfig} from './types.js';

/** The EU member states and the other EEA countries (Iceland, Liechtenstein, Norway). */
const EEA = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/** Whether a country (ISO 3166-1 alpha-2) is in the EU/EEA, where GDPR chapter V does not apply. */
export const isInEea = (country: string): boolean => EEA.has(country.toUpperCase());

/** One transfer of personal data outside the EU/EEA, as the policy lists it. */
export interface TransferRow {
  /** Who sends the data there: the recipient's legal name, or a service's provider and name. */
  readonly recipient: string;
  readonly country: string;
  readonly safeguard: TransferSafeguard;
}

/**
 * Every transfer outside the EU/EEA: those of the policy's recipients and those of the
 * configured services (from the catalogue or the shop's own entries). Transfers to EEA
 * countries are left out: they are not transfers in the sense of chapter V.
 */
export function collectTransfers(recipients: readonly RecipientConfig[], services: readonly ServiceConfig[]): TransferRow[] {
  // Keyed by legal entity, country and safeguard: a payment provider listed as a recipient and
  // also configured as a service (for its cookies) transfers once, not twice; several services
  // of one company share a row that names them all ("Google Ireland Limited (Google Analytics 4, YouTube)").
  const rows = new Map<string, {entity: string; names: string[]; recipient: boolean; country: string; safeguard: TransferSafeguard}>();
  const add = (entity: string, name: string | null, transfers: readonly {country: string; safeguard: TransferSafeguard}[] | undefined) => {
    for (const {country, safeguard} of transfers ?? []) {
      if (isInEea(country)) continue;
      const key = `${entity}\u0000${country}\u0000${safeguard}`;
      const row = rows.get(key) ?? {entity, names: [], recipient: name === null, country, safeguard};
      // A recipient's row names the company only: the recipients table says what it does.
      if (name && !row.recipient && !row.names.includes(name)) row.names.push(name);
      rows.set(key, row);
    }
  };
  for (const recipient of recipients) add(recipient.name, null, recipient.transfers);
  for (const service of services) add(service.provider, service.provider === service.name ? null : service.name, service.transfers);
  return [...rows.values()].map(({entity, names, country, safeguard}) => ({
    recipient: names.length ? `${entity} (${names.join(', ')})` : entity, country, safeguard,
  }));
}
