// The regret lab: wires the worker (runner.mjs), the store (⇄ URL hash, state.mjs), the generated
// controls, the run bar (progress, steps/s, ETA, Cancel), the runs table, the charts and the
// findings. Every edit re-runs the configuration in the worker; points stream in chunk by chunk and
// are drawn at most once per animation frame.
import { setUpCopyLink } from '../lib/copy-link.mjs';
import { setUpEmbedButton } from '../lib/embed-button.mjs';
import { regretImage, setUpRegretExports } from './export-menu.mjs';
import 'uplot/dist/uPlot.min.css';
import { setUpPresetSelect, showStory } from '../lib/preset-select.mjs';
import { loadKatex } from '../lib/katex-loader.mjs';
import { Store, defaultState, decodeHash, emptyState, encodeHash, hashKeyOf, toConfig, problemDimension, problemInfo } from './state.mjs';
import { PRESETS, findPreset } from './presets.mjs';
import { Controls } from './controls.mjs';
import { RegretRunner } from './runner.mjs';
import { startLabWorker } from '../lib/lab-runner.mjs';
import { LabLink } from '../lib/page-shell.mjs';
import { AcceptedSettings } from '../lib/accepted-settings.mjs';
import { frameDrawer } from '../lib/frame-drawer.mjs';
import { RegretCharts } from './charts.mjs';
import { firstCrossing, latest, renderFindings } from './findings.mjs';
import { renderRuns } from './table.mjs';
import { formatDuration, formatInt, formatRate } from '../lib/format.mjs';
import { initTheme } from '../lib/theme.mjs';
import { runColour, runDash } from '../lib/palette.mjs';

const $ = (id) => document.getElementById(id);
const FALLBACK = 'Showing the default regret lab instead.';
const LIVE_DELAY = 150;

