// The sweep lab: wires the worker (runner.mjs), the store (⇄ URL hash, state.mjs), the generated
// controls, the run bar (progress, runs/s, Cancel), the map views, the pinned cell's preview and
// the exports. The main thread loads only the full engine module: the
// registry, the objective's contour lines and the pinned cell's replay; every map is computed in
// the worker.
//
// Instrumentation for the browser tests and the benchmark:
//   document.body.dataset.sweep: 'running' while a map is computed, then 'done', 'cancelled' or 'error'.
//   window 'gradscape:map' CustomEvent when a map (or a compare pair) has been drawn to its last row:
//     detail {rows, columns, steps, maps, ms_engine, ms_total, live}: ms_engine is the worker's time
//     in the engine; ms_total runs from the user action (the edit, preset, Compute) to the last row
//     drawn; live is true for the coarse maps computed while a slider moves.
//   window.gradscapeSweep: {store, runner, registry, views, stats: {maps, live}, pick(map, i, j)}.
import { setUpCopyLink } from '../lib/copy-link.mjs';
import { setUpEmbedButton } from '../lib/embed-button.mjs';
import { setUpPresetSelect, showStory } from '../lib/preset-select.mjs';
import { loadGradscape } from '../api/gradscape.mjs';
import { Store, comparing, defaultState, decodeHash, emptyState, encodeHash, hashKeyOf, toConfigs } from './state.mjs';
import { PRESETS, findPreset } from './presets.mjs';
import { Controls } from './controls.mjs';
import { SweepRunner } from './runner.mjs';
import { startLabWorker } from '../lib/lab-runner.mjs';
import { LabLink } from '../lib/page-shell.mjs';
import { AcceptedSettings } from '../lib/accepted-settings.mjs';
import { MapView } from './map-view.mjs';
import { mapScale } from './colours.mjs';
import { momentumBoundary } from './boundary.mjs';
import { objectiveContours } from './contours.mjs';
import { renderFormulaPreview } from '../lib/formula-field.mjs';
import { CellPreview } from './cell-preview.mjs';
import { setUpExports, sweepImage } from './exports.mjs';
import { formatDuration, formatInt, formatNumber } from '../lib/format.mjs';
import { initTheme } from '../lib/theme.mjs';
import { THEMES } from '../lib/canvas-style.mjs';
import { showMessage } from '../lib/notices.mjs';

const $ = (id) => document.getElementById(id);
const FALLBACK = 'Showing the default sweep lab instead.';
// While a map fills in it is redrawn at most this often: every redraw recolours the whole map on
// the main thread, which on a 2-core machine slows the worker down.
const PROGRESS_MS = 100;

/** The engine's field for map m's error, as the controls name it (optimizer.lr → optimizers[m].lr). */
const controlField = (field, m) => (field?.startsWith('optimizer') ? field.replace(/^optimizer/, `optimizers[${m ?? 0}]`) : field);

