// Typesets every [data-tex] element under `root` with KaTeX (loaded on demand). Each element
// holds a plain-text form of its formula, shown until KaTeX arrives and kept if it cannot render
// (or if KaTeX cannot be loaded: offline, a strict policy). An element is claimed at once, so two
// calls in flight never render the same formula twice.
import { loadKatex } from './katex-loader.mjs';

export async function typeset(root = document) {
  const elements = [...root.querySelectorAll('[data-tex]:not(.typeset):not(.typesetting)')];
  if (!elements.length) return 0;
  for (const element of elements) element.classList.add('typesetting');
  let render;
  try {
    ({ render } = await loadKatex());
  } catch (error) {
    for (const element of elements) element.title = `KaTeX could not be loaded: ${error.message}`;
    return 0;
  }
  let done = 0;
  for (const element of elements) {
    try {
      render(element.dataset.tex, element, { displayMode: element.classList.contains('display'), throwOnError: true });
      element.classList.replace('typesetting', 'typeset');
      done += 1;
    } catch (error) {
      element.title = error.message;
    }
  }
  return done;
}
