// The constructable stylesheets of <gradscape-playground> (and its views' dev harness): one per CSS
// text, shared by every element of the page. The site's stylesheets size things in rem, the root
// font size of the page they are on: inside a host page that would be the host's (a page with
// html { font-size: 30px } would blow the figure up), so in the shadow root a rem is the box's
// --gs-rem (component.css) instead.
const sheets = new Map();

export const scopedRem = (cssText) => cssText.replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--gs-rem))');

export function sheetOf(cssText) {
  if (!sheets.has(cssText)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(scopedRem(cssText));
    sheets.set(cssText, sheet);
  }
  return sheets.get(cssText);
}
