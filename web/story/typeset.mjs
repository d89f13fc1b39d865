// Typesets every [data-tex] element under `root` with KaTeX (loaded on demand). Each element
// holds a plain-text form of its formula, shown until KaTeX arrives and kept if it cannot render.
import { loadKatex } from '../shared/katex-loader.mjs';

export async function typeset(root = document) {
  const elements = [...root.querySelectorAll('[data-tex]:not(.typeset)')];
  if (!elements.length) return 0;
  const { render } = await loadKatex();
  let done = 0;
  for (const element of elements) {
    try {
      render(element.dataset.tex, element, { displayMode: element.classList.contains('display'), throwOnError: true });
      element.classList.add('typeset');
      done += 1;
    } catch (error) {
      element.title = error.message;
    }
  }
  return done;
}
