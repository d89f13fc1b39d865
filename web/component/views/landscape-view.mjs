// The landscape view of <gradscape-playground> (the view contract is in ../gradscape-playground.mjs):
// the landscape page's surface, player and legend (landscape/*) for one run config, one engine
// session advanced once per animation frame. controls="none" shows the figure and its legend,
// "minimal" adds play/pause, reset, a scrubber and "Open in Gradscape", "full" adds the page's
// generated settings (landscape/controls.mjs, loaded only then) in a side panel.
import surfaceCss from '../../landscape/surface/surface.css?inline';
import legendCss from '../../landscape/legend.css?inline';
import viewCss from './landscape.css?inline';
import { fromConfig, toConfig, encodeHash, Store } from '../../landscape/state.mjs';
import { Player } from '../../landscape/player.mjs';
import { runColour, runDash } from '../../lib/palette.mjs';
import { SurfaceView } from '../../landscape/surface.mjs';
import { resolvedSpec } from '../../landscape/spec.mjs';
import { Legend } from '../../landscape/legend.mjs';

const STEP_EVENT_MS = 100;
const NARROW_PX = 640;
const ICONS = {
  play: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z"/></svg>',
  pause: '<svg viewBox="0 0 16 16" aria-hidden="true"><rect x="3.5" y="2.5" width="3" height="11" rx="0.6"/><rect x="9.5" y="2.5" width="3" height="11" rx="0.6"/></svg>',
  reset: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2.2a5.8 5.8 0 1 1-5.6 7.3l1.9-.5A3.8 3.8 0 1 0 5.4 4.9l1.6 1.6H2.2V1.7l1.8 1.8A5.8 5.8 0 0 1 8 2.2z"/></svg>',
};
const LAYOUT = `<div class="gs-landscape">
  <div class="gs-stage">
    <div class="gs-figure" aria-label="Loss surface with the optimizers' trajectories"></div>
    <div class="gs-player">
      <button type="button" class="icon primary gs-play" aria-label="Play"></button>
      <button type="button" class="icon gs-reset" aria-label="Reset" title="Reset">${ICONS.reset}</button>
      <input type="range" class="gs-scrub" min="0" max="500" value="0" aria-label="Step">
      <span class="gs-steps"></span>
      <a class="gs-open" target="_blank" rel="noopener">Open in Gradscape ↗</a>
    </div>
    <div class="legend gs-legend" aria-label="Runs"></div>
  </div>
  <aside class="gs-settings" aria-label="Settings" hidden></aside>
</div>`;

/** The run config with the playground's defaults for what `config` leaves out (the engine validates the rest). */
function withDefaults(config, registry) {
  const given = config.objective ?? { name: 'rosenbrock' };
  const objective = typeof given === 'string' ? { name: given } : given;
  const info = registry.objectives.find((o) => o.name === objective.name);
  return {
    version: 1,
    steps: 500,
    precision: 'f64',
    optimizers: [{ name: 'adam', lr: 0.05 }],
    ...config,
    objective,
    // A typed formula starts where the engine chooses (around the minima it finds).
    ...(objective.name === 'formula' && !config.start ? {} : { start: config.start ?? info?.default_start ?? [0, 0] }),
  };
}