export async function start() {
  const handlers = {};
  const [gs, { runner }] = await Promise.all([loadGradscape({ full: true }), startLabWorker('sweep', SweepRunner, {
    onStart: (job) => handlers.onStart(job),
    onRows: (job) => handlers.onRows(job),
    onDone: (job) => handlers.onDone(job),
    onCancelled: (job) => handlers.onCancelled(job),
    onError: (error) => handlers.onError(error),
  })]);
  // The optimizers a map can run: the whole-vector ones stay on the landscape page (the note under
  // the optimizer card says why).
  const registry = { ...gs.registry, optimizers: gs.registry.optimizers.filter((o) => !o.whole) };
  const ruleInfo = (text) => gs.ruleInfo(text);

  const link = new LabLink({ decodeHash, defaultState, hashKeyOf, emptyState }, FALLBACK, () => {
    store.replace(defaultState(), 'fallback');
    showStory(findPreset('adam-rosenbrock'));
  });
  const store = new Store(link.state);
  const controls = new Controls($('controls'), { registry, store, ruleInfo });
  const preview = new CellPreview($('cell'), gs);
  let views = [];
  const theme = initTheme($('theme'), (t) => {
    for (const view of views) view.setTheme(t);
    preview.setTheme(t);
  });
  let pinned = null;  // {map, i, j}
  let restorePin = store.state.pin;  // a link's pinned cell, picked when its map is done
  const stats = { maps: 0, live: 0 };
  let timer = 0;
  let lastDraw = 0;

  function ensureViews(count) {
    if (views.length === count) return;
    for (const view of views) view.remove();
    $('maps').dataset.count = String(count);
    views = Array.from({ length: count }, (_, m) => {
      const view = new MapView($('maps'), { onPick: (i, j) => pick(m, i, j) });
      view.setTheme(theme.current);
      return view;
    });
  }

  const titleOf = (config) => config.optimizer.label || registry.optimizers.find((o) => o.name === config.optimizer.name)?.display_name;

  function noteOf(job, map) {
    if (job.live) return `live preview: ${map.columns} × ${map.rows}, ${map.config.steps} steps`;
    if (job.state === 'cancelled') return `cancelled: ${map.rowsDone} of ${map.rows} rows`;
    return '';
  }

  function drawMaps({ now = false } = {}) {
    clearTimeout(timer);
    timer = 0;
    lastDraw = performance.now();
    const job = runner.job;
    showProgress();
    if (!job) return;
    ensureViews(job.maps.length);
    const scale = mapScale(job.maps[0].config.metric, job.maps, job.maps[0].config.steps);
    job.maps.forEach((map, m) => {
      views[m].set({
        map, scale, title: titleOf(map.config), note: noteOf(job, map),
        boundary: momentumBoundary(map.config), contours: job.contours,
      });
      if (now) views[m].paintNow();
    });
  }

  const drawSoon = () => {
    if (!timer) timer = setTimeout(() => drawMaps(), Math.max(0, lastDraw + PROGRESS_MS - performance.now()));
  };

  /** A typed formula's KaTeX preview in the controls: the formula as the core module's engine reads it. */
  function showFormulaPreview(objective) {
    const element = document.querySelector('#controls .formula-preview');
    if (objective.name !== 'formula' || !element) return;
    const session = gs.createRunSession({ version: 1, objective, steps: 0, optimizers: [{ name: 'sgd' }] });
    try {
      renderFormulaPreview(element, session.objective().latex);
    } finally {
      session.delete();
    }
  }

  const settings = new AcceptedSettings(store, controls);
  const linked = () => settings.linked();
  function compute(state, { live = false, since = performance.now() } = {}) {
    settings.request(state);
    document.body.dataset.sweep = 'running';
    runner.request(toConfigs(state, registry, { live }), { live, since });
    showProgress();
  }

  handlers.onStart = (job) => {
    link.accept();
    const accepted = settings.started();
    if (accepted) hash.write(accepted);  // the page as opened keeps its URL
    job.contours = objectiveContours(gs, job.maps[0].config);
    showFormulaPreview(job.maps[0].config.objective);
    if (!job.live && pinned) {
      pinned = null;
      preview.hide();
      for (const view of views) view.setPinned(null);
    }
    if (!job.live && !restorePin && store.state.pin) store.update((s) => { s.pin = null; }, 'pin');
    drawSoon();
  };
  handlers.onRows = () => drawSoon();
  handlers.onDone = (job) => {
    drawMaps({ now: true });
    job.end = performance.now();
    stats.maps += 1;
    if (job.live) stats.live += 1;
    document.body.dataset.sweep = runner.busy ? 'running' : 'done';
    if (!job.live && restorePin && !runner.busy) {
      const [m, i, j] = restorePin;
      restorePin = null;
      if (m < job.maps.length) pick(m, i, j);
    }
    const first = job.maps[0];
    window.dispatchEvent(new CustomEvent('gradscape:map', {
      detail: {
        rows: first.rows, columns: first.columns, steps: first.config.steps, maps: job.maps.length,
        ms_engine: job.msEngine, ms_total: job.end - job.since, live: job.live,
      },
    }));
    showProgress();
  };
  handlers.onCancelled = (job) => {
    job.end = performance.now();
    drawMaps({ now: true });
    document.body.dataset.sweep = 'cancelled';
  };
  handlers.onError = ({ map, message, errors }) => {
    document.body.dataset.sweep = 'error';
    const fields = errors.map((e) => ({ field: controlField(e.field, map), message: e.message }));
    const repaired = link.repair(settings.requested, fields);
    if (repaired) {
      store.replace(repaired);
      controls.showErrors(link.dropped);
      settings.keepMarks();
      return;
    }
    if (link.refuse(message)) return;
    const side = comparing(store.state) && map === 1 ? 'Right map: ' : '';
    settings.refused(fields.map((e) => ({ ...e, message: `${side}${e.message}` })));
    showProgress();
  };

  function showProgress() {
    const job = runner.job;
    const running = runner.busy;
    $('cancel').disabled = !running;
    const bar = $('progress');
    const text = $('progress-text');
    if (!job) {
      text.textContent = running ? 'Starting…' : '';
      return;
    }
    const rows = job.maps.reduce((sum, m) => sum + m.rows, 0);
    const done = job.maps.reduce((sum, m) => sum + m.rowsDone, 0);
    const cells = job.maps.reduce((sum, m) => sum + m.rows * m.columns, 0);
    const runs = job.maps.reduce((sum, m) => sum + m.rowsDone * m.columns, 0);
    const fraction = rows ? done / rows : 1;
    bar.style.setProperty('--done', String(fraction));
    bar.setAttribute('aria-valuenow', String(Math.round(100 * fraction)));
    bar.dataset.state = job.state;
    const wall = (job.end ?? performance.now()) - job.since;
    const rate = `${formatNumber(wall > 0 ? (1000 * runs) / wall : 0)} runs/s`;
    const counts = `${formatInt(done)} / ${formatInt(rows)} rows · ${formatInt(runs)} / ${formatInt(cells)} runs`;
    const kind = job.live ? 'Live preview: ' : '';
    if (job.state === 'running') text.textContent = `${kind}${counts} · ${rate}`;
    else if (job.state === 'done') text.textContent = `${kind}${counts} in ${formatDuration(wall)} · ${rate}`;
    else if (job.state === 'cancelled') text.textContent = `Cancelled at ${formatInt(done)} of ${formatInt(rows)} rows; the partial map stays.`;
    else text.textContent = 'Stopped: see the message above.';
  }

  async function pick(m, i, j) {
    const job = runner.job;
    if (!job || job.live) return;
    pinned = { map: m, i, j };
    if (store.state.pin?.join() !== [m, i, j].join()) store.update((s) => { s.pin = [m, i, j]; }, 'pin');
    views.forEach((view, k) => view.setPinned(k === m ? [i, j] : null));
    try {
      const config = await runner.cell(m, i, j);
      if (pinned?.map !== m || pinned.i !== i || pinned.j !== j) return;
      preview.show(job.maps[m], i, j, config, titleOf(job.maps[m].config), theme.current);
    } catch (error) {
      if (error.message !== 'superseded') showMessage(`Cell (${i}, ${j}): ${error.message}`);
    }
  }

  const hash = link.syncHash(store, encodeHash, 'Keeping the current map.', {
    onTrial: true,
    onDropped: (dropped) => {
      settings.keepMarks();
      controls.showErrors(dropped);
    },
  });
  store.subscribe((state, reason) => {
    if (reason === 'pin') {  // the pinned cell only changes the link
      if (!settings.invalid) hash.write(state);
      return;
    }
    if (reason === 'replace') restorePin = state.pin;
    if (reason === 'structure' || reason === 'replace' || reason === 'fallback') controls.render();
    if (reason === 'structure') $('story').hidden = true;
    compute(state, { live: reason === 'live' });
  });

  $('run').addEventListener('click', () => compute(store.state));
  $('cancel').addEventListener('click', () => runner.cancel());
  setUpCopyLink($('copy-link'), () => encodeHash(linked()));
  setUpEmbedButton($('embed'), 'sweep', () => ({ hash: encodeHash(linked()), config: toConfigs(linked(), registry)[0] }),
    sweepImage({ views: () => views, maps: () => runner.job?.maps ?? [] }));
  setUpPresetSelect(store, PRESETS, 'Preset maps…');
  setUpExports({
    views: () => views,
    maps: () => runner.job?.maps ?? [],
    results: () => runner.result(),
    background: () => THEMES[theme.current].background,
  });
  if (!link.pending) showStory(findPreset('adam-rosenbrock'));

  controls.render();
  compute(store.state);
  controls.showErrors(link.dropped);
  document.body.dataset.ready = 'true';
  window.gradscapeSweep = {
    store, runner, registry, stats, pick, hash,
    get views() { return views; },
    get job() { return runner.job; },
  };
}

