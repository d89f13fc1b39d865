// Wires a page's Export menu: each [data-export] button closes its menu and runs
// actions[its data-export]; a failing export's message is shown in the page's message box.
import { showMessage } from './notices.mjs';

export function setUpExportMenu(actions) {
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => {
      button.closest('details')?.removeAttribute('open');
      Promise.resolve().then(() => actions[button.dataset.export]()).catch((error) => showMessage(`Export: ${error.message}`));
    });
  }
}
