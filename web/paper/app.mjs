// The paper lab: wires the worker (runner.mjs), the image download (data.mjs, with its progress
// bar), the store (⇄ URL hash, state.mjs), the generated controls, the run bar (minibatches done,
// runs/s, ETA, Cancel), the claim, the learning-rate grid, the curves and, for Fig. 4, the
// ablation panels. Every edit re-runs the experiment in the worker; points stream in chunk by
// chunk and are drawn at most once per animation frame.
import 'uplot/dist/uPlot.min.css';
import { setUpCopyLink } from '../lib/copy-link.mjs';
import { setUpEmbedButton } from '../lib/embed-button.mjs';
import { paperImage, setUpPaperExports } from './export-menu.mjs';
import { setUpPresetSelect, showStory } from '../lib/preset-select.mjs';
import { markSelectedRow } from '../lib/selected-run.mjs';
import { showMessage } from '../lib/notices.mjs';
import { initTheme } from '../lib/theme.mjs';
import { Store, defaultState, decodeHash, encodeHash, toConfig, needsImages } from './state.mjs';
import { PRESETS, findPreset } from './presets.mjs';
import { Controls } from './controls.mjs';
import { PaperRunner } from './runner.mjs';
import { startLabWorker } from '../lib/lab-runner.mjs';
import { LabLink } from '../lib/page-shell.mjs';
import { AcceptedSettings } from '../lib/accepted-settings.mjs';
import { frameDrawer } from '../lib/frame-drawer.mjs';
import { PaperCharts } from './charts.mjs';
import { downloadFraction, fetchBytes, formatBytes, imagesUrl } from './data.mjs';
import { drawJob, progressText } from './view-model.mjs';
import { result } from './summary.mjs';

const $ = (id) => document.getElementById(id);
const FALLBACK = 'Showing Fig. 1 (left) instead.';
const LIVE_DELAY = 250;

/** Downloads the images with the data bar showing the bytes; resolves with the bytes. */
function downloadImages(log) {
  const bar = $('data-progress');
  const text = $('data-text');
  $('data-bar').hidden = false;
  document.body.dataset.data = 'loading';
  return fetchBytes(imagesUrl(), (loaded, total) => {
    log.push([loaded, total]);
    const fraction = downloadFraction(loaded, total);
    bar.style.setProperty('--done', String(fraction));
    bar.setAttribute('aria-valuenow', String(Math.round(100 * fraction)));
    text.textContent = `Fashion-MNIST images: ${formatBytes(loaded, total)}`;
  }).then((bytes) => {
    document.body.dataset.data = 'loaded';
    $('data-bar').hidden = true;
    return bytes;
  }, (error) => {
    document.body.dataset.data = 'error';
    text.textContent = `The images could not be loaded: ${error.message}`;
    throw error;
  });
}

