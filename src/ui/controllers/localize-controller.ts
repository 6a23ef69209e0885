import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Translator} from '../../core/index.js';

/**
 * Gives a component its texts and marks the component with their language (`lang`), so screen
 * readers pronounce Swedish text as Swedish even on an English page.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #translator: Translator | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get translator(): Translator | undefined {
    return this.#translator;
  }

  set translator(translator: Translator | undefined) {
    this.#translator = translator;
    this.hostConnected();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.#translator) this.#host.lang = this.#translator.language;
  }
}
