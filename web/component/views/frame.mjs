// The chrome around a component view's figure, shared by the regret, sweep and paper views. In ctx.root
// (the view's <div class="gs-view">, given the class gs-lab: every class here is gs-lab-*, apart
// from the landscape view's, which a shadow root that switched views may still have): for controls 'minimal' and 'full' a bar with Run/Pause, Reset,
// a progress bar and text, and "Open in Gradscape ↗" (only when ctx.siteBase is given); the figure;
// for 'full' a settings panel beside the figure (a side column when the view is at least 760 px
// wide, otherwise a panel over the figure), shown and hidden with the bar's Settings button; and a
// line for the engine's messages. The root fills the height the element's box gives it; the theme
// is set on it too (the colours themselves are the box's: lib/theme.css and regret.css set them on
// .gs-box, so the host page's variables never reach the view).
import viewCss from './views.css?inline';

const WIDE = 760;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function barButton(text, className, onClick, signal) {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick, { signal });
  return b;
}

/** "https://host/gradscape" → "https://host/gradscape/"; null when absent or not a URL. */
export function siteFolder(siteBase) {
  if (typeof siteBase !== 'string' || !siteBase) return null;
  try {
    return new URL(siteBase.endsWith('/') ? siteBase : `${siteBase}/`);
  } catch {
    return null;
  }
}

/**
 * Re-runs a view's computation after every edit of its store: at once, or `delay` ms after the last
 * 'live' edit (a slider being dragged); 'structure' and 'replace' edits rebuild the settings first.
 * `before(state, reason)` may handle an edit itself (returns true: no re-run). Returns { run, stop }:
 * run() computes now, dropping a pending live re-run; stop() ends the subscription and the timer.
 */
export function rerunOnEdits(store, { compute, render, delay, before }) {
  let timer = 0;
  const run = () => {
    clearTimeout(timer);
    compute();
  };
  const unsubscribe = store.subscribe((state, reason) => {
    if (before?.(state, reason)) return;
    if (reason === 'structure' || reason === 'replace') render();
    clearTimeout(timer);
    if (reason === 'live') timer = setTimeout(run, delay);
    else run();
  });
  return {
    run,
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}

export class ViewFrame {
  #root;
  #page;
  #base;
  #play = null;
  #fill = null;
  #progress = null;
  #text = null;
  #link = null;
  #error;
  #state = 'running';

  /**
   * page: the lab page's file ("regret.html"); label: what the figure is, for assistive technology;
   * onPlay(), onPause(), onReset(): the bar's buttons.
   */
  constructor(ctx, { page, label, onPlay, onPause, onReset }) {
    const root = ctx.root;
    const { signal } = ctx;
    this.#root = root;
    this.#page = page;
    this.#base = siteFolder(ctx.siteBase);
    ctx.adoptStyles(viewCss);
    root.replaceChildren();
    root.classList.add('gs-view', 'gs-lab');
    root.dataset.controls = ctx.controls;
    this.setTheme(ctx.theme);

    this.figure = el('div', 'gs-lab-figure');
    this.figure.setAttribute('role', 'figure');
    this.figure.setAttribute('aria-label', label);
    const body = el('div', 'gs-lab-body');
    body.append(this.figure);
    this.settings = null;
    if (ctx.controls !== 'none') {
      const bar = el('div', 'gs-lab-bar');
      bar.setAttribute('role', 'group');
      bar.setAttribute('aria-label', 'Computation');
      this.#play = barButton('Pause', 'gs-lab-play primary', () => (this.#state === 'running' ? onPause() : onPlay()), signal);
      const reset = barButton('Reset', 'gs-lab-reset', () => onReset(), signal);
      this.#progress = el('div', 'gs-lab-progress');
      this.#progress.setAttribute('role', 'progressbar');
      this.#progress.setAttribute('aria-label', 'Progress');
      this.#progress.setAttribute('aria-valuemin', '0');
      this.#progress.setAttribute('aria-valuemax', '100');
      this.#fill = el('div', 'gs-lab-progress-fill');
      this.#progress.append(this.#fill);
      this.#text = el('span', 'gs-lab-progress-text');
      this.#text.setAttribute('aria-live', 'polite');
      bar.append(this.#play, reset, this.#progress, this.#text);
      if (ctx.controls === 'full') {
        this.settings = el('aside', 'gs-lab-settings');
        this.settings.setAttribute('aria-label', 'Settings');
        body.append(this.settings);
        const toggle = barButton('Settings', 'gs-lab-settings-toggle', () => this.#toggleSettings(toggle), signal);
        bar.append(toggle);
        this.#setSettings(toggle, root.clientWidth >= WIDE);
      }
      this.#link = el('a', 'gs-lab-open', 'Open in Gradscape ↗');
      this.#link.target = '_blank';
      this.#link.rel = 'noopener';
      this.#link.hidden = !this.#base;
      bar.append(this.#link);
      root.append(bar);
    }
    this.#error = el('div', 'gs-lab-error');
    this.#error.setAttribute('role', 'alert');
    this.#error.hidden = true;
    root.append(body, this.#error);
  }

  #toggleSettings(toggle) {
    this.#setSettings(toggle, this.#root.dataset.settings !== 'open');
  }

  #setSettings(toggle, open) {
    this.#root.dataset.settings = open ? 'open' : 'closed';
    toggle.setAttribute('aria-expanded', String(open));
  }

  setTheme(theme) {
    this.#root.dataset.theme = theme === 'dark' ? 'dark' : 'light';
  }

  /** 'running' | 'paused' | 'finished' | 'error' | 'cancelled': what the Run/Pause button offers. */
  setState(state) {
    this.#state = state;
    this.#root.dataset.state = state;
    if (!this.#play) return;
    this.#play.textContent = { running: 'Pause', paused: 'Resume', finished: 'Run again', error: 'Run', cancelled: 'Run' }[state];
  }

  /** Whether the computation shown has ended (finished, failed or cancelled): play() runs it again. */
  get ended() { return ['finished', 'error', 'cancelled'].includes(this.#state); }

  /**
   * Shows a computation on the bar. busy: a newer one is asked for and has not started; paused: the
   * view's slicer is paused; state: the shown job's ('running' | 'done' | 'error' | 'cancelled', or
   * null before the first); progress: {fraction, text} of it, or null (none yet: "Starting…",
   * or no text once it failed).
   */
  showComputation({ busy, paused, state, progress }) {
    let shown = paused ? 'paused' : 'running';
    if (!busy && state === 'done') shown = 'finished';
    else if (!busy && (state === 'error' || state === 'cancelled')) shown = state;
    this.setState(shown);
    if (!progress) this.setProgress(0, shown === 'error' ? '' : 'Starting…');
    else this.setProgress(progress.fraction, `${progress.text}${shown === 'paused' ? ' · paused' : ''}`);
  }

  /** fraction ∈ [0, 1] done, and the progress in words. */
  setProgress(fraction, text) {
    if (!this.#progress) return;
    this.#fill.style.setProperty('--done', String(fraction));
    this.#progress.setAttribute('aria-valuenow', String(Math.round(100 * fraction)));
    if (this.#text.textContent !== text) this.#text.textContent = text;
  }

  /** The lab page's hash for the current state ("#p=reddi&…"). */
  setLink(hash) {
    if (this.#link && this.#base) this.#link.href = new URL(`./${this.#page}${hash}`, this.#base).href;
  }

  /** Shows the engine's message under the figure (null hides it). */
  showError(message) {
    this.#error.hidden = !message;
    this.#error.textContent = message ?? '';
  }
}
