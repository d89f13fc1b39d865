// The sweep view of <gradscape-playground view="sweep"> (the view contract is in
// ../gradscape-playground.mjs): the sweep lab's map (sweep/map-view.mjs: cells, axes, colour bar,
// keys, contour lines and minima on start-point maps, heavy ball's boundary, hover tooltip) for one
// sweep config (docs/schema.md). The lab's own driver and runner (sweep/driver.mjs, runner.mjs) compute
// it on the main thread through an InThreadWorker: slices of ~12 ms of engine time (the driver
// adapts the rows per slice to the measured time per row), each followed by a yield to the page
// (slicer.mjs), so several elements share one wasm module and no worker is needed. The map IS the
// computed result, so the computation starts when the view is created, whatever ctx.autoplay says
// (the host creates the view only once the element is visible); pause() suspends it between two
// slices, play() resumes it (or computes it again once finished), reset() starts it again from
// row 0 and keeps it paused if it was. 'step' events count rows ({step: rows done, total: rows});
// there are no 'diverged' events (divergence is per cell): the map's title line counts the
// diverged cells. controls 'minimal' and 'full' add the bar (frame.mjs); 'full' the lab's settings,
// brief: the metric, the two axes and the optimizer card (sweep/controls.mjs).
import fieldsCss from '../../lib/fields.css?inline';
import sweepCss from '../../sweep/sweep.css?inline';
import { SweepDriver } from '../../sweep/driver.mjs';
import { inPageLab, playerMethods } from './in-page-lab.mjs';
import { SweepRunner } from '../../sweep/runner.mjs';
import { MapView } from '../../sweep/map-view.mjs';
import { mapScale } from '../../sweep/colours.mjs';
import { momentumBoundary } from '../../sweep/boundary.mjs';
import { objectiveContours } from '../../sweep/contours.mjs';
import { addSettingsToast } from './settings-toast.mjs';
import { Controls } from '../../sweep/controls.mjs';
import { Store, encodeHash, fromConfig, toConfigs } from '../../sweep/state.mjs';
import { formatInt } from '../../lib/format.mjs';
import { ViewFrame, rerunOnEdits } from './frame.mjs';

const LIVE_DELAY = 200;
// While the map fills in it is recoloured at most this often (as on the lab page).
const DRAW_MS = 100;

/** The engine's resolved form of `config`; throws its GradscapeError (naming the field) if invalid. */
function resolve(gs, config) {
  const session = gs.createSweepSession(config ?? {});
  try {
    return session.config;
  } finally {
    session.delete();
  }
}

function divergedCount(map) {
  let n = 0;
  const end = map.rowsDone * map.columns;
  for (let k = 0; k < end; ++k) n += map.diverged[k];
  return n;
}

