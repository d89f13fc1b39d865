// What the essay and the docs page share: the theme button (as on the labs), which every
// <gradscape-playground> on the page follows, the formulas typeset with KaTeX, and the service
// worker that keeps the site available offline (lib/offline.mjs).
import { initTheme } from './theme.mjs';
import { registerOffline } from './offline.mjs';
import { typeset } from './typeset.mjs';

const FIGURES = 'gradscape-playground';

function applyTheme(theme) {
  for (const figure of document.querySelectorAll(FIGURES)) figure.setAttribute('theme', theme);
}

// On a phone the tabs scroll sideways; these pages' tabs are the last ones, so show them.
function revealActiveTab() {
  const active = document.querySelector('.tabs .tab.active');
  const tabs = active?.parentElement;
  if (!tabs || tabs.scrollWidth <= tabs.clientWidth) return;
  const overflow = active.getBoundingClientRect().right - tabs.getBoundingClientRect().right;
  if (overflow > 0) tabs.scrollLeft += overflow;
}

export function initPage() {
  registerOffline();
  revealActiveTab();
  const theme = initTheme(document.getElementById('theme'), applyTheme);
  applyTheme(theme.current);
  return { theme, typeset: typeset() };
}
