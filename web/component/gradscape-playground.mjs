// <gradscape-playground>: a live Gradscape figure in any page with one module script and a tag
//   <script type="module" src=".../component/gradscape-playground.mjs"></script>
//   <gradscape-playground objective="rosenbrock" optimizers="adam lr=0.05; sgd lr=0.001 momentum=0.9"
//       start="-1.5,2" steps="300" controls="minimal" autoplay height="420" theme="auto"></gradscape-playground>
// Attributes (attributes.mjs): view (landscape | regret | sweep | race | paper), config (the view's config
// as JSON) and the short objective, optimizers, start, steps that override its fields; controls
// (none | minimal | full), autoplay, height (px), theme (light | dark | auto) and site (the Gradscape
// site that "Open in Gradscape" links to; by default the one this script was loaded from).
// Methods play(), pause(), reset(), result() (a promise of the view's result schema); property `config` (get: the
// config in use; set: replaces the configuration, short attributes included, and re-runs).
// Events on the element (bubbling, composed): gradscape:ready, gradscape:step {step, total},
// gradscape:diverged {run, label, step}, gradscape:finished, gradscape:error {message}.
//
// Shadow DOM: the host page's CSS does not reach in and the figure's does not leak out (styles are
// constructable stylesheets, allowed by a strict CSP's style-src 'self'). Lazy: nothing is loaded
// until the element comes near the viewport; then the view's module (views/<view>-view.mjs) and
// the engine. Every element of a page shares one engine (loadGradscape caches each wasm module).
// Errors show inside the element's box and as a gradscape:error event, never as an uncaught
// exception in the host's console.
//
// The view contract: `createView(ctx)` resolves to a view, or rejects with the engine's message.
//   ctx = { root, adoptStyles(cssText), config, controls, autoplay, theme ('light'|'dark'), height,
//           engine(options) → Promise<Gradscape>, emit(type, detail), signal (aborted on removal),
//           siteBase (URL string of the Gradscape site, or null) }
//   view = { start?() (called once the host has the view: the figure runs from here on), setConfig(config),
//            play(), pause(), reset(), seek?(step), setTheme(theme), result(), fullPageHash, config, destroy?() }
import themeCss from '../lib/theme.css?inline';
import componentCss from './component.css?inline';
import { GradscapeError, loadGradscape, needsFullEngine } from '../api/gradscape.mjs';
import { sheetOf } from './stylesheets.mjs';
import { LABS } from '../labs.mjs';
import {
  ATTRIBUTES, AttributeError, CONFIG_ATTRIBUTES, MINIFIER_SAFE_NAMES, REMOUNT_ATTRIBUTES, configFromAttributes,
  parseControls, parseFlag, parseHeight, parseTheme, parseView,
} from './attributes.mjs';

const LAZY_MARGIN = '200px';
const DEFAULT_SITE = new URL(/* @vite-ignore */ '../', import.meta.url).href;

const darkMedia = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

