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
  const rows: TransferRow[] = [];
  const seen = new Set<string>();
  // Keyed by legal entity: a payment provider listed as a recipient and also configured as a
  // service (for its cookies) transfers once, not twice.
  const add = (entity: string, recipient: string, transfers: readonly {country: string; safeguard: TransferSafeguard}[] | undefined) => {
    for (const {country, safeguard} of transfers ?? []) {
      const key = `${entity}\u0000${country}\u0000${safeguard}`;
      if (isInEea(country) || seen.has(key)) continue;
      seen.add(key);
      rows.push({recipient, country, safeguard});
    }
  };
  for (const recipient of recipients) add(recipient.name, recipient.name, recipient.transfers);
  for (const service of services) {
    add(service.provider, service.provider === service.name ? service.name : `${service.provider} (${service.name})`, service.transfers);
  }
  return rows;
}
