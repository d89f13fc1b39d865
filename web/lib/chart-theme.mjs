// The colours of the exported charts in a named theme ('light' or 'dark'), read from the CSS
// variables of a hidden probe inside `host` carrying that theme, so a figure can be exported in
// the theme the page is not showing. `vars` maps a colour's name to its CSS variable.

/** { name: colour } of `vars` ({ name: '--css-variable' }) in theme `themeName`. */
export function themeColours(host, themeName, vars, className = 'gs-box') {
  const probe = document.createElement('div');
  probe.className = className;
  probe.dataset.theme = themeName;
  probe.hidden = true;
  host.append(probe);
  const style = getComputedStyle(probe);
  const colours = Object.fromEntries(Object.entries(vars).map(([name, v]) => [name, style.getPropertyValue(v).trim() || '#888']));
  probe.remove();
  return colours;
}