export async function start() {
  const handlers = {};
  const dataLog = [];
  const images = downloadImages(dataLog).catch((error) => {
    showMessage(`The paper lab needs the image data: ${error.message}`, 'fatal');
    return null;
  });
  const { runner, registry, flavour } = await startLabWorker('paper', PaperRunner, {
    onImages: (m) => handlers.onImages(m),
    onWaiting: () => showProgress(),
    onStart: (job) => handlers.onStart(job),
    onPoints: () => drawSoon(),
    onDone: (job) => handlers.onEnd(job),
    onCancelled: (job) => handlers.onEnd(job),
    onError: (error) => handlers.onError(error),
  });
  images.then((bytes) => bytes && runner.images(bytes));

  const link = new LabLink({ decodeHash, defaultState }, FALLBACK, () => {
    store.replace(defaultState(), 'fallback');
    showStory(findPreset('1l'));
  });
  const store = new Store(link.state);
  const controls = new Controls($('controls'), { registry, store });
  const charts = new PaperCharts($('charts'));
  const theme = initTheme($('theme'), () => charts.setTheme());
  charts.setTheme();

  let wallStart = 0;
  let jobState = null;

  const settings = new AcceptedSettings(store, controls);
  const linked = () => settings.linked();
  function run(state) {
    settings.request(state);
    jobState = structuredClone(state);
    runner.run(toConfig(state));
    wallStart = performance.now();
    showScaled(state);
    showProgress();
  }

  handlers.onImages = ({ ok, message }) => {
    if (!ok) showMessage(`The image data could not be read: ${message}`);
  };
  handlers.onStart = (job) => {
    job.wallStart = performance.now();
    job.pageState = jobState;
    link.accept();
    const accepted = settings.started();
    if (accepted) hash.write(accepted);  // the page as opened keeps its URL
    drawSoon();
  };
  handlers.onEnd = (job) => {
    if (job) job.wallEnd = performance.now();
    drawNow();
  };
  handlers.onError = ({ message, errors }) => {
    if (link.refuse(message)) return;
    settings.refused(errors);
    showProgress();
  };

  const { soon: drawSoon, now: drawNow } = frameDrawer(draw);

  function draw() {
    showProgress();
    const job = runner.job;
    if (!job?.pageState) return;
    const model = drawJob(job, registry, { claim: $('claim'), charts, chartsHost: $('charts'), ablationHost: $('ablation'), grid: $('grid') });
    markSelectedRow($('grid').querySelector('table'), job.pageState.selected);
    view.check = model.check;
    if (job.points > 0 && !performance.getEntriesByName('gradscape:paper-first-points').length) {
      performance.mark('gradscape:paper-first-points');
    }
  }

  function showScaled(state) {
    const preset = findPreset(state.figure);
    $('scaled').textContent = preset.scaled;
  }

  function showProgress() {
    const job = runner.job;
    const pending = runner.pending;
    $('cancel').disabled = !runner.running;
    $('run').textContent = runner.running ? 'Restart' : 'Run';
    const bar = $('progress');
    const text = $('progress-text');
    if (pending || !job) {
      bar.style.setProperty('--done', '0');
      bar.setAttribute('aria-valuenow', '0');
      text.textContent = pending?.waiting ? 'Waiting for the images…' : (pending ? 'Starting…' : '');
      return;
    }
    const { fraction, text: words } = progressText(job, (job.wallEnd ?? performance.now()) - job.wallStart);
    bar.style.setProperty('--done', String(fraction));
    bar.setAttribute('aria-valuenow', String(Math.round(100 * fraction)));
    bar.dataset.state = job.state;
    text.textContent = words;
  }

  let liveTimer = 0;
  const hash = link.syncHash(store, encodeHash, 'Keeping the current settings.', {
    onDropped: (dropped) => {
      settings.keepMarks();
      controls.showErrors(dropped);
    },
  });
  store.subscribe((state, reason) => {
    if (reason === 'structure' || reason === 'replace' || reason === 'fallback') controls.render();
    clearTimeout(liveTimer);
    if (reason === 'live') liveTimer = setTimeout(() => run(store.state), LIVE_DELAY);
    else run(state);
  });

  $('run').addEventListener('click', () => run(store.state));
  $('cancel').addEventListener('click', () => runner.cancel());
  setUpCopyLink($('copy-link'), () => encodeHash(linked()));
  setUpEmbedButton($('embed'), 'paper', () => ({ hash: encodeHash(linked()), config: toConfig(linked()) }), paperImage({
    charts, title: () => (findPreset(store.state.figure)?.state.experiment === store.state.experiment ? findPreset(store.state.figure).title : ''),
  }));
  setUpPaperExports({ charts, runner, result: () => (runner.job ? result(runner.job) : null), themeName: () => theme.current });
  setUpPresetSelect(store, PRESETS, 'Figures…', undefined, {
    storyKey: 'figure', focuses: { loss: () => charts.loss.section, test: () => charts.test.section },
  });
  showStory(findPreset(store.state.figure));

  controls.render();
  controls.showErrors(link.dropped);
  run(store.state);
  if (needsImages(store.state.experiment)) showProgress();
  document.body.dataset.ready = 'true';
  const view = {
    store, runner, registry, flavour, dataLog, hash, check: null,
    get job() { return runner.job; },
    /** The paper result (docs/schema.md) of the points received so far. */
    result: () => (runner.job ? result(runner.job) : null),
  };
  window.gradscapePaper = view;
}
