// Light, dark or automatic (the system's) theme, remembered in localStorage; sets
// <html data-theme> for the CSS and tells the canvas components.
const ORDER = ['auto', 'light', 'dark'];
const ICON = { auto: '◐', light: '☀', dark: '☾' };

export function initTheme(button, onChange) {
  const media = matchMedia('(prefers-color-scheme: dark)');
  let choice = ORDER.includes(localStorage.getItem('gradscape-theme')) ? localStorage.getItem('gradscape-theme') : 'auto';
  const api = {
    get current() { return choice === 'auto' ? (media.matches ? 'dark' : 'light') : choice; },
  };
  const apply = () => {
    document.documentElement.dataset.theme = api.current;
    button.textContent = ICON[choice];
    button.setAttribute('aria-label', `Theme: ${choice} (click to change)`);
    button.title = `Theme: ${choice}`;
  };
  button.addEventListener('click', () => {
    choice = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length];
    localStorage.setItem('gradscape-theme', choice);
    apply();
    onChange(api.current);
  });
  // Presentation mode (presentation.mjs) enlarges the charts' fonts: they redraw as for a new theme.
  window.addEventListener('gradscape:presentation', () => onChange(api.current));
  media.addEventListener('change', () => {
    apply();
    onChange(api.current);
  });
  apply();
  return api;
}
