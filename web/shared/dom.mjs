// Small DOM builders shared by the pages' generated settings panels.
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
