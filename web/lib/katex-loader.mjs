// KaTeX (its JS and CSS, ~98 KB gzipped) on demand. loadKatex() imports it once, for a formula that
// is needed now; loadKatexWhenIdle(mark) waits for the performance mark `mark` (the page's first
// drawn frame) and then for an idle moment, so that KaTeX never competes with the engine's first load.
let promise = null;
let loaded = null;

/** A cached promise of { render } (katex.render). */
export function loadKatex() {
  promise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => {
    loaded = { render: module.default.render };
    return loaded;
  });
  return promise;
}

/** { render } if KaTeX has arrived, else null. */
export function loadedKatex() {
  return loaded;
}

// Resolves once `mark` is set, or after `wait` ms if it never is (a page that could not start).
function afterMark(mark, wait) {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(mark).length) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!performance.getEntriesByName(mark).length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark' });
    setTimeout(resolve, wait);
  });
}

function whenIdle() {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(resolve, { timeout: 1000 });
    else setTimeout(resolve, 50);
  });
}

let idle = null;

/** loadKatex() once `mark` has been set and the page is next idle. */
export function loadKatexWhenIdle(mark, wait = 5000) {
  idle ??= afterMark(mark, wait).then(whenIdle).then(loadKatex);
  return idle;
}
