import {html, nothing} from 'lit';
import {whenContext, type SamtyckeContext} from '../../context.js';
import {buildPrivacyPolicy, type Block, validatePrivacy, reportProblems} from '../../core/index.js';
import '../cookie-declaration/samtycke-cookie-declaration.js';
import {SamtyckeElement} from '../samtycke-element.js';
import {renderBlocks, scrollBehavior} from './document-template.js';
import {headingLevelOf} from './heading-level.js';
import {accessibilityStyles, documentStyles} from './document.styles.js';
import {pageTranslator, privacyReference, privacyTranslator} from './privacy-texts.js';
import {SchemeController} from './scheme-controller.js';

/** The parts of the embedded declaration that the policy passes on, so `::part()` reaches them from the page. */
const DECLARATION_PARTS = 'document: declaration, section, heading, table, button, choice';

/**
 * The shop's privacy policy, rendered from the `privacy` section of the config that drives the
 * banner: controller, processing activities, recipients, transfers, the visitor's rights and how
 * to use them, the right to complain, and a cookie section with the live cookie declaration.
 * A section with problems is reported in the console (file, JSON path, fix) and the element
 * shows a short notice instead of an incomplete policy.
 *
 * ```html
 * <h1>Privacy policy</h1>
 * <samtycke-privacy-policy></samtycke-privacy-policy>
 * ```
 *
 * The policy is page content: without `scheme` it is transparent and takes the page's text
 * colour; its accents follow the page's `color-scheme`. `scheme="light"` or `"dark"` (set from the
 * config's `appearance.colorScheme`, or written on the element) paints the theme's background.
 *
 * @summary Privacy policy from the config.
 * @attr heading-level - Level of the section headings, 2–6. Default 2.
 * @attr scheme - `light` or `dark`; absent: follow the page. Set from `appearance.colorScheme`.
 * @csspart document - The whole policy.
 * @csspart section - Each section (with its heading and content).
 * @csspart heading - Each section heading.
 * @csspart table - Each table (recipients, transfers, cookies).
 * @csspart button - The "Change cookie settings" button of the cookie section.
 * @csspart choice - Each "Your choice" line of the cookie section.
 * @csspart declaration - The embedded cookie declaration.
 * @csspart notice - The notice shown when the policy cannot be shown.
 * @cssprop --samtycke-color-text - Text colour. Default: the page's.
 * @cssprop --samtycke-color-accent - Links and the contents bar. Default `#1d4e89` (dark `#9cc3ff`).
 * @cssprop --samtycke-color-focus - Focus outline. Default `#1d4e89` (dark `#9cc3ff`).
 * @cssprop --samtycke-color-border - Table lines. Default `#8a8a90`.
 */
export class SamtyckePrivacyPolicy extends SamtyckeElement {
  static override styles = [...SamtyckeElement.styles, documentStyles, accessibilityStyles];
  static override properties = {
    headingLevel: {type: Number, attribute: 'heading-level'},
    blocks: {state: true},
    failed: {state: true},
  };

  /** Level of the section headings, 2–6. Default 2 (the page's `<h1>` is the policy's title). */
  declare headingLevel: number;
  /**
   * The widget's context. Found by itself on a page with the widget; set it to render against
   * another manager (tests, previews).
   */
  context: SamtyckeContext | null | undefined;
  declare blocks: readonly Block[] | null;
  declare failed: boolean;
  readonly #scheme = new SchemeController(this);
  #ready: Promise<void> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.blocks = null;
    this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once per element: moving it in the page keeps what it rendered.
    this.#ready ??= this.#load();
  }

  /** Resolves once the policy (or the notice) is rendered. */
  get ready(): Promise<void> {
    return this.#ready ?? Promise.resolve();
  }

  async #load(): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    const context = this.context ?? (this.context = await whenContext(window));
    if (!context) {
      this.failed = true;
    } else {
      const {manager} = context;
      const t = privacyTranslator(context);
      const {privacy, problems} = validatePrivacy(context.json, {
        languages: manager.config.languages, source: context.source, services: manager.config.services, referenceTexts: privacyReference,
      });
      this.manager = manager;
      this.translator = t;
      this.#scheme.apply(manager.config);
      if (!privacy) {
        reportProblems(console, context.source, problems);
        this.failed = true;
      } else {
        this.blocks = buildPrivacyPolicy(privacy, manager.config, t, {headingLevel: headingLevelOf(this.headingLevel)});
      }
    }
    this.removeAttribute('aria-busy');
    await this.updateComplete;
    this.#scrollToFragment();
  }

  /**
   * A link such as `/privacy#rights` names a section inside the shadow root, which the browser
   * cannot find by itself: the policy scrolls there once it is rendered.
   */
  #scrollToFragment(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    (this.renderRoot as ShadowRoot).getElementById(id)?.scrollIntoView({block: 'start', behavior: scrollBehavior()});
  }

  override render() {
    if (this.failed) {
      // Without a context (the widget did not start) the page's language decides the notice's.
      const t = this.translator ?? pageTranslator(document);
      return html`<div class="notice" part="notice" role="note" lang=${t.language}>
        <p>${t.t('privacy.unavailable')}</p>
        <p>${t.t('privacy.unavailable.owner')}</p>
      </div>`;
    }
    if (!this.blocks || !this.translator) return nothing;
    const context = this.context!;
    return html`<div class="document" part="document">${renderBlocks(this.blocks, {
      declaration: (level) => html`<samtycke-cookie-declaration embedded heading-level=${level} scheme=${this.#scheme.value ?? nothing}
        exportparts=${DECLARATION_PARTS} .context=${context}></samtycke-cookie-declaration>`,
      choice: () => nothing,
      changeSettings: () => nothing,
    })}</div>`;
  }
}

if (!customElements.get('samtycke-privacy-policy')) customElements.define('samtycke-privacy-policy', SamtyckePrivacyPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'samtycke-privacy-policy': SamtyckePrivacyPolicy;
  }
}
