/**
 * Consent signals for the ad pixels that have their own consent API: the Meta pixel (`fbq`),
 * the TikTok pixel (`ttq`) and Microsoft UET (`uetq`). Their base codes create a queue that the
 * vendor's script reads when it loads; Samtycke puts its signal first in that queue, before the
 * shop's `init`, by watching the moment the base code creates it.
 */

/** The catalogue ids whose vendor API Samtycke drives. */
export const VENDOR_SERVICES = ['meta-pixel', 'tiktok-pixel', 'microsoft-uet'] as const;
export type VendorService = (typeof VENDOR_SERVICES)[number];

type AnyFunction = (...args: unknown[]) => unknown;
type VendorWindow = Window & {fbq?: AnyFunction & {queue?: unknown[]}; ttq?: unknown[] & Record<string, unknown>; uetq?: {push: AnyFunction}};

const GLOBALS: Readonly<Record<VendorService, 'fbq' | 'ttq' | 'uetq'>> = {'meta-pixel': 'fbq', 'tiktok-pixel': 'ttq', 'microsoft-uet': 'uetq'};

/** Sends `granted` to one vendor's API as it stands now (a queue, a stub or the loaded script). */
function send(view: VendorWindow, service: VendorService, granted: boolean): void {
  if (service === 'meta-pixel') view.fbq?.('consent', granted ? 'grant' : 'revoke');
  else if (service === 'tiktok-pixel') {
    const ttq = view.ttq;
    const method = granted ? 'grantConsent' : 'revokeConsent';
    if (typeof ttq?.[method] === 'function') (ttq[method] as AnyFunction)();
    else ttq?.push([method]);
  } else view.uetq?.push('consent', 'update', {ad_storage: granted ? 'granted' : 'denied'});
}

/** The first signal, put at the head of a queue the base code has just created. */
function hold(queue: unknown, service: VendorService, granted: boolean): void {
  if (service === 'meta-pixel') (queue as unknown[]).push(['consent', granted ? 'grant' : 'revoke']);
  else if (service === 'tiktok-pixel') (queue as unknown[]).push([granted ? 'grantConsent' : 'holdConsent']);
  else (queue as {push: AnyFunction}).push('consent', 'default', {ad_storage: granted ? 'granted' : 'denied'});
}

/** Calls `then` with the value once `object[key]` is assigned, then becomes a plain property again. */
function whenAssigned(object: object, key: string, then: (value: unknown) => void): void {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get: () => undefined,
    set(value: unknown) {
      Object.defineProperty(object, key, {value, writable: true, configurable: true, enumerable: true});
      try {
        then(value);
      } catch {
        // A vendor snippet of another shape: the pixel's own script still waits for its blocking.
      }
    },
  });
}

export interface VendorSignals {
  /** From now on, signals go only to these services (the ones the config declares). */
  declare(services: Iterable<string>): void;
  /** Sends grant or revoke to every declared vendor whose allowance changed. */
  update(allowed: (service: VendorService) => boolean): void;
}

/**
 * Starts watching for the vendors' base codes. `granted` answers for the decision known at
 * start-up (the decision cookie); until the config is read every vendor counts as declared, so a
 * pixel that starts before the config loads is held back rather than let through.
 */
export function watchVendors(view: Window, granted: (service: VendorService) => boolean): VendorSignals {
  const w = view as VendorWindow;
  let declared: ReadonlySet<string> = new Set(VENDOR_SERVICES);
  const sent = new Map<VendorService, boolean>();
  for (const service of VENDOR_SERVICES) {
    const name = GLOBALS[service];
    const initial = granted(service);
    sent.set(service, initial);
    if (w[name] !== undefined) {
      // The base code ran before Samtycke: too late to be first in its queue, in time to be next.
      send(w, service, initial);
    } else if (Object.getOwnPropertyDescriptor(view, name)?.configurable !== false) {
      whenAssigned(view, name, (value) => {
        if (!declared.has(service)) return;
        const first = (queue: unknown) => {
          sent.set(service, granted(service));
          hold(queue, service, sent.get(service)!);
        };
        // The Meta base code makes `fbq` first and its `queue` right after.
        if (service === 'meta-pixel') whenAssigned(value as object, 'queue', first);
        else first(value);
      });
    }
  }
  return {
    declare(services) {
      const ids = new Set(services);
      declared = new Set(VENDOR_SERVICES.filter((s) => ids.has(s)));
    },
    update(allowed) {
      for (const service of declared as ReadonlySet<VendorService>) {
        const now = allowed(service);
        if (sent.get(service) === now) continue;
        sent.set(service, now);
        send(w, service, now);
      }
    },
  };
}
