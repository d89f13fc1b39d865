// Small DOM builders shared by the pages: elements with attributes and children, panel sections,
// buttons, and text that is set only when it changed.

/** el(tag, attributes, ...children): children are nodes or text ('', null and undefined are skipped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) node.setAttribute(k, v);
  for (const child of children.flat()) {
    if (child === '' || child === null || child === undefined) continue;
    node.append(child);
  }
  return node;
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function section(title, className = 'panel') {
  const s = document.createElement('section');
  s.className = className;
  const h = document.createElement('h2');
  h.textContent = title;
  s.append(h);
  return s;
}

export function button(text, className, onClick, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

/** A chart's small export button (SVG, PNG). */
export const exportButton = (label, onClick) => button(label, 'gs-chart-button', onClick);

/** Whether a key pressed on `target` types into a field (so a page shortcut must leave it alone). */
export const typesText = (target) =>
  !!target?.closest?.('input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), select, textarea, [contenteditable]');