export async function start() {
  const handlers = {};
  const { runner, registry, flavour } = await startLabWorker('regret', RegretRunner, {
    onStart: (job) => handlers.onStart(job),
    onPoints: (job) => handlers.onPoints(job),
    onDone: (job) => handlers.onDone(job),
    onCancelled: (job) => handlers.onCancelled(job),
    onError: (error) => handlers.onError(error),
  });

  const link = new LabLink({ decodeHash, defaultState, hashKeyOf, emptyState }, FALLBACK, () => {
    store.replace(defaultState(), 'fallback');
    showStory(findPreset('reddi'));
  });
  const store = new Store(link.state);
  const controls = new Controls($('controls'), { registry, store });
  const charts = new RegretCharts($('charts'), $('iterate'));
  const theme = initTheme($('theme'), () => charts.setTheme());
  charts.setTheme(theme.current);

  let wallStart = 0;
  const view = { crossings: [] };

  const runMeta = (config) => config.optimizers.map((o, i) => {
    const info = registry.optimizers.find((r) => r.name === o.name);
    return { label: o.label || info?.display_name || o.name, color: runColour(i), dash: runDash(i) };
  });

  const settings = new AcceptedSettings(store, controls);
  const linked = () => settings.linked();
  function run(state) {
    settings.request(state);
    runner.run(toConfig(state, registry));
    wallStart = performance.now();
    showProgress();
  }

  handlers.onStart = (job) => {
    job.meta = runMeta(job.config);
    job.problem = job.config.problem;
    job.dim = problemDimension(registry, job.config.problem);
    job.wallStart = wallStart;
    link.accept();
    const accepted = settings.started();
    if (accepted) hash.write(accepted);  // the page as opened keeps its URL
    drawSoon();
  };
  handlers.onPoints = () => drawSoon();
  handlers.onDone = (job) => {
    job.wallEnd = performance.now();
    drawNow();
  };
  handlers.onCancelled = (job) => {
    job.wallEnd = performance.now();
    drawNow();
  };
  handlers.onError = ({ message, errors }) => {
    const repaired = link.repair(settings.requested, errors);
    if (repaired) {
      store.replace(repaired);
      controls.showErrors(link.dropped);
      settings.keepMarks();
      return;
    }
    if (link.refuse(message)) return;
    settings.refused(errors);
    showProgress();
  };

  const { soon: drawSoon, now: drawNow } = frameDrawer(draw);

  function draw() {
    const job = runner.job;
    showProgress();
    if (!job?.meta) return;
    view.crossings = job.runs.map((_, i) => firstCrossing(job, i));
    charts.update({
      job, runs: job.meta, axes: store.state.axes, crossings: view.crossings,
      comparator: job.comparator?.x, selected: store.state.selected,
    });
    renderRuns($('runs'), job, view.crossings, store.state.selected);
    renderFindings($('findings'), { job, runs: job.meta, crossings: view.crossings, problem: job.problem, state: job.state });
    if (job.count > 0 && !performance.getEntriesByName('gradscape:regret-first-points').length) {
      performance.mark('gradscape:regret-first-points');
    }
  }

  function showProgress() {
    const job = runner.job;
    const pending = runner.pending !== null;
    const running = runner.running;
    $('cancel').disabled = !running;
    $('run').textContent = running ? 'Restart' : 'Run';
    const bar = $('progress');
    const text = $('progress-text');
    if (pending || !job) {
      bar.style.setProperty('--done', '0');
      bar.setAttribute('aria-valuenow', '0');
      text.textContent = pending ? 'Starting…' : '';
      return;
    }
    const fraction = job.totalSteps ? job.stepsDone / job.totalSteps : 1;
    bar.style.setProperty('--done', String(fraction));
    bar.setAttribute('aria-valuenow', String(Math.round(100 * fraction)));
    bar.dataset.state = job.state;
    const wall = (job.wallEnd ?? performance.now()) - job.wallStart;
    const rate = wall > 0 ? (1000 * job.stepsDone) / wall : 0;
    const runs = job.runCount === 1 ? '' : ` × ${job.runCount} runs`;
    const done = `${formatInt(job.stepsDone)} / ${formatInt(job.totalSteps)} steps${runs}`;
    if (job.state === 'running') {
      const eta = rate > 0 ? formatDuration((1000 * (job.totalSteps - job.stepsDone)) / rate) : '–';
      text.textContent = `${done} · ${formatRate(rate)} · ETA ${eta}`;
    } else if (job.state === 'done') {
      text.textContent = `${done} in ${formatDuration(wall)} · ${formatRate(rate)}`;
    } else if (job.state === 'cancelled') {
      text.textContent = `Cancelled at t = ${formatInt(job.stepsDone)} of ${formatInt(job.totalSteps)}; the curves so far stay.`;
    } else {
      text.textContent = `Stopped at t = ${formatInt(job.stepsDone)}.`;
    }
  }

  let liveTimer = 0;
  const hash = link.syncHash(store, encodeHash, 'Keeping the current settings.', {
    onDropped: (dropped) => {
      settings.keepMarks();
      controls.showErrors(dropped);
    },
  });
  store.subscribe((state, reason) => {
    showAxes(state.axes);
    if (reason === 'axes') {
      if (!settings.invalid) hash.write(state);
      drawNow();
      return;
    }
    if (reason === 'structure' || reason === 'replace' || reason === 'fallback') controls.render();
    clearTimeout(liveTimer);
    if (reason === 'live') liveTimer = setTimeout(() => run(store.state), LIVE_DELAY);
    else run(state);
  });

  function showAxes(axes) {
    for (const b of document.querySelectorAll('[data-axes]')) b.setAttribute('aria-pressed', String(b.dataset.axes === axes));
  }
  for (const b of document.querySelectorAll('[data-axes]')) {
    b.addEventListener('click', () => store.update((s) => { s.axes = b.dataset.axes; }, 'axes'));
  }
  $('run').addEventListener('click', () => run(store.state));
  $('cancel').addEventListener('click', () => runner.cancel());
  setUpCopyLink($('copy-link'), () => encodeHash(linked()));
  setUpEmbedButton($('embed'), 'regret', () => ({ hash: encodeHash(linked()), config: toConfig(linked(), registry) }),
    regretImage({ charts, runner, problem: () => problemInfo(registry, runner.job?.problem?.name) }));
  setUpRegretExports({ charts, runner, themeName: () => theme.current });
  setUpPresetSelect(store, PRESETS, 'Stories…', undefined, {
    focuses: Object.fromEntries(Object.entries(charts.charts).map(([name, chart]) => [name, () => chart.section])),
  });
  renderTex();
  if (!link.pending) showStory(findPreset('reddi'));

  controls.render();
  showAxes(store.state.axes);
  run(store.state);
  controls.showErrors(link.dropped);
  document.body.dataset.ready = 'true';
  window.gradscapeRegret = {
    store, runner, charts, registry, flavour, hash,
    get job() { return runner.job; },
    /** The finished (or cancelled) run's result JSON, as gs.regret(config) returns it. */
    result: () => runner.result(),
    /** The latest average regret R(t)/t of each run, and where each crosses its bound. */
    summary() {
      const job = runner.job;
      if (!job) return null;
      return {
        state: job.state, stepsDone: job.stepsDone, totalSteps: job.totalSteps, count: job.count,
        labels: job.meta?.map((m) => m.label) ?? [],
        average: job.runs.map((_, i) => latest(job, i)?.average ?? null),
        regret: job.runs.map((_, i) => latest(job, i)?.regret ?? null),
        crossings: view.crossings,
      };
    },
  };
}

async function renderTex() {
  const { render } = await loadKatex();
  for (const node of document.querySelectorAll('[data-tex]')) {
    render(node.dataset.tex, node, { throwOnError: false, displayMode: true });
  }
}
