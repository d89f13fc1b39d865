// The race lab: wires the worker (runner.mjs), the store (⇄ URL hash, state.mjs), the generated
// controls, the run bar (Race, Cancel, progress with ETA), the results (the protocol, the
// leaderboard with its unsettled orders, and beside a fixed-start race the fair protocol's, with
// how the orders differ), the figures of one race (the tuned runs on the surface, the box plots of
// steps to ε, the tuning's progress) and the exports. Every race runs in the labs' worker; the main
// thread loads the full engine for the registry, the surface and the replayed tuned runs. An edit
// is checked by the engine at once (its message under the field); Race runs the settings.
//
// Instrumentation for the browser tests:
//   document.body.dataset.race: 'running' while a race runs, then 'done', 'cancelled' or 'error'.
//   window 'gradscape:race' CustomEvent when a race's results are drawn: detail {races, ms_engine, ms_total}.
//   window.gradscapeRace: {store, runner, registry, hash, paths, job}.
import 'uplot/dist/uPlot.min.css';
import { setUpCopyLink } from '../lib/copy-link.mjs';
import { setUpEmbedButton } from '../lib/embed-button.mjs';
import { setUpPresetSelect, showStory } from '../lib/preset-select.mjs';
import { loadGradscape } from '../api/gradscape.mjs';
import { startLabWorker } from '../lib/lab-runner.mjs';
import { LabLink } from '../lib/page-shell.mjs';
import { AcceptedSettings } from '../lib/accepted-settings.mjs';
import { initTheme } from '../lib/theme.mjs';
import { formatDuration, formatInt } from '../lib/format.mjs';
import { encodeHash as landscapeHash, fromConfig as landscapeState } from '../landscape/state.mjs';
import { Store, decodeHash, defaultState, emptyState, encodeHash, hashKeyOf, toConfigs } from './state.mjs';
import { PRESETS, findPreset } from './presets.mjs';
import { Controls } from './controls.mjs';
import { RaceRunner } from './runner.mjs';
import { ResultsView } from './results-view.mjs';
import { setUpExports } from './exports.mjs';
import { raceAnimation } from './animation.mjs';

const $ = (id) => document.getElementById(id);
const FALLBACK = 'Showing the default race instead.';
const PHASE = { tuning: 'Tuning', held_out: 'Evaluating' };

/** The state path of an engine field of the race config (optimizers[1].tune[0] → tunes[1]), for repairing a link. */
const stateField = (field) => field?.replace(/^optimizers\[(\d+)\]\.tune.*$/, 'tunes[$1]') ?? null;