export async function createView(ctx) {
  ctx.adoptStyles(surfaceCss);
  ctx.adoptStyles(legendCss);
  ctx.adoptStyles(viewCss);
  const gs = await ctx.engine({});
  if (ctx.signal.aborted) throw new DOMException('the element was removed while the engine loaded', 'AbortError');
  const registry = gs.registry;
  const session = gs.createRunSession();
  ctx.root.innerHTML = LAYOUT;
  const $ = (selector) => ctx.root.querySelector(selector);
  const figure = $('.gs-figure');
  $('.gs-player').hidden = ctx.controls === 'none';
  const open = $('.gs-open');
  open.hidden = !ctx.siteBase;

  const box = ctx.root.closest('.gs-box') ?? ctx.root;
  // The figure's height: what the box leaves after its padding, the player, the legend and the gaps.
  const stage = $('.gs-stage');
  const chromeHeight = () => {
    const boxStyle = getComputedStyle(box);
    const gaps = parseFloat(getComputedStyle(stage).rowGap) * (stage.children.length - 1);
    const bars = [...stage.children].filter((el) => el !== figure).reduce((sum, el) => sum + el.offsetHeight, 0);
    return parseFloat(boxStyle.paddingTop) + parseFloat(boxStyle.paddingBottom) + gaps + bars;
  };
  const surface = new SurfaceView(figure, {
    grid: (x0, x1, y0, y1, nx, ny) => session.grid(x0, x1, y0, y1, nx, ny),
    theme: ctx.theme,
    maxHeight: () => Math.max(120, Math.floor(box.clientHeight - chromeHeight() - 2)),
  });
  const legend = new Legend($('.gs-legend'), {
    onSelect: () => {},
    onHover: (i) => { surface.setHighlight(i); surface.draw(); },
  });

  let state = null;
  let labels = [];
  let infos = [];  // each run's registry entry: what it draws beside its path (companions, evaluations)
  let reported = new Set();
  let lastStepEvent = 0;
  let settings = null;  // the full controls, once loaded

  const runs = () => Array.from({ length: session.runCount }, (_, i) => ({
    label: labels[i], info: infos[i], color: runColour(i), dash: runDash(i), xy: session.trajectory(i), loss: session.loss(i),
    evaluations: session.evaluations(i), companion: session.companion(i), evaluated: session.evaluated(i), status: session.status(i),
  }));

  function report(list, force) {
    list.forEach((run, i) => {
      if (run.status.status !== 'diverged' || reported.has(i)) return;
      reported.add(i);
      ctx.emit('diverged', { run: i, label: run.label, step: run.status.diverged_at });
    });
    const now = performance.now();
    if (force || now - lastStepEvent >= STEP_EVENT_MS) {
      lastStepEvent = now;
      ctx.emit('step', { step: session.stepsDone, total: session.totalSteps });
    }
  }

  const frame = (force = false) => {
    const list = runs();
    surface.setRuns(list);
    surface.draw();
    legend.update(list, -1);
    $('.gs-steps').textContent = `${session.stepsDone} / ${session.totalSteps}`;
    $('.gs-scrub').max = String(session.totalSteps);
    $('.gs-scrub').value = String(session.stepsDone);
    report(list, force);
  };
  let wasPlaying = false;
  const player = new Player(session, {
    onFrame: () => frame(),
    onState: () => {
      $('.gs-play').innerHTML = player.playing ? ICONS.pause : ICONS.play;
      $('.gs-play').setAttribute('aria-label', player.playing ? 'Pause' : 'Play');
      if (wasPlaying && !player.playing && session.finished) {
        frame(true);
        ctx.emit('finished', {});
      }
      wasPlaying = player.playing;
    },
  });

  let started = false;  // start() has run: configuring also runs the figure

  /** Animates the runs from step 0, or computes every step at once and says the figure is finished. */
  function runFigure(animate) {
    player.reset();
    if (animate) player.play();
    else {
      player.finish();
      frame(true);
      ctx.emit('finished', {});
    }
  }

  /** Configures the session (throws the engine's GradscapeError) and shows the figure of `next`. */
  function show(config, next, { animate }) {
    player.pause();
    session.configure(config);
    state = next;
    labels = state.optimizers.map((o) => resolvedSpec(registry, o).label);
    infos = state.optimizers.map((o) => registry.optimizers.find((r) => r.name === o.name));
    reported = new Set();
    const formula = state.objective.name === 'formula';
    const info = formula ? session.objective() : registry.objectives.find((o) => o.name === state.objective.name);
    surface.setObjective({ name: info.name, displayName: info.display_name, minima: session.minima(), view: info.view, signed: formula });
    surface.setView(state.view ?? info.view);
    surface.setStart(config.start ?? info.default_start);
    if (ctx.siteBase) open.href = new URL(`./index.html${encodeHash(state)}`, ctx.siteBase).href;
    if (started) runFigure(animate);
    else player.reset();
  }

  function setConfig(config, animate = ctx.autoplay) {
    const full = withDefaults(config, registry);
    show(full, fromConfig(full), { animate });
    settings?.store.replace(state, 'load');
    settings?.controls.render();
  }

  async function showSettings() {
    const { Controls } = await import('../../landscape/controls.mjs');
    const { default: fieldsCss } = await import('../../lib/fields.css?inline');
    const { addSettingsToast } = await import('./settings-toast.mjs');
    ctx.adoptStyles(fieldsCss);
    addSettingsToast(box, (css) => ctx.adoptStyles(css));
    const panel = $('.gs-settings');
    const { allErrors } = await import('../../lib/all-errors.mjs');
    const store = new Store(state);
    const controls = new Controls(panel, { registry, store });
    checker = gs.createRunSession();  // validates the settings without touching the shown runs
    let lastValid = state;
    store.subscribe((next, reason) => {
      if (reason === 'load') {
        lastValid = next;
        return;
      }
      if (reason === 'structure') controls.render();
      // Every value the engine refuses is marked at once; the figure keeps the last valid runs, dimmed.
      const { errors } = allErrors(next, (s) => checker.configure(toConfig(s, registry)), lastValid);
      controls.clearErrors();
      box.classList.toggle('gs-stale', errors.length > 0);
      if (errors.length) {
        const unmarked = errors.length - controls.showErrors(errors);
        if (unmarked) ctx.emit('error', { message: errors.map((e) => e.message).join('; ') });
        return;
      }
      lastValid = next;
      try {
        show(toConfig(next, registry), next, { animate: player.playing });
      } catch (error) {
        ctx.emit('error', { message: error.message });
      }
    });
    surface.on('start', ([x, y], { final }) => {
      store.update((s) => { s.start = [Number(x.toPrecision(4)), Number(y.toPrecision(4))]; }, final ? 'edit' : 'live');
      controls.showStart(store.state.start);
    });
    controls.render();
    panel.hidden = false;
    settings = { store, controls };
  }

  const resize = new ResizeObserver(() => box.classList.toggle('gs-narrow', box.clientWidth < NARROW_PX));
  resize.observe(box);
  $('.gs-play').addEventListener('click', () => player.toggle());
  $('.gs-reset').addEventListener('click', () => { player.reset(); frame(true); });
  $('.gs-scrub').addEventListener('input', () => player.seek(Number($('.gs-scrub').value)));
  let destroyed = false;
  let checker = null;  // the settings' validating session, once they are shown
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    player.pause();
    resize.disconnect();
    surface.destroy();
    session.delete();
    checker?.delete();
  }
  ctx.signal.addEventListener('abort', destroy, { once: true });

  setConfig(ctx.config);
  if (ctx.controls === 'full') await showSettings();

  return {
    start: () => {
      started = true;
      runFigure(ctx.autoplay);
    },
    setConfig: (config) => setConfig(config),
    play: () => player.play(),
    pause: () => player.pause(),
    reset: () => { player.reset(); frame(true); },
    seek: (step) => {
      const total = session.totalSteps;
      if (!Number.isInteger(step) || step < 0 || step > total) throw new Error(`seek: step must be an integer in [0, ${total}], got ${step}`);
      player.seek(step);
    },
    setTheme: (theme) => surface.setTheme(theme),
    get fullPageHash() { return encodeHash(state); },
    get config() { return toConfig(state, registry); },
    result: () => session.result(),
    destroy,
    debug: { gs, session, player, surface },
  };
}
