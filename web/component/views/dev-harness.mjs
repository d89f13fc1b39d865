// The component views' dev harness (served by the Vite dev server: /component/views/dev-harness.html
// ?view=regret|sweep|race&preset=…&controls=none|minimal|full&theme=light|dark&w=…&h=…&paused=1): mounts one
// view as <gradscape-playground> would, in a shadow root with the element's stylesheets (rem scoped
// to the box as the element does) and a ctx built here: one memoised engine, adoptStyles through
// adoptedStyleSheets, events logged. window.harness = {view, events, errors, gs, state: 'ready' |
// 'error' | 'loading', error} is what tests/browser/component-views.test.mjs reads.
import themeCss from '../../lib/theme.css?inline';
import componentCss from '../component.css?inline';
import { loadGradscape } from '../../api/gradscape.mjs';
import { PRESETS as REGRET_PRESETS } from '../../regret/presets.mjs';
import { PRESETS as SWEEP_PRESETS } from '../../sweep/presets.mjs';
import { PRESETS as RACE_PRESETS } from '../../race/presets.mjs';
import { normalise as raceState, toConfig as raceConfig } from '../../race/state.mjs';
import { sheetOf } from '../stylesheets.mjs';

const VIEWS = { regret: () => import('./regret-view.mjs'), sweep: () => import('./sweep-view.mjs'), race: () => import('./race-view.mjs') };

/** A lab preset's state as that view's config (docs/schema.md). */
const CONFIGS = {
  regret: (state) => {
    const { axes, ...config } = structuredClone(state);
    return { version: 1, ...config };
  },
  sweep: (state) => {
    const { optimizers, ...rest } = structuredClone(state);
    return { version: 1, ...rest, optimizer: optimizers[0] };
  },
  race: (state) => raceConfig(raceState(state)),
};
const PRESETS = { regret: REGRET_PRESETS, sweep: SWEEP_PRESETS, race: RACE_PRESETS };

const params = new URLSearchParams(location.search);
const choice = {
  view: params.get('view') ?? 'regret',
  controls: params.get('controls') ?? 'minimal',
  theme: params.get('theme') ?? 'light',
  w: Number(params.get('w') ?? 900),
  h: Number(params.get('h') ?? 480),
};
choice.preset = params.get('preset') ?? PRESETS[choice.view][0].id;

const form = document.getElementById('choices');
function fillForm() {
  for (const [k, v] of Object.entries(choice)) if (form.elements[k] && k !== 'preset') form.elements[k].value = String(v);
  const select = form.elements.preset;
  select.replaceChildren(...PRESETS[form.elements.view.value].map((p) => new Option(p.title, p.id)));
  select.value = choice.preset;
}
fillForm();
form.elements.view.addEventListener('change', () => {
  choice.preset = PRESETS[form.elements.view.value][0].id;
  fillForm();
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const next = new URLSearchParams(new FormData(form));
  location.search = next.toString();
});

const engines = new Map();
// Every objective a preset or ?config= names: the full engine.
const engine = (options) => {
  const key = JSON.stringify(options ?? {});
  if (!engines.has(key)) engines.set(key, loadGradscape({ ...options, full: true }));
  return engines.get(key);
};

const log = document.getElementById('log');
const harness = { view: null, events: [], errors: [], gs: null, state: 'loading', error: null, abort: new AbortController() };
window.harness = harness;
window.addEventListener('error', (e) => harness.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => harness.errors.push(String(e.reason?.message ?? e.reason)));

async function mount() {
  const host = document.getElementById('host');
  host.style.width = `${choice.w}px`;
  host.style.height = `${choice.h}px`;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheetOf(themeCss), sheetOf(componentCss)];
  const box = document.createElement('div');
  box.className = 'gs-box';
  box.dataset.theme = choice.theme;
  const root = document.createElement('div');
  root.className = 'gs-view';
  box.append(root);
  shadow.append(box);
  const preset = PRESETS[choice.view].find((p) => p.id === choice.preset) ?? PRESETS[choice.view][0];
  const config = params.has('config') ? JSON.parse(params.get('config')) : CONFIGS[choice.view](preset.state);
  const { createView } = await VIEWS[choice.view]();
  harness.gs = await engine({ [choice.view]: true });
  harness.config = config;
  try {
    harness.view = await createView({
      root,
      adoptStyles: (css) => { shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheetOf(css)]; },
      config, controls: choice.controls, autoplay: false, theme: choice.theme, height: host.clientHeight,
      engine,
      emit: (type, detail) => {
        harness.events.push({ type, detail, at: performance.now() });
        log.textContent = `${type} ${JSON.stringify(detail)}\n${log.textContent}`.slice(0, 4000);
      },
      signal: harness.abort.signal,
      siteBase: new URL('../../', location.href).href,
    });
    // ?paused=1: pause in the same task that created the view, before any later slice can run.
    if (params.get('paused') === '1') harness.view.pause();
    harness.state = 'ready';
  } catch (error) {
    harness.state = 'error';
    harness.error = { name: error.name, message: error.message, field: error.field ?? null };
    log.textContent = `createView rejected: ${error.message}`;
  }
}

mount();
