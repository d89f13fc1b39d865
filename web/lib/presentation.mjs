// Presentation mode, for a projector: <html data-presentation> hides the settings column and
// enlarges the type (style.css), and the charts redraw with larger fonts (canvas-style.mjs's
// chartFont). Toggled by the top bar's button (aria-pressed) or the P key (not while typing in a
// field); Esc leaves. A view preference of this tab (sessionStorage), never part of a link.
import { typesText } from './dom.mjs';

const KEY = 'gradscape-presentation';
export const PRESENTATION_EVENT = 'gradscape:presentation';

/** Whether the page is in presentation mode. */
export const presenting = () => document.documentElement.dataset.presentation === 'true';

function remembered() {
  try {
    return sessionStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

function remember(on) {
  try {
    if (on) sessionStorage.setItem(KEY, 'on');
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the mode still works, it is just not remembered.
  }
}

/** Installs the toggle on `button` (optional) and the P and Esc keys. */
export function setUpPresentation(button = document.getElementById('presentation')) {
  const set = (on) => {
    if (on === presenting()) return;
    if (on) document.documentElement.dataset.presentation = 'true';
    else delete document.documentElement.dataset.presentation;
    button?.setAttribute('aria-pressed', String(on));
    remember(on);
    window.dispatchEvent(new CustomEvent(PRESENTATION_EVENT, { detail: { on } }));
  };
  button?.setAttribute('aria-pressed', 'false');
  button?.addEventListener('click', () => set(!presenting()));
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typesText(event.target)) return;
    if (event.key === 'p' || event.key === 'P') {
      event.preventDefault();
      set(!presenting());
    } else if (event.key === 'Escape' && presenting() && !document.querySelector('dialog[open]')) {
      set(false);
    }
  });
  if (remembered()) set(true);
}
