// What the essay and the docs page share: the theme button (as on the labs), which every
// <gradscape-playground> on the page follows, the formulas typeset with KaTeX, and the service
// worker that keeps the site available offline (lib/offline.mjs).
import { initTheme } from './theme.mjs';
import { registerOffline } from './offline.mjs';
import { setUpTabScrollHint } from './tab-scroll-hint.mjs';
import { typeset } from './typeset.mjs';

const FIGURES = 'gradscape-playground';

function applyTheme(theme) {
  for (const figure of document.querySelectorAll(FIGURES)) figure.setAttribute('theme', theme);
}

export function initPage() {
  registerOffline();
  setUpTabScrollHint();
  const theme = initTheme(document.getElementById('theme'), applyTheme);
  applyTheme(theme.current);
  return { theme, typeset: typeset() };
}
