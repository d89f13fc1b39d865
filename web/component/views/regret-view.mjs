// The regret view of <gradscape-playground view="regret"> (the view contract is in
// ../gradscape-playground.mjs): the regret lab's R(t) and R(t)/t charts (regret/charts.mjs) with
// its runs table as the legend (regret/table.mjs), for one regret config (docs/schema.md). The lab's own
// driver and runner (regret/driver.mjs, runner.mjs) compute it, on the main thread through an
// InThreadWorker: slices of ~12 ms of engine time (the driver adapts the rounds per slice to the
// measured rate), each followed by a yield to the page (slicer.mjs), so several elements share one
// wasm module and no worker is needed. The figure IS the computed result, so the computation
// starts when the view is created, whatever ctx.autoplay says (the host creates the view only
// once the element is visible); pause() suspends it between two slices, play() resumes it (or
// runs it again from zero once finished), reset() starts it again from zero and keeps it paused if
// it was. The view is one chart at a time below 620 px of width (R(t)/t first, a switch for R(t)),
// both side by side above, on log-log or linear axes (a switch; the lab hash's axes key); the
// iterate chart and the findings stay on the lab page.
// controls 'minimal' and 'full' add the bar (frame.mjs); 'full' the lab's settings, brief: the
// problem, its parameters, T and the optimizer cards (regret/controls.mjs).
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import fieldsCss from '../../lib/fields.css?inline';
import regretCss from '../../regret/regret.css?inline';
import { RegretDriver } from '../../regret/driver.mjs';
import { inPageLab, playerMethods } from './in-page-lab.mjs';
import { RegretRunner } from '../../regret/runner.mjs';
import { RegretCharts } from '../../regret/charts.mjs';
import { renderRuns } from '../../regret/table.mjs';
import { firstCrossing } from '../../regret/findings.mjs';
import { formatT } from '../../lib/format.mjs';
import { addSettingsToast } from './settings-toast.mjs';
import { Controls } from '../../regret/controls.mjs';
import { Store, encodeHash, fromConfig, problemDimension, toConfig } from '../../regret/state.mjs';
import { runColour, runDash } from '../../lib/palette.mjs';
import { frameDrawer } from '../../lib/frame-drawer.mjs';
import { ViewFrame, rerunOnEdits } from './frame.mjs';

const LIVE_DELAY = 200;

/** Throws the engine's GradscapeError (naming the field) if `config` is not a valid regret config. */
function validate(gs, config) {
  gs.createRegretSession(config ?? {}).delete();
}

