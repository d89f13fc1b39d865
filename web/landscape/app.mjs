// The landscape playground: wires the engine session, the store (⇄ URL hash), the generated
// controls, the player, the surface view, the curves and the formula panel.
import { setUpCopyLink } from '../lib/copy-link.mjs';
import { setUpPresetSelect } from '../lib/preset-select.mjs';
import { loadGradscape } from '../api/gradscape.mjs';
import { Store, defaultState, decodeHash, emptyState, encodeHash, hashKeyOf, toConfig } from './state.mjs';
import { allErrors } from '../lib/all-errors.mjs';
import { clearSettingErrors, showSettingErrors } from '../lib/settings-errors.mjs';
import { linkHash, stateFromLink } from '../lib/page-shell.mjs';
import { Controls } from './controls.mjs';
import { Player } from './player.mjs';
import { setUpPlayerControls } from './player-controls.mjs';
import { PRESETS } from './presets.mjs';
import { runColour, runDash } from '../lib/palette.mjs';
import { landscapeImage, setUpExports } from './exports.mjs';
import { SurfaceView } from './surface.mjs';
import { surfaceHeightLimit } from './surface-fit.mjs';
import { Curves } from './curves.mjs';
import { renderFormula } from './formula.mjs';
import { resolvedSpec } from './spec.mjs';
import { initTheme } from '../lib/theme.mjs';
import { Legend } from './legend.mjs';
import { setUpEmbedButton } from '../lib/embed-button.mjs';
import { showMessage } from '../lib/notices.mjs';
import { renderFormulaPreview } from '../lib/formula-field.mjs';
import { engineStart } from '../lib/objective-config.mjs';

const $ = (id) => document.getElementById(id);
const ICONS = {
  play: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z"/></svg>',
  pause: '<svg viewBox="0 0 16 16" aria-hidden="true"><rect x="3.5" y="2.5" width="3" height="11" rx="0.6"/><rect x="9.5" y="2.5" width="3" height="11" rx="0.6"/></svg>',
};