export class GradscapePlayground extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES, ...Object.values(MINIFIER_SAFE_NAMES)];
  #shadow = null;
  #box = null;
  #message = null;
  #placeholder = null;
  #view = null;
  // Whether the mounted view's engine is the full one (loaded only for a config that needs it).
  #full = false;
  #viewName = null;
  #abort = null;
  #observer = null;
  #visible = false;
  #mounting = null;
  #dirty = new Set();
  #flushQueued = false;
  #pendingActions = [];  // [action, ...args] called before the view was ready: run once it starts
  #onMedia = () => this.#applyTheme();

  connectedCallback() {
    if (!this.#shadow) this.#build();
    this.#applyHeight();
    this.#applyTheme();
    darkMedia()?.addEventListener('change', this.#onMedia);
    if (this.#view || this.#mounting) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.#onVisible();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#onVisible();
    }, { rootMargin: LAZY_MARGIN });
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    darkMedia()?.removeEventListener('change', this.#onMedia);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#visible = false;
    this.#unmount();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#shadow) return;
    this.#dirty.add(Object.keys(MINIFIER_SAFE_NAMES).find((n) => MINIFIER_SAFE_NAMES[n] === name) ?? name);
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => this.#flush());
  }

  /** The config in use (the view's schema, with every default resolved), or the attributes' before the view starts. */
  get config() {
    if (this.#view?.config) return structuredClone(this.#view.config);
    try {
      return configFromAttributes(parseView(this.getAttribute('view')), (n) => this.getAttribute(n));
    } catch {
      return null;
    }
  }

  /**
   * Replaces the whole configuration: the short attributes (objective, optimizers, start, steps) are
   * removed; null or undefined leaves the view's defaults.
   */
  set config(value) {
    try {
      const text = value === null || value === undefined ? null : JSON.stringify(value);
      for (const name of CONFIG_ATTRIBUTES) if (name !== 'config') this.removeAttribute(name);
      if (text === null) this.removeAttribute('config');
      else this.setAttribute('config', text);
    } catch (error) {
      this.#fail(`config: must be JSON data (${error.message})`);
    }
  }

  play() { this.#act('play'); }
  pause() { this.#act('pause'); }
  reset() { this.#act('reset'); }
  /** Shows the landscape's runs after exactly `step` steps, paused (the lab page's t=…&paused=1). */
  seek(step) { this.#act('seek', step); }

  /**
   * A promise of the figure's result in its view's result schema (docs/schema.md), null before it is
   * ready: the landscape's runs as far as they have played, the regret, sweep and paper views' once
   * computed.
   */
  async result() {
    return this.#view ? this.#view.result() : null;
  }

  /** The hash of the full lab page for the current state (the Embed button's snippets use it). */
  get fullPageHash() { return this.#view?.fullPageHash ?? ''; }

  // ----- internals ------------------------------------------------------------------------------

  #build() {
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [sheetOf(themeCss), sheetOf(componentCss)];
    this.#box = document.createElement('div');
    this.#box.className = 'gs-box';
    this.#box.setAttribute('part', 'box');
    this.#placeholder = document.createElement('div');
    this.#placeholder.className = 'gs-placeholder';
    this.#placeholder.textContent = 'Gradscape figure';
    this.#message = document.createElement('p');
    this.#message.className = 'gs-message';
    this.#message.setAttribute('role', 'alert');
    this.#message.hidden = true;
    this.#box.append(this.#placeholder, this.#message);
    this.#shadow.append(this.#box);
  }

  #safe(parse, fallback, attribute) {
    try {
      return parse(this.getAttribute(attribute));
    } catch (error) {
      this.#fail(error.message);
      return fallback;
    }
  }

  #applyHeight() {
    this.style.setProperty('height', `${this.#safe(parseHeight, 420, 'height')}px`);
  }

  #theme() {
    const choice = this.#safe(parseTheme, 'auto', 'theme');
    return choice === 'auto' ? (darkMedia()?.matches ? 'dark' : 'light') : choice;
  }

  #applyTheme() {
    const theme = this.#theme();
    this.#box.dataset.theme = theme;
    this.#view?.setTheme(theme);
  }

  #onVisible() {
    if (this.#visible) return;
    this.#visible = true;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#mount();
  }

  #mount() {
    this.#showMessage(null);
    const abort = new AbortController();
    this.#abort = abort;
    this.#placeholder.hidden = false;
    this.#placeholder.textContent = 'Loading Gradscape…';
    let root = null;
    this.#box.dataset.state = 'loading';
    this.#mounting = (async () => {
      try {
        const get = (n) => this.getAttribute(n) ?? (MINIFIER_SAFE_NAMES[n] ? this.getAttribute(MINIFIER_SAFE_NAMES[n]) : null);
        const viewName = parseView(get('view'));
        const controls = parseControls(get('controls'));
        const autoplay = parseFlag('autoplay', get('autoplay'));
        parseHeight(get('height'));
        parseTheme(get('theme'));
        const config = configFromAttributes(viewName, get);
        const full = needsFullEngine(config);
        this.#full = full;
        const { createView } = await import(`./views/${viewName}-view.mjs`);
        if (abort.signal.aborted) return;
        root = document.createElement('div');
        root.className = 'gs-view';
        this.#box.insertBefore(root, this.#message);
        abort.signal.addEventListener('abort', () => root.remove());
        const site = get('site');
        const view = await createView({
          root,
          adoptStyles: (cssText) => {
            const sheet = sheetOf(cssText);
            if (!this.#shadow.adoptedStyleSheets.includes(sheet)) this.#shadow.adoptedStyleSheets = [...this.#shadow.adoptedStyleSheets, sheet];
          },
          config, controls, autoplay,
          theme: this.#theme(),
          height: this.clientHeight,
          engine: (options) => loadGradscape({ ...options, full }),
          emit: (type, detail) => { if (!abort.signal.aborted) this.#emit(type, detail); },
          signal: abort.signal,
          siteBase: site === null ? DEFAULT_SITE : (site.trim() === '' ? null : new URL(site, document.baseURI).href),
        });
        if (abort.signal.aborted) {
          view.destroy?.();
          return;
        }
        this.#view = view;
        this.#viewName = viewName;
        this.#placeholder.hidden = true;
        this.#box.dataset.state = 'ready';
        this.#emit('ready', { view: viewName, page: LABS[viewName].page });
        try {
          view.start?.();
        } catch (error) {
          this.#view = null;
          throw error;
        }
        for (const action of this.#pendingActions.splice(0)) this.#act(...action);
      } catch (error) {
        if (abort.signal.aborted) return;
        abort.abort();  // the view's own clean-up, if it got that far
        root?.remove();
        this.#placeholder.hidden = true;
        this.#box.dataset.state = 'error';
        const known = error instanceof AttributeError || error instanceof GradscapeError;
        this.#fail(known ? error.message : `Gradscape could not start: ${error?.message ?? error}`);
      } finally {
        if (this.#abort === abort) this.#mounting = null;
      }
    })();
  }

  #unmount() {
    this.#abort?.abort();
    this.#abort = null;
    this.#pendingActions = [];
    try {
      this.#view?.destroy?.();
    } catch {
      // a view that fails while being torn down leaves nothing to report
    }
    this.#view = null;
    this.#mounting = null;
  }

  #flush() {
    this.#flushQueued = false;
    const dirty = this.#dirty;
    this.#dirty = new Set();
    if (dirty.has('height')) this.#applyHeight();
    if (dirty.has('theme')) this.#applyTheme();
    if (!this.#visible) return;
    const configChanged = CONFIG_ATTRIBUTES.some((a) => dirty.has(a));
    if (REMOUNT_ATTRIBUTES.some((a) => dirty.has(a)) || (!this.#view && configChanged)) {
      this.#unmount();
      this.#mount();
      return;
    }
    if (!this.#view || !configChanged) return;
    try {
      const config = configFromAttributes(this.#viewName, (n) => this.getAttribute(n));
      if (needsFullEngine(config) && !this.#full) {
        this.#unmount();  // e.g. a typed formula: the full engine
        this.#mount();
        return;
      }
      this.#view.setConfig(config);
      this.#showMessage(null);
    } catch (error) {
      this.#fail(error.message);
    }
  }

  #act(action, ...args) {
    if (this.#view) {
      try {
        if (typeof this.#view[action] !== 'function') throw new Error(`${action}: the ${this.getAttribute('view') ?? 'landscape'} view has no player; only the landscape view does`);
        this.#view[action](...args);
      } catch (error) {
        this.#fail(error.message);
      }
    } else {
      this.#pendingActions.push([action, ...args]);
    }
  }

  #showMessage(text) {
    if (!this.#message) return;
    this.#message.hidden = !text;
    this.#message.textContent = text ?? '';
  }

  #fail(message) {
    if (!this.#message.hidden && this.#message.textContent === message) return;  // said already
    this.#showMessage(message);
    this.#emit('error', { message });
  }

  #emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(`gradscape:${type}`, { detail, bubbles: true, composed: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('gradscape-playground')) {
  customElements.define('gradscape-playground', GradscapePlayground);
}
