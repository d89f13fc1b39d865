// Scrolls the chart a story is about (its preset's `focus`) into view once that chart is shown: a
// focus names an element id of the page, or a key of the lab's `focuses`, a map from names to
// functions returning the element (a chart the lab builds itself). The element may still be hidden
// or empty while the story's run starts; the scroll waits (ResizeObserver) until it has a size.
// Choosing another story drops a wait that has not happened yet. The sticky top bar never covers it.
let pending = null;

function cancel() {
  pending?.disconnect();
  pending = null;
}

const shown = (element) => !element.closest('[hidden]') && element.getBoundingClientRect().height > 0;

/** Scrolls the element into view (block: nearest), then out from under the page's sticky top bar. */
function reveal(element) {
  element.scrollIntoView({ block: 'nearest' });
  const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const covered = bar - element.getBoundingClientRect().top;
  if (covered > 0) window.scrollBy(0, -covered);
}

/** Scrolls focuses[name]() (or the element with id name) into view (block: nearest) now or as soon as it is laid out. */
export function scrollToFocus(focuses, name) {
  cancel();
  const element = name ? (focuses[name]?.() ?? document.getElementById(name)) : null;
  if (!element) return;
  if (shown(element)) {
    reveal(element);
    return;
  }
  const observer = new ResizeObserver(() => {
    if (!shown(element)) return;
    cancel();
    reveal(element);
  });
  observer.observe(element);
  pending = observer;
}
