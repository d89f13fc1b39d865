// What a component with its settings shown (controls="full") adds to its box: the toast where
// removing an optimizer offers Undo (lib/undo-removal.mjs looks for #toast in the card's root, here
// the shadow root), and the dimmed figure (.gs-stale) while a setting holds a value the engine
// refuses. Loaded with the settings, so a figure without them carries none of it.
const CSS = `
.gs-toast {
  position: absolute; bottom: 0.8rem; left: 50%; z-index: 5; transform: translate(-50%, 0.6rem); opacity: 0;
  pointer-events: none; display: flex; align-items: center; gap: 0.8rem; width: max-content; max-width: calc(100% - 1.6rem);
  background: var(--fg); color: var(--bg); padding: 0.3rem 0.35rem 0.3rem 0.9rem; border-radius: 999px;
  font: inherit; transition: opacity 0.2s, transform 0.2s;
}
.gs-toast.visible { opacity: 1; transform: translate(-50%, 0); }
.gs-toast.has-action.visible { pointer-events: auto; }
.gs-toast .toast-action {
  font: inherit; font-weight: 600; min-height: 1.8rem; padding: 0.1rem 0.85rem; border-radius: 999px; cursor: pointer;
  background: var(--bg); color: var(--fg); border: 1px solid var(--bg);
}
.gs-toast .toast-action:hover { border-color: var(--accent); }
.gs-stale .gs-figure { opacity: 0.4; filter: grayscale(0.7); transition: opacity 0.2s, filter 0.2s; }
`;

/** Adds the toast to `box` (once) with its styles adopted through adoptStyles. */
export function addSettingsToast(box, adoptStyles) {
  if (box.querySelector('#toast')) return;
  adoptStyles(CSS);
  const toast = document.createElement('div');
  toast.id = 'toast';
  toast.className = 'gs-toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  box.append(toast);
}
