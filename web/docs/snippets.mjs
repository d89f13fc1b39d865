// Code blocks: a Copy button on every [data-copy] block, and the snippet of each live figure
// written from the figure's own tag, so that what the page shows is what it runs.
import { el } from '../lib/dom.mjs';

/** The tag of a <gradscape-playground> as a reader would write it, one attribute per line. */
export function tagSnippet(element, skip = ['theme', 'style']) {
  const tag = element.localName;
  const attrs = [...element.attributes].filter((a) => !skip.includes(a.name)).map((a) => {
    if (a.value === '') return a.name;
    const quote = a.value.includes('"') ? "'" : '"';
    return `${a.name}=${quote}${a.value}${quote}`;
  });
  if (attrs.length <= 2) return `<${tag} ${attrs.join(' ')}></${tag}>`;
  return `<${tag}\n    ${attrs.join('\n    ')}></${tag}>`;
}

export function initSnippets(root = document) {
  for (const block of root.querySelectorAll('[data-snippet-of="prev-figure"]')) {
    const figure = block.parentElement.querySelector('gradscape-playground');
    block.querySelector('code').textContent = tagSnippet(figure);
  }
  for (const block of root.querySelectorAll('[data-copy]')) {
    const button = el('button', { type: 'button', class: 'copy', 'aria-label': 'Copy the code' }, 'Copy');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(block.querySelector('code').textContent);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select and copy';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    });
    block.prepend(button);
  }
}
