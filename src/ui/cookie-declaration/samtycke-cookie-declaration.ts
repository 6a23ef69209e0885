import {html, nothing} from 'lit';
import {whenContext, type SamtyckeContext} from '../../context.js';
import {buildCookieDeclaration, type Block} from '../../core/index.js';
import {renderBlocks} from '../privacy-policy/document-template.js';
import {accessibilityStyles, documentStyles} from '../privacy-policy/document.styles.js';
import {SchemeController} from '../privacy-policy/scheme-controller.js';
import {privacyTranslator} from '../privacy-policy/privacy-texts.js';
import {headingLevelOf} from '../privacy-policy/heading-level.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {cookieDeclarationStyles} from './cookie-declaration.styles.js';

/**
 * The cookie declaration, generated from the same config that drives blocking: per category its
 * services, and per service every cookie and storage key with name, provider, purpose, duration,
 * session or persistent, first or third party, and country. Shows the visitor's current choice
 * per category and service, updated live on every decision, and a button that opens the cookie
 * settings.
 *
 * ```html
 * <h1>Cookies</h1>
 * <samtycke-cookie-declaration></samtycke-cookie-declaration>
 * ```
 *
 * Like the policy it is page content: without `scheme` it takes the page's text colour and
 * follows the page's `color-scheme`; `scheme="light"` or `"dark"` paints the theme's background.
 *
 * @summary Cookie declaration with the visitor's choices.
 * @attr heading-level - Level of the category headings, 2–6; services are one deeper. Default 2.
 * @attr scheme - `light` or `dark`; absent: follow the page. Set from `appearance.colorScheme`.
 * @csspart document - The whole declaration.
 * @csspart section - Each category and service section.
 * @csspart heading - Each category and service heading.
 * @csspart table - Each table of cookies and stored data.
 * @csspart button - The "Change cookie settings" button.
 * @csspart choice - Each "Your choice" line.
 * @cssprop --samtycke-color-accent - Button and links. Default `#1d4e89` (dark `#9cc3ff`).
 * @cssprop --samtycke-color-allowed - The "Allowed" mark. Default `#1b6b36` (dark `#7ad19a`,
 *   `--samtycke-dark-color-allowed`).
 * @cssprop --samtycke-color-border - Table lines. Default `#8a8a90`.
 */
export class SamtyckeCookieDeclaration extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, documentStyles, cookieDeclarationStyles, accessibilityStyles];
  static override properties = {
    headingLevel: {type: Number, attribute: 'heading-level'},
    embedded: {type: Boolean},
    blocks: {state: true},
  };

  /** Level of the category headings, 2–6; services are one deeper. Default 2. */
  declare headingLevel: number;
  /** Inside the privacy policy: no introduction of its own. Default `false`. */
  declare embedded: boolean;
  /** The widget's context; found by itself on a page with the widget. */
  context: SamtyckeContext | null | undefined;
  declare blocks: readonly Block[] | null;
  readonly #scheme = new SchemeController(this);
  #ready: Promise<void> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.embedded = false;
    this.blocks = null;
  }

  /** Resolves once the declaration is rendered (nothing renders when the widget did not start). */
  get ready(): Promise<void> {
    return this.#ready ?? Promise.resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once per element: moving it in the page keeps what it rendered.
    this.#ready ??= (async () => {
      const context = this.context ?? (this.context = await whenContext(window));
      if (!context) return;
      const t = privacyTranslator(context);
      this.translator = t;
      this.#scheme.apply(context.manager.config);
      // The manager's subscription re-renders the choices on every samtycke-change.
      this.manager = context.manager;
      this.blocks = buildCookieDeclaration(context.manager.config, t, {headingLevel: headingLevelOf(this.headingLevel), standalone: !this.embedded});
      await this.updateComplete;
    })();
  }

  override render() {
    const {blocks, translator: i18n, manager, context} = this;
    if (!blocks || !i18n || !manager || !context) return nothing;
    const {t} = i18n;
    const state = manager.state;
    const categories = manager.config.categories;
    return html`<div class="document" part="document">${renderBlocks(blocks, {
      declaration: () => nothing,
      choice: (category, service) => {
        const required = categories.find((c) => c.id === category)?.required ?? false;
        const decided = state.status === 'decided';
        const allowed = required || (service ? state.services[service] === true : state.categories[category] === true);
        const label = required ? t('privacy.declaration.alwaysOn')
          : allowed ? t('privacy.declaration.allowed')
            : decided ? t('privacy.declaration.refused') : t('privacy.declaration.undecided');
        return html`<p class="choice" part="choice" data-allowed=${allowed ? 'true' : 'false'}>
          <span>${t('privacy.declaration.choice')}:</span> <span class="state">${label}</span>
        </p>`;
      },
      changeSettings: (label) => html`<p class="change actions">
        <button type="button" class="button" part="button" @click=${(e: Event) => context.showPreferences(e.currentTarget as Element)}>${label}</button>
      </p>`,
    })}</div>`;
  }
}

if (!customElements.get('samtycke-cookie-declaration')) customElements.define('samtycke-cookie-declaration', SamtyckeCookieDeclaration);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-cookie-declaration': SamtyckeCookieDeclaration;
  }
}