export async function createView(ctx) {
  const gs = await ctx.engine({ regret: true });
  const { registry } = gs;
  validate(gs, ctx.config);
  // fields.css: the settings' fields and cards, and the runs table's colour swatches.
  for (const css of [uplotCss, fieldsCss, regretCss]) ctx.adoptStyles(css);

  const store = new Store(fromConfig(ctx.config ?? {}, registry));
  const { port, slicer, events, fail, close } = inPageLab(ctx, gs, RegretDriver);

  const frame = new ViewFrame(ctx, {
    page: 'regret.html', label: 'Regret R(t) and average regret R(t)/t of every optimizer',
    onPlay: () => view.play(), onPause: () => view.pause(), onReset: () => view.reset(),
  });
  const figure = frame.figure;
  figure.dataset.chart = 'average';
  const toggles = document.createElement('div');
  toggles.className = 'gs-lab-toggles';
  const toggle = (className, label, options, current, onPick) => {
    const group = document.createElement('div');
    group.className = `gs-lab-switch ${className}`;
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', label);
    const buttons = options.map(([value, text]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.dataset.value = value;
      b.setAttribute('aria-pressed', String(value === current));
      b.addEventListener('click', () => {
        for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
        onPick(value);
      }, { signal: ctx.signal });
      return b;
    });
    group.append(...buttons);
    return group;
  };
  const axesSwitch = toggle('gs-lab-axes', 'Axes', [['loglog', 'log-log'], ['linear', 'linear']], store.state.axes,
    (axes) => store.update((s) => { s.axes = axes; }, 'axes'));
  toggles.append(
    toggle('gs-lab-chart-switch', 'Chart', [['average', 'R(t)/t'], ['regret', 'R(t)']], 'average', (chart) => {
      figure.dataset.chart = chart;
      charts.resize();
    }),
    axesSwitch,
  );
  const table = document.createElement('div');
  table.className = 'rg-runs';
  table.setAttribute('aria-label', 'Runs');
  const chartsHost = document.createElement('div');
  chartsHost.className = 'gs-lab-charts';
  figure.append(toggles, table, chartsHost);

  // Each plot gets what the charts' box leaves after the tallest visible chart's head and readout.
  const plotHeight = () => {
    let chrome = 0;
    for (const chart of Object.values(charts.charts)) {
      if (chart.section.offsetParent === null) continue;
      chrome = Math.max(chrome, chart.section.offsetHeight - chart.plotEl.offsetHeight);
    }
    return chartsHost.clientHeight - chrome - 2;
  };
  const charts = new RegretCharts(chartsHost, null, { plotHeight });
  charts.setTheme();

  let controls = null;
  if (frame.settings) {
    addSettingsToast(ctx.root.closest('.gs-box') ?? ctx.root, (css) => ctx.adoptStyles(css));
    controls = new Controls(frame.settings, { registry, store, brief: true });
    controls.render();
  }

  let failed = false;  // the newest run failed (its message is shown)
  const runner = new RegretRunner(port, {
    onStart: (job) => {
      job.meta = job.config.optimizers.map((o, i) => {
        const info = registry.optimizers.find((r) => r.name === o.name);
        return { label: o.label || info?.display_name || o.name, color: runColour(i), dash: runDash(i) };
      });
      job.problem = job.config.problem;
      job.dim = problemDimension(registry, job.config.problem);
      events.restart();
      frame.showError(null);
      drawSoon();
    },
    onPoints: (job) => {
      job.meta.forEach((meta, i) => {
        const status = job.runs[i].status;
        if (status?.status === 'diverged') events.diverged(i, meta.label, status.diverged_at);
      });
      events.step(job.stepsDone, job.totalSteps);
      drawSoon();
    },
    onDone: (job) => {
      drawNow();
      events.step(job.stepsDone, job.totalSteps, true);
      showState();
      ctx.emit('finished', {});
    },
    onCancelled: () => drawNow(),
    onError: ({ field, message }) => {
      failed = true;
      if (!controls?.showError(field, message)) frame.showError(message);
      showState();
      ctx.emit('error', { message });
    },
  });

  const { soon: drawSoon, now: drawNow, cancel: cancelDraw } = frameDrawer(draw);
  function draw() {
    if (ctx.signal.aborted) return;
    try {
      const job = runner.job;
      showState();
      if (!job?.meta) return;
      const crossings = job.runs.map((_, i) => firstCrossing(job, i));
      renderRuns(table, job, crossings);
      charts.update({ job, runs: job.meta, axes: store.state.axes, crossings, comparator: job.comparator?.x });
    } catch (error) {
      fail(error);
    }
  }

  function showState() {
    const job = runner.job;
    const busy = runner.pending !== null;
    let progress = null;
    if (job && !busy) {
      const runs = job.runCount === 1 ? '' : ` × ${job.runCount} runs`;
      progress = { fraction: job.totalSteps ? job.stepsDone / job.totalSteps : 1, text: `t = ${formatT(job.stepsDone)} / ${formatT(job.totalSteps)}${runs}` };
    }
    frame.showComputation({ busy, paused: slicer.paused, state: failed ? 'error' : job?.state, progress });
  }

  const compute = () => {
    failed = false;
    controls?.clearErrors();
    runner.run(toConfig(store.state, registry));
    frame.setLink(encodeHash(store.state));
    showState();
  };
  const edits = rerunOnEdits(store, {
    compute, render: () => controls?.render(), delay: LIVE_DELAY,
    before: (state, reason) => {
      for (const b of axesSwitch.children) b.setAttribute('aria-pressed', String(b.dataset.value === state.axes));
      if (reason !== 'axes') return false;
      frame.setLink(encodeHash(state));
      drawNow();
      return true;
    },
  });
  const { run } = edits;

  function destroy() {
    edits.stop();
    cancelDraw();
    close();
    charts.destroy();
    ctx.root.replaceChildren();
  }
  ctx.signal.addEventListener('abort', destroy, { once: true });

  const view = {
    /** Validates `config` (throws the engine's GradscapeError) and computes it from zero. */
    setConfig(config) {
      validate(gs, config);
      store.replace(fromConfig(config ?? {}, registry));
    },
    ...playerMethods({ frame, slicer, run, showState }),
    setTheme(theme) {
      frame.setTheme(theme);
      charts.setTheme();
    },
    get fullPageHash() { return encodeHash(store.state); },
    /** The regret config in use, with the problem's defaults filled in. */
    get config() { return toConfig(store.state, registry); },
    /**
     * A promise of the result (the regret result of docs/schema.md) once the computation in progress (or the
     * newest one, if the config changes first) has finished; rejects when it fails or is cancelled.
     */
    result: () => runner.whenDone(),
    destroy,
    debug: { gs, store, runner, charts },
  };
  run();
  return view;
}