export async function createView(ctx) {
  const gs = await ctx.engine({ sweep: true });
  // A map runs per-coordinate optimizers (a custom rule too, with the full engine's rule editor).
  const registry = { ...gs.registry, optimizers: gs.registry.optimizers.filter((o) => !o.whole) };
  const ruleInfo = gs.full ? (text) => gs.ruleInfo(text) : undefined;
  const config = ctx.config ?? {};
  const resolved = resolve(gs, config);
  for (const css of [sweepCss, ...(ctx.controls === 'full' ? [fieldsCss] : [])]) ctx.adoptStyles(css);

  const store = new Store(fromConfig(config, resolved));
  const { port, slicer, events, fail, close } = inPageLab(ctx, gs, SweepDriver);

  const frame = new ViewFrame(ctx, {
    page: 'sweep.html', label: 'Sweep map: one run of the optimizer per cell',
    onPlay: () => view.play(), onPause: () => view.pause(), onReset: () => view.reset(),
  });
  const figure = frame.figure;
  const map = new MapView(figure, { onPick: () => {}, maxHeight: () => figure.clientHeight });
  map.setTheme(ctx.theme);

  let controls = null;
  if (frame.settings) {
    addSettingsToast(ctx.root.closest('.gs-box') ?? ctx.root, (css) => ctx.adoptStyles(css));
    controls = new Controls(frame.settings, { registry, store, brief: true, ruleInfo });
    controls.render();
  }

  const titleOf = (config) => config.optimizer.label
    || registry.optimizers.find((o) => o.name === config.optimizer.name)?.display_name || config.optimizer.name;

  function noteOf(data) {
    const diverged = divergedCount(data);
    const done = data.rowsDone * data.columns;
    const cells = data.rows * data.columns;
    const part = data.rowsDone < data.rows ? ` of ${formatInt(done)} so far` : '';
    return diverged ? `${formatInt(diverged)}${part} of ${formatInt(cells)} runs diverged` : '';
  }

  let timer = 0;
  let lastDraw = -Infinity;
  function drawNow() {
    clearTimeout(timer);
    timer = 0;
    lastDraw = performance.now();
    if (ctx.signal.aborted) return;
    try {
      const job = runner.job;
      showState();
      if (!job) return;
      const data = job.maps[0];
      map.set({
        map: data, scale: mapScale(data.config.metric, job.maps, data.config.steps), title: titleOf(data.config),
        note: noteOf(data), boundary: momentumBoundary(data.config), contours: job.contours,
      });
    } catch (error) {
      fail(error);
    }
  }
  const drawSoon = () => {
    if (!timer) timer = setTimeout(drawNow, Math.max(0, lastDraw + DRAW_MS - performance.now()));
  };

  let failed = false;  // the newest request failed (its message is shown)
  const runner = new SweepRunner(port, {
    onStart: (job) => {
      job.contours = objectiveContours(gs, job.maps[0].config);
      events.restart();
      frame.showError(null);
      drawSoon();
    },
    onRows: (job) => {
      events.step(job.maps[0].rowsDone, job.maps[0].rows);
      drawSoon();
    },
    onDone: (job) => {
      drawNow();
      map.paintNow();
      events.step(job.maps[0].rowsDone, job.maps[0].rows, true);
      ctx.emit('finished', {});
    },
    onCancelled: () => drawNow(),
    onError: ({ field, message }) => {
      failed = true;
      const name = field?.startsWith('optimizer') ? field.replace(/^optimizer/, 'optimizers[0]') : field;
      if (!controls?.showError(name, message)) frame.showError(message);
      showState();
      ctx.emit('error', { message });
    },
  });

  function showState() {
    const job = runner.job;
    const data = job?.maps[0];
    frame.showComputation({
      busy: runner.busy, paused: slicer.paused, state: failed ? 'error' : job?.state,
      progress: data ? {
        fraction: data.rows ? data.rowsDone / data.rows : 1,
        text: `${formatInt(data.rowsDone)} / ${formatInt(data.rows)} rows · ${formatInt(data.rowsDone * data.columns)} runs`,
      } : null,
    });
  }

  const compute = () => {
    controls?.clearErrors();
    failed = false;
    runner.request(toConfigs(store.state, registry));
    frame.setLink(encodeHash(store.state));
    showState();
  };
  const edits = rerunOnEdits(store, { compute, render: () => controls?.render(), delay: LIVE_DELAY });
  const { run } = edits;

  function destroy() {
    edits.stop();
    clearTimeout(timer);
    close();
    map.remove();
    ctx.root.replaceChildren();
  }
  ctx.signal.addEventListener('abort', destroy, { once: true });

  const view = {
    /** Validates `config` (throws the engine's GradscapeError) and computes its map from row 0. */
    setConfig(config) {
      store.replace(fromConfig(config ?? {}, resolve(gs, config)));
    },
    ...playerMethods({ frame, slicer, run, showState }),
    setTheme(theme) {
      frame.setTheme(theme);
      map.setTheme(theme);
    },
    get fullPageHash() { return encodeHash(store.state); },
    /** The sweep config in use, every default resolved by the engine. */
    get config() { return runner.job?.maps[0].config ?? toConfigs(store.state, registry)[0]; },
    /**
     * A promise of the result (the sweep result of docs/schema.md) once the map in progress (or the newest
     * one, if the config changes first) has been computed; rejects when it fails or is cancelled.
     */
    result: () => runner.whenDone().then((results) => results[0]),
    destroy,
    debug: { gs, store, runner, map },
  };
  run();
  return view;
}
