import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** A colour scheme forced on an element; no attribute means "follow the visitor's / page's". */
export type ColorScheme = 'light' | 'dark';

/** What the config forces through `appearance.colorScheme`; `null` for "auto", absent or unknown values. */
export function configuredScheme(config: unknown): ColorScheme | null {
  const value = (config as {appearance?: {colorScheme?: unknown}} | null | undefined)?.appearance?.colorScheme;
  return value === 'light' || value === 'dark' ? value : null;
}

/**
 * The host's `scheme` attribute (theme contract): set from the config, read for the elements the
 * host renders inside itself (the declaration in the policy, the form in the privacy center),
 * which would otherwise follow the visitor's setting while their host is forced. A change of the
 * attribute, by the config or by the shop's own dark-mode switch, re-renders the host.
 */
export class SchemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  /** The scheme in force on the host, for a nested element's `scheme`. */
  get value(): ColorScheme | undefined {
    const value = this.#host.getAttribute('scheme');
    return value === 'light' || value === 'dark' ? value : undefined;
  }

  /**
   * Sets the host's `scheme` from the config (`appearance.colorScheme`: "light" or "dark"). A
   * `scheme` the page wrote on the element itself is more specific than the config and stays;
   * "auto" leaves the attribute absent, so the element follows the visitor.
   */
  apply(config: unknown): void {
    const scheme = configuredScheme(config);
    if (scheme && !this.#host.hasAttribute('scheme')) this.#host.setAttribute('scheme', scheme);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, {attributes: true, attributeFilter: ['scheme']});
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
