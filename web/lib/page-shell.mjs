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
import { allErrors, repairField, valueAt } from './all-errors.mjs';

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

/** The engine's message of a link's field under its hash key ("k: trials: …"; once where they are the same). */
const keyed = (key, message) => (!key || message.startsWith(`${key}: `) ? message : `${key}: ${message}`);

/** What a link left out ({key, field, message} each, from decodeHash's `dropped`), and that the rest was used. */
export function droppedProblem(dropped) {
  const what = dropped.map((d) => `URL hash: ${d.message}`).join('; ');
  const kept = dropped.length === 1 ? 'it keeps its default' : 'they keep their defaults';
  const texts = dropped.some((d) => d.text !== undefined) ? ' A refused text stays in its field, to be fixed there.' : '';
  return `This link had ${dropped.length === 1 ? 'a value' : `${dropped.length} values`} the page could not use (${what}): ${kept}. Everything else in the link was loaded.${texts}`;
}

/** Why a link could not be used, and what the page does instead. */
export function linkProblem(error, instead) {
  const why = error instanceof HashError ? `URL hash: ${error.message}` : error.message;
  return `This link could not be used (${why}). ${instead}`;
}

/**
 * The state of `hash` and what was dropped from it ({key, field, message} each): a value the codec
 * cannot read (decodeHash's `dropped`), and, with `check` and `hashKeyOf`, each value the engine
 * refuses (check(state) throws naming its config path), put back to the empty state's (allErrors).
 * Throws when the link cannot be used at all.
 */
export function linkState({ decodeHash, check = () => {}, hashKeyOf = null, emptyState = null }, hash) {
  const dropped = [];
  let state;
  try {
    state = decodeHash(hash, dropped);
  } catch (error) {
    // What was dropped before the link failed is said too (a typo beside a missing key).
    throw dropped.length && error instanceof HashError
      ? new HashError([...dropped.map((d) => d.message), error.message].join('; ')) : error;
  }
  if (!hashKeyOf) {
    check(state);
    return { state, dropped };
  }
  const { errors, state: usable } = allErrors(state, check, emptyState());
  if (!usable) throw Object.assign(new Error(errors.at(-1).message), { field: errors.at(-1).field });
  for (const { field, message } of errors) {
    const key = hashKeyOf(field);
    // The refused text (a custom rule, a formula) goes back into its editor: a link loses nothing typed.
    const value = field ? valueAt(state, field) : undefined;
    dropped.push({ key, field, message: keyed(key, message), ...(typeof value === 'string' ? { text: value } : {}) });
  }
  return { state: usable, dropped };
}

/**
 * The state of the page's link: {state, fromLink, dropped}; a bad value in it is left at its
 * default (`dropped` lists them, and the message box says so); with no hash, or one that cannot be
 * used at all (linkState throws), the default state, the reason shown as `instead` says.
 */
export function stateFromLink(codec, instead) {
  if (location.hash && location.hash !== '#') {
    try {
      const { state, dropped } = linkState(codec, location.hash);
      if (dropped.length) showMessage(droppedProblem(dropped), 'link');
      return { state, fromLink: true, dropped };
    } catch (error) {
      showMessage(linkProblem(error, instead), 'link');
    }
  }
  return { state: codec.defaultState(), fromLink: false, dropped: [] };
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
  #repaired = false;

  constructor(codec, instead, fallBack) {
    ({ state: this.state, fromLink: this.pending, dropped: this.dropped } = stateFromLink(codec, instead));
    this.#codec = codec;
    this.#instead = instead;
    this.#fallBack = fallBack;
  }

  accept() { this.pending = false; }

  /**
   * For a pending link the engine refused field by field ({field, message} each; with the codec's
   * hashKeyOf and emptyState): the link's `state` with each refused field put back to the empty
   * state's, its fields added to `dropped` and the message box saying so; null (once repaired, or
   * when a field cannot be put back) so that refuse() falls back.
   */
  repair(state, errors) {
    const { hashKeyOf, emptyState } = this.#codec;
    if (!this.pending || this.#repaired || !hashKeyOf || !errors?.length || errors.some((e) => !e.field)) return null;
    const fixed = structuredClone(state);
    const empty = emptyState();
    if (!errors.every(({ field }) => repairField(fixed, field, empty))) return null;
    this.#repaired = true;
    for (const { field, message } of errors) {
      const key = hashKeyOf(field);
      this.dropped.push({ key, field, message: keyed(key, message) });
    }
    showMessage(droppedProblem(this.dropped), 'link');
    return fixed;
  }

  refuse(message) {
    if (!this.pending) return false;
    this.pending = false;
    showMessage(linkProblem({ message }, this.#instead), 'link');
    this.#fallBack();
    return true;
  }

  /**
   * Keeps the URL hash in step with `store` (linkHash); a link pasted later replaces its state, on
   * trial like the first link's with `onTrial`, and onDropped(dropped) marks what it left out;
   * `keeping` says what stays when it cannot be used.
   */
  syncHash(store, encodeHash, keeping, { onTrial = false, onDropped = () => {} } = {}) {
    return linkHash({
      encodeHash, decodeHash: this.#codec.decodeHash,
      apply: (state, dropped) => {
        this.pending = onTrial;
        store.replace(state);
        onDropped(dropped);
      },
    }, keeping);
  }
}

/**
 * Keeps the URL hash in step with the page's state: write(state) replaces it (debounced, without
 * a history entry; flush() writes a pending one now); a hash changed from outside (a pasted link, back) goes through linkState (with
 * the codec's check, if any) to apply(state, dropped), or, when it cannot be used, to refuse()
 * after the message saying so with `keeping`.
 */
export function linkHash({ apply, refuse = () => {}, ...codec }, keeping) {
  let timer = 0;
  let written = '';
  window.addEventListener('hashchange', () => {
    if (location.hash === written) return;
    let link;
    try {
      link = linkState(codec, location.hash);
    } catch (error) {
      showMessage(linkProblem(error, keeping), 'link');
      refuse();
      return;
    }
    showMessage(link.dropped.length ? droppedProblem(link.dropped) : null, 'link');
    apply(link.state, link.dropped);
  });
  let pending = null;
  const flush = () => {
    clearTimeout(timer);
    if (!pending) return;
    written = codec.encodeHash(pending);
    pending = null;
    if (written !== location.hash) history.replaceState(null, '', written);
  };
  return {
    write(state) {
      clearTimeout(timer);
      pending = state;
      timer = setTimeout(flush, HASH_DELAY);
    },
    /** Writes a pending state now. */
    flush,
  };
}