export async function start() {
  const gs = await loadGradscape({ full: true });  // the formula field and the data panel
  const registry = gs.registry;
  const session = gs.createRunSession();
  session.recordDiagnostics(true);
  const checker = gs.createRunSession();  // validates a state without touching the shown runs
  const check = (state) => checker.configure(toConfig(state, registry));
  const codec = { encodeHash, decodeHash, defaultState, check, hashKeyOf, emptyState };
  const { state: initial, dropped } = stateFromLink(codec, 'Showing the default playground instead.');
  const store = new Store(initial);
  let lastValid = store.state;  // the state the shown runs come from
  let invalid = false;          // whether the settings on screen have a value the engine refuses
  const linked = () => (invalid ? lastValid : store.state);  // the state a link of the page holds
  const theme = initTheme($('theme'), (t) => { surface.setTheme(t); curves.setTheme(t); });

  const surface = new SurfaceView($('surface'), {
    grid: (x0, x1, y0, y1, nx, ny) => session.grid(x0, x1, y0, y1, nx, ny), maxHeight: surfaceHeightLimit,
  });
  const curves = new Curves($('curves'));
  surface.setTheme(theme.current);
  curves.setTheme(theme.current);
  let engineInfo = null;  // the configured typed formula's or data objective's entry (session.objective()), or null
  const objectiveInfo = (state) => (engineStart(state.objective.name) && engineInfo?.name === state.objective.name && engineInfo) ||
    registry.objectives.find((o) => o.name === state.objective.name);
  const controls = new Controls($('controls'), {
    registry, store, objectiveInfo, ruleInfo: (text) => gs.ruleInfo(text),
    position: {
      save: () => ({ step: session.stepsDone, playing: player.playing }),
      restore: ({ step, playing }) => {
        player.seek(step);
        if (playing) player.play();
      },
    },
  });
  const legend = new Legend($('legend'), {
    onSelect: (i) => store.update((s) => { s.selected = i; }, 'select'),
    onHover: (i) => {
      surface.setHighlight(i);
      surface.draw();
    },
  });

  let results = [];  // resolved optimizer specs of the configured runs
  let lossOffset;    // the objective's global minimum value: the loss chart shows f − f*
  let minimaKnown = [];  // the objective's known minima, for a distance estimate's true value
  const infos = Object.fromEntries(registry.optimizers.map((o) => [o.name, o]));
  const runs = () => {
    const count = session.runCount;
    const list = [];
    for (let i = 0; i < count; ++i) {
      list.push({
        label: results[i].label, info: infos[results[i].name], displayName: infos[results[i].name]?.display_name,
        color: runColour(i), dash: runDash(i), optimizer: results[i],
        xy: session.trajectory(i), loss: session.loss(i), diagnostics: session.diagnostics(i),
        evaluations: session.evaluations(i), companion: session.companion(i), curve: session.curve(i),
        evaluated: session.evaluated(i), status: session.status(i),
      });
      if (infos[results[i].name]?.curve_label) list[i].curveReference = startDistance(list[i].xy, minimaKnown);
    }
    return list;
  };

  // ‖x₀ − x*‖ for the known minimum x* nearest to where the run is now (Prodigy's d_k estimates it), or NaN.
  const startDistance = (xy, minima) => {
    const n = xy.length / 2;
    if (n < 1 || !minima.length) return NaN;
    const dist = (m, k) => Math.hypot(m.x - xy[2 * k], m.y - xy[2 * k + 1]);
    const nearest = minima.reduce((a, b) => (dist(b, n - 1) < dist(a, n - 1) ? b : a));
    return dist(nearest, 0);
  };

  const stats = { work: [], first: true };  // per-frame work in ms, for bench/page.mjs
  const frame = () => {
    const t0 = performance.now();
    const list = runs();
    surface.setRuns(list);
    surface.draw();
    legend.update(list, store.state.selected);
    showFit(list);
    curves.update({
      runs: list, selected: store.state.selected, stepBounds: (a) => gs.stepBounds(a),
      totalSteps: session.totalSteps, lossOffset,
    });
    showProgress();
    if (stats.work.length >= 1000) stats.work.shift();
    stats.work.push(performance.now() - t0);
    if (stats.first && list.some((r) => r.loss.length > 1)) {
      stats.first = false;
      performance.mark('gradscape:first-frame');
    }
  };
  const player = new Player(session, {
    onFrame: frame,
    onState: () => {
      showPlayerState();
      writeHash();
    },
  });
  /** The player's position as a link holds it: paused at step t, or playing from step 0 (t null). */
  const position = () => (player.playing ? { t: null, paused: false } : { t: session.stepsDone, paused: true });

  /** The data panel's line: the selected run's (w, b) at the player's step. */
  function showFit(list) {
    const panel = document.querySelector('#controls .data-panel');
    if (!panel?.showFit) return;
    const run = list[store.state.selected] ?? list[0];
    const xy = run?.xy;
    panel.showFit(xy && xy.length >= 2 ? [xy[xy.length - 2], xy[xy.length - 1]] : null, run?.color);
  }

  function showProgress() {
    const done = session.stepsDone;
    $('step-count').textContent = `step ${done} / ${session.totalSteps}`;
    const scrub = $('scrub');
    scrub.max = String(session.totalSteps);
    scrub.value = String(done);
  }

  function showPlayerState() {
    const play = $('play');
    play.innerHTML = player.playing ? ICONS.pause : ICONS.play;
    play.setAttribute('aria-label', player.playing ? 'Pause' : 'Play');
    play.title = player.playing ? 'Pause (space)' : 'Play (space)';
    play.setAttribute('aria-keyshortcuts', 'Space');
  }

  let objectiveKey = '';
  /** Configures the engine from a state check() accepted; false (with the message shown) if it still throws. */
  function configure(state) {
    try {
      session.configure(toConfig(state, registry));
    } catch (error) {
      showMessage(error.message);
      return false;
    }
    results = state.optimizers.map((o) => resolvedSpec(registry, o));
    const formula = state.objective.name === 'formula';
    const chosen = engineStart(state.objective.name);
    const data = chosen && !formula;
    const o = state.objective;
    const key = JSON.stringify([o.name, o.expr, o.params, o.ranges, o.view, o.data, o.batch_size, data && o.noise.seed]);
    if (key !== objectiveKey) {
      objectiveKey = key;
      engineInfo = chosen ? session.objective() : null;
      const info = objectiveInfo(state);
      const minima = chosen ? engineInfo.minima : session.minima();
      minimaKnown = minima;
      const global = minima.filter((m) => m.global).map((m) => m.value);
      lossOffset = global.length ? Math.min(...global) : undefined;
      surface.setObjective({
        name: info.name, displayName: info.display_name, minima, view: info.view, signed: formula,
        ...(data ? { axes: ['w', 'b'] } : {}),
      });
      if (formula) renderFormulaPreview(document.querySelector('#controls .formula-preview'), engineInfo.latex);
    }
    const info = objectiveInfo(state);
    surface.setView(state.view ?? info.view);
    surface.setStart(state.start ?? info.default_start);
    if (chosen && !state.start) controls.showStart(info.default_start);
    showFormula(state);
    return true;
  }

  // The rule the engine runs for the resolved spec (its flags' variant); the registry's general
  // form if the spec is not one the engine takes.
  function formulaOf(spec) {
    try {
      return gs.formula(spec);
    } catch {
      return undefined;
    }
  }

  function showFormula(state) {
    const o = results[state.selected] ?? results[0];
    const info = registry.optimizers.find((r) => r.name === o.name);
    const schedule = o.schedule && registry.schedules.find((s) => s.name === o.schedule.name);
    renderFormula($('formula'), { optimizer: info, spec: o, schedule, latex: formulaOf(o) });
  }

  /** Runs the state: restart the animation if it was playing, else show every step at once. */
  function rerun(state, { animate = player.playing } = {}) {
    const wasPlaying = player.playing;
    player.pause();
    if (!configure(state)) return;
    if (animate || wasPlaying) player.play();
    else player.finish();
  }

  /** Runs a state from a link: held at its step t (paused), playing on from t, or animated from 0. */
  function runFromLink(state) {
    if (state.t == null) {
      rerun(state, { animate: true });
      return;
    }
    player.pause();
    if (!configure(state)) return;
    player.seek(Math.min(state.t, session.totalSteps));
    if (!state.paused) player.play();
  }

  /**
   * Checks the settings on screen: every value the engine refuses is marked at once, and until
   * they are all valid the runs on screen (the last valid settings') are dimmed and the URL keeps
   * the last valid link. True if the state is valid.
   */
  function checkSettings(state) {
    const { errors } = allErrors(state, check, lastValid);
    invalid = errors.length > 0;
    if (invalid) {
      showSettingErrors(controls, errors);
      return false;
    }
    clearSettingErrors(controls);
    lastValid = state;
    return true;
  }

  const hash = linkHash({
    ...codec,
    apply: (state, linkDropped = []) => {
      store.replace(state);
      controls.showErrors(linkDropped);
    },
  }, 'Keeping the current playground.');
  /** The URL hash: the state with the player's position, unless a value on screen is invalid. */
  function writeHash() {
    if (!invalid) hash.write({ ...store.state, ...position() });
  }
  store.subscribe((state, reason) => {
    if (reason === 'view') {
      writeHash();
      return;
    }
    if (reason === 'select') {
      writeHash();
      showFormula(state);
      frame();
      return;
    }
    if (reason === 'structure' || reason === 'replace') {
      controls.render();
      objectiveKey = '';  // the new controls' formula preview is drawn at the next configure
    }
    player.stepsPerFrame = state.stepsPerFrame;
    if (!checkSettings(state)) return;
    if (reason === 'replace') runFromLink(state);
    else rerun(state);
    writeHash();
  });

  surface.on('start', ([x, y], { final }) => {
    store.update((s) => { s.start = [Number(x.toPrecision(4)), Number(y.toPrecision(4))]; }, final ? 'edit' : 'live');
    controls.showStart(store.state.start);
  });
  surface.on('view', (box) => store.update((s) => { s.view = box.map((v) => Number(v.toPrecision(5))); }, 'view'));

  setUpPlayerControls(player, store);
  setUpPresetSelect(store, PRESETS, 'Stories…', (preset) => ({ ...structuredClone(preset.state), stepsPerFrame: store.state.stepsPerFrame, selected: preset.state.selected ?? 0 }), {
    focuses: Object.fromEntries(Object.entries(curves.charts).map(([name, chart]) => [name, () => chart.section])),
  });
  const animation = async () => (await import('./animation.mjs')).landscapeAnimation({ surface, session, player, runs, objective: () => objectiveInfo(store.state) });
  setUpExports({ surface, curves, session, stampBox: $('export-stamp'), redraw: frame, animation });
  setUpCopyLink($('copy-link'), () => encodeHash({ ...linked(), ...position() }));
  setUpEmbedButton($('embed'), 'landscape', () => ({ hash: encodeHash(linked()), config: toConfig(linked(), registry) }), landscapeImage({
    surface, session,
    objective: () => objectiveInfo(store.state),
    labels: () => results.map((r) => r.label),
    redraw: frame,
  }));
  $('fit').addEventListener('click', () => {
    surface.resetView();
    store.update((s) => { s.view = null; }, 'view');
  });

  controls.render();
  player.stepsPerFrame = store.state.stepsPerFrame;
  $('steps-per-frame').value = String(store.state.stepsPerFrame);
  runFromLink(store.state);
  controls.showErrors(dropped);
  document.body.dataset.ready = 'true';
  window.gradscape = { gs, session, store, player, surface, stats, hash, animation };
}