export async function start() {
  const handlers = {};
  const [gs, { runner }] = await Promise.all([loadGradscape({ full: true }), startLabWorker('race', RaceRunner, {
    onStart: (job) => handlers.onStart(job),
    onProgress: (job) => handlers.onProgress(job),
    onDone: (job) => handlers.onDone(job),
    onCancelled: (job) => handlers.onCancelled(job),
    onError: (error) => handlers.onError(error),
  })]);
  const { registry } = gs;
  const ruleInfo = (text) => gs.ruleInfo(text);

  const link = new LabLink({ decodeHash, defaultState, hashKeyOf, emptyState }, FALLBACK, () => {
    store.replace(defaultState(), 'fallback');
    showStory(findPreset('rosenbrock-all'));
  });
  const store = new Store(link.state);
  const controls = new Controls($('controls'), { registry, store, ruleInfo });
  const settings = new AcceptedSettings(store, controls);
  const linked = () => settings.linked();
  const results = new ResultsView({ results: $('results'), figures: $('figures'), gs, onOpen: (race, entry) => openInLandscape(race, entry) });
  const theme = initTheme($('theme'), (t) => results.setTheme(t));
  results.setTheme(theme.current);
  let shownKey = '';  // the hash of the race on screen
  let checks = 0;

  const configsOf = (state) => toConfigs(state, registry, ruleInfo);

  function openInLandscape(race, entry) {
    const config = runner.job?.paths?.[race]?.[entry]?.[0];
    if (config) location.assign(`./index.html${landscapeHash(landscapeState(config))}`);
  }

  /** The engine's errors of a refused race or check, as the controls' fields name them. */
  function refuse({ message, errors }) {
    const fields = errors ?? [{ field: null, message }];
    const repaired = link.repair(settings.requested, fields.map((e) => ({ ...e, field: stateField(e.field) })));
    if (repaired) {
      store.replace(repaired);
      controls.showErrors(link.dropped);
      settings.keepMarks();
      return;
    }
    if (link.refuse(message)) return;
    settings.refused(fields);
    showProgress();
  }

  /** Asks the engine whether it accepts the state on screen (newest wins). */
  async function check(state) {
    settings.request(state);
    const id = ++checks;
    const error = await runner.check(configsOf(state));
    if (id !== checks) return;
    if (error) {
      refuse(error);
      return;
    }
    const accepted = settings.started();
    if (accepted) hash.write(accepted);
    showProgress();
  }

  function race(state = store.state) {
    settings.request(state);
    document.body.dataset.race = 'running';
    runner.request(configsOf(state));
    showProgress();
  }

  handlers.onStart = (job) => {
    link.accept();
    const accepted = settings.started();
    if (accepted) hash.write(accepted);
    job.hash = encodeHash(settings.requested);
    results.start(job, store.state);
    showProgress();
  };
  handlers.onProgress = (job) => {
    if (job.results) results.progress(job);
    showProgress();
  };
  handlers.onDone = (job) => {
    shownKey = job.hash;
    results.done(job);
    document.body.dataset.race = 'done';
    showProgress();
    window.dispatchEvent(new CustomEvent('gradscape:race', {
      detail: { races: job.results.length, ms_engine: job.msEngine, ms_total: job.end - job.since },
    }));
  };
  handlers.onCancelled = (job) => {
    results.progress(job);
    document.body.dataset.race = 'cancelled';
    showProgress();
  };
  handlers.onError = (error) => {
    document.body.dataset.race = 'error';
    refuse(error);
  };

  function showProgress() {
    const job = runner.job;
    const busy = runner.busy;
    $('cancel').disabled = !busy;
    const bar = $('progress');
    const text = $('progress-text');
    const p = job?.progress;
    const done = job?.state === 'done' ? 1 : p ? p.laneStepsDone / p.laneStepsTotal : 0;
    bar.style.setProperty('--done', String(done));
    bar.setAttribute('aria-valuenow', String(Math.round(100 * done)));
    bar.dataset.state = job?.state ?? 'running';
    if (!job) {
      text.textContent = busy ? 'Starting…' : '';
      return;
    }
    const wall = (job.end ?? performance.now()) - job.since;
    if (job.state === 'running' && p) {
      const of = job.races.length > 1 ? `race ${p.race + 1} of ${job.races.length}: ` : '';
      const names = job.races[p.race].config.optimizers;
      const name = names[p.entry]?.label ?? names[p.entry]?.name ?? '';
      const what = p.phase === 'tuning' ? `trial ${formatInt(p.trialsDone)} / ${formatInt(p.trialsTotal)}` : 'held-out starts';
      const eta = done > 0.02 ? ` · about ${formatDuration((wall / done) * (1 - done))} left` : '';
      text.textContent = `${of}${PHASE[p.phase] ?? 'Finishing'} ${name} (${p.entry + 1} of ${names.length}), ${what} · ${Math.round(100 * done)}%${eta}`;
    } else if (job.state === 'running') {
      text.textContent = 'Starting the race…';
    } else if (job.state === 'done') {
      const changed = encodeHash(store.state) !== shownKey && !settings.invalid ? ' The settings have changed since: press Race to run them.' : '';
      text.textContent = `Raced in ${formatDuration(wall)} (${formatInt(job.results.reduce((n, r) => n + r.lane_steps_total, 0))} optimizer steps).${changed}`;
    } else if (job.state === 'cancelled') {
      text.textContent = `Cancelled at ${Math.round(100 * done)}%: the trials run so far are shown. Press Race to run it again.`;
    } else {
      text.textContent = 'Stopped: see the message above.';
    }
  }

  const hash = link.syncHash(store, encodeHash, 'Keeping the current race.', {
    onTrial: true,
    onDropped: (dropped) => {
      settings.keepMarks();
      controls.showErrors(dropped);
    },
  });
  store.subscribe((state, reason) => {
    if (reason === 'structure' || reason === 'replace' || reason === 'fallback') controls.render();
    if (reason === 'structure') $('story').hidden = true;
    if (reason === 'replace' || reason === 'fallback') race(state);
    else check(state);
  });

  $('run').addEventListener('click', () => race());
  $('cancel').addEventListener('click', () => runner.cancel());
  setUpCopyLink($('copy-link'), () => encodeHash(linked()));
  setUpEmbedButton($('embed'), 'race', () => ({ hash: encodeHash(linked()), config: configsOf(linked())[0] }));
  setUpPresetSelect(store, PRESETS, 'Preset races…');
  setUpExports(() => runner.job?.results, () => results.paths, raceAnimation(() => results.paths));

  controls.render();
  race(store.state);
  controls.showErrors(link.dropped);
  document.body.dataset.ready = 'true';
  window.gradscapeRace = {
    store, runner, registry, hash, results,
    get job() { return runner.job; },
  };
}
