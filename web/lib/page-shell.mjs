// What every page's script shares around its own app: the start (offline service worker, the
// message box's close button, a failure to start shown in the message box) and the link (the state
// in the URL hash, or the defaults with a message saying why the link was not used; the hash kept
// in step with the state, and a link pasted later applied). The page's top bar and message box are
// written by scripts/vite-page-template-plugin.mjs; frame-drawer.mjs draws streamed results.
import { showMessage } from './notices.mjs';
import { registerOffline } from './offline.mjs';
import { setUpTabScrollHint } from './tab-scroll-hint.mjs';
import { setUpPresentation } from './presentation.mjs';
import { HashError } from './hash-codecs.mjs';

const HASH_DELAY = 150;

/** Runs the page's start(); `what` names the page in the message when it cannot start. */
export function runPage(what, start) {
  registerOffline();
  setUpTabScrollHint();
  setUpPresentation();
  document.getElementById('message-close').addEventListener('click', () => showMessage(null));
  start().catch((error) => {
    document.getElementById('message').hidden = false;
    document.getElementById('message-text').textContent = `${what} could not start: ${error.message}`;
    const progress = document.getElementById('progress-text');
    if (progress) progress.textContent = '';
    document.body.dataset.ready = 'error';
    console.error(error);
  });
}

/** What a link left out ({key, field, message} each, from decodeHash's `dropped`), and that the rest was used. */
export function droppedProblem(dropped) {
  const what = dropped.map((d) => `URL hash: ${d.message}`).join('; ');
  const kept = dropped.length === 1 ? 'it keeps its default' : 'they keep their defaults';
  return `This link had ${dropped.length === 1 ? 'a value' : `${dropped.length} values`} the page could not use (${what}): ${kept}. Everything else in the link was loaded.`;
}

/** Why a link could not be used, and what the page does instead. */
export function linkProblem(error, instead) {
  const why = error instanceof HashError ? `URL hash: ${error.message}` : error.message;
  return `This link could not be used (${why}). ${instead}`;
}

/**
 * The state of the page's link: {state, fromLink, dropped}; a bad value in it is left at its
 * default (`dropped` lists them, and the message box says so); with no hash, or one that cannot be
 * used at all (decodeHash or check(state) throws), the default state, the reason shown as `instead` says.
 */
export function stateFromLink({ decodeHash, defaultState, check = () => {} }, instead) {
  if (location.hash && location.hash !== '#') {
    const dropped = [];
    try {
      const state = decodeHash(location.hash, dropped);
      check(state);
      if (dropped.length) showMessage(droppedProblem(dropped), 'link');
      return { state, fromLink: true, dropped };
    } catch (error) {
      // What was dropped before the link failed is said too (a typo beside a missing key).
      const all = dropped.length && error instanceof HashError
        ? new HashError([...dropped.map((d) => d.message), error.message].join('; ')) : error;
      showMessage(linkProblem(all, instead), 'link');
    }
  }
  return { state: defaultState(), fromLink: false, dropped: [] };
}

/**
 * A lab's state from its link, on trial until the engine has run it: `state` (the link's, or the
 * defaults), `pending` (whether the state in use came from a link the engine has not accepted yet),
 * accept() once a run of it starts, refuse(message) when the engine rejects it: for a pending
 * link, shows why and calls fallBack() (which puts the defaults back); returns whether it did.
 * syncHash() keeps the URL hash in step with the lab's store.
 */
export class LabLink {
  #codec;
  #instead;
  #fallBack;

  constructor(codec, instead, fallBack) {
    ({ state: this.state, fromLink: this.pending, dropped: this.dropped } = stateFromLink(codec, instead));
    this.#codec = codec;
    this.#instead = instead;
    this.#fallBack = fallBack;
  }

  accept() { this.pending = false; }

  refuse(message) {
    if (!this.pending) return false;
    this.pending = false;
    showMessage(linkProblem({ message }, this.#instead), 'link');
    this.#fallBack();
    return true;
  }

  /**
   * Keeps the URL hash in step with `store` (linkHash); a link pasted later replaces its state, on
   * trial like the first link's with `onTrial`; `keeping` says what stays when it cannot be used.
   */
  syncHash(store, encodeHash, keeping, { onTrial = false } = {}) {
    return linkHash({
      encodeHash, decodeHash: this.#codec.decodeHash,
      apply: (state) => {
        this.pending = onTrial;
        store.replace(state);
      },
    }, keeping);
  }
}

/**
 * Keeps the URL hash in step with the page's state: write(state) replaces it (debounced, without
 * a history entry); a hash changed from outside (a pasted link, back) goes to apply(state), or,
 * when it cannot be used, to refuse() after the message saying so with `keeping`.
 */
export function linkHash({ encodeHash, decodeHash, apply, refuse = () => {} }, keeping) {
  let timer = 0;
  let written = '';
  window.addEventListener('hashchange', () => {
    if (location.hash === written) return;
    try {
      const dropped = [];
      const state = decodeHash(location.hash, dropped);
      showMessage(dropped.length ? droppedProblem(dropped) : null, 'link');
      apply(state, dropped);
    } catch (error) {
      showMessage(linkProblem(error, keeping), 'link');
      refuse();
    }
  });
  return {
    write(state) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        written = encodeHash(state);
        if (written !== location.hash) history.replaceState(null, '', written);
      }, HASH_DELAY);
    },
  };
}
