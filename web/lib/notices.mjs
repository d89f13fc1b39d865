// The page's message bar (#message, #message-text) and toast (#toast), shared by every page. A
// toast can carry one action (e.g. "Undo"): it then stays for ACTION_MS, longer while the pointer
// or the focus is on it, and Ctrl/Cmd+Z runs the action while it shows (unless a field has focus).
import { typesText } from './dom.mjs';

const $ = (id) => document.getElementById(id);
const PLAIN_MS = 1800;
export const ACTION_MS = 8000;

// kind 'link': the URL could not be used (stays until closed); 'error': the current edit is invalid.
export function showMessage(text, kind = 'error') {
  const box = $('message');
  box.hidden = !text;
  box.dataset.kind = text ? kind : '';
  $('message-text').textContent = text ?? '';
}

let timer = 0;
let action = null;  // the action of the toast on screen: { label, run }
let hooked = null;  // the #toast element the listeners are on

function hide() {
  clearTimeout(timer);
  action = null;
  hooked?.classList.remove('visible', 'has-action');
  hooked?.querySelector('.toast-action')?.remove();
}

function hideAfter(ms) {
  clearTimeout(timer);
  timer = setTimeout(hide, ms);
}

function runAction() {
  const chosen = action;
  hide();
  chosen?.run();
}

function onKeyDown(e) {
  if (!action || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
  if (typesText(e.target)) return;
  e.preventDefault();
  runAction();
}

function hook(t) {
  if (hooked === t) return;
  if (!hooked) document.addEventListener('keydown', onKeyDown);
  hooked = t;
  for (const hold of ['pointerenter', 'focusin']) t.addEventListener(hold, () => action && clearTimeout(timer));
  for (const release of ['pointerleave', 'focusout']) t.addEventListener(release, () => action && hideAfter(ACTION_MS));
}

/** Shows `text` briefly in the page's toast. */
export function toast(text) {
  return toastIn(document, text);
}

/**
 * Shows `text` in the toast of root (a document or shadow root); with `withAction` ({ label, run }),
 * also a button that runs it, for ACTION_MS. False if root has no toast (e.g. a web component's).
 */
export function toastIn(root, text, withAction = null) {
  const t = root.getElementById?.('toast');
  if (!t) return false;
  hide();
  hook(t);
  const message = document.createElement('span');
  message.textContent = text;
  t.replaceChildren(message);
  if (withAction) {
    action = withAction;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'toast-action';
    button.textContent = withAction.label;
    button.title = `${withAction.label} (Ctrl+Z)`;
    button.setAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    button.addEventListener('click', runAction);
    t.append(button);
  }
  t.classList.toggle('has-action', !!withAction);
  t.classList.add('visible');
  hideAfter(withAction ? ACTION_MS : PLAIN_MS);
  return true;
}
