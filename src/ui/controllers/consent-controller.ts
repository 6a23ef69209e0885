import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ChangeDetail, ConsentManager, ConsentState} from '../../core/index.js';

/**
 * Connects a component to the consent manager: re-renders the host on every change and
 * unsubscribes when the host leaves the document.
 */
export class ConsentController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #manager: ConsentManager | undefined;
  #off: (() => void) | undefined;
  #connected = false;
  #change: ChangeDetail | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get manager(): ConsentManager | undefined {
    return this.#manager;
  }

  set manager(manager: ConsentManager | undefined) {
    this.#manager = manager;
    this.#subscribe();
    this.#host.requestUpdate();
  }

  /** The latest change of consent heard while connected (a decision here or in another tab). */
  get lastChange(): ChangeDetail | undefined {
    return this.#change;
  }

  /** The consent in force, or `undefined` before a manager is set. */
  get state(): ConsentState | undefined {
    return this.#manager?.state;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscribe();
  }

  #subscribe(): void {
    this.#off?.();
    this.#off = undefined;
    const manager = this.#manager;
    if (!manager || !this.#connected) return;
    const update = () => this.#host.requestUpdate();
    const changed = (event: {detail: ChangeDetail}) => {
      this.#change = event.detail;
      update();
    };
    const offs = [manager.on('samtycke-ready', update), manager.on('samtycke-change', changed)];
    this.#off = () => offs.forEach((off) => off());
  }
}
