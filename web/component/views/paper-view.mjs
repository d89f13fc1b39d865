// The paper view of <gradscape-playground view="paper"> (the view contract is in
// ../gradscape-playground.mjs): one experiment of the paper lab (a paper config,
// docs/schema.md) as a compact figure: the claim line, the training-loss and test curves
// with their seed bands (paper/charts.mjs) and the learning-rate grid (paper/grid-table.mjs), or
// for Fig. 4's ablation the β₁ × β₂ panels (paper/ablation.mjs). The lab's own driver and runner
// (paper/driver.mjs, runner.mjs) train it on the main thread through an InThreadWorker, in slices of
// ~12 ms (slicer.mjs), so several elements share one wasm module and no worker is needed.
//
// The image data: the image experiments need public/data/fashion-mnist-6k.bin, which the view
// fetches (with its progress in the bar) from the Gradscape site, ctx.siteBase + "data/…" — by
// default the site the component script was loaded from, or the element's `site` attribute. The
// images are parsed once per page (the engine shares them between sessions), so a second element
// does not fetch them again. With site="" and no images loaded, an image experiment shows why it
// cannot run; the bag-of-words experiment needs no file.
// controls 'minimal' and 'full' add the bar (frame.mjs); 'full' the settings (paper/controls.mjs, brief).
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import fieldsCss from '../../lib/fields.css?inline';
import regretCss from '../../regret/regret.css?inline';
import paperCss from '../../paper/paper.css?inline';
import paperViewCss from './paper.css?inline';
import { PaperDriver } from '../../paper/driver.mjs';
import { inPageLab, playerMethods } from './in-page-lab.mjs';
import { PaperRunner } from '../../paper/runner.mjs';
import { PaperCharts } from '../../paper/charts.mjs';
import { addSettingsToast } from './settings-toast.mjs';
import { Controls } from '../../paper/controls.mjs';
import { downloadFraction, fetchBytes, formatBytes } from '../../paper/data.mjs';
import { drawJob, entryLabels, progressText, runLabel } from '../../paper/view-model.mjs';
import { result } from '../../paper/summary.mjs';
import { Store, encodeHash, fromConfig, needsImages, toConfig } from '../../paper/state.mjs';
import { frameDrawer } from '../../lib/frame-drawer.mjs';
import { ViewFrame, rerunOnEdits, siteFolder } from './frame.mjs';

const LIVE_DELAY = 250;
const DATA_FILE = 'data/fashion-mnist-6k.bin';

// One download per page, whichever element asks first.
let images = null;

function loadImages(gs, siteBase, onProgress) {
  if (gs.hasPaperImages) return Promise.resolve();
  const folder = siteFolder(siteBase);
  if (!folder) return Promise.reject(new Error(`the image experiments need ${DATA_FILE} from the Gradscape site: set the element's site attribute`));
  images ??= fetchBytes(new URL(DATA_FILE, folder).href, onProgress)
    .then((bytes) => gs.loadPaperImages(bytes))
    .catch((error) => {
      images = null;
      throw error;
    });
  return images;
}

export async function createView(ctx) {
  const gs = await ctx.engine({ paper: true });
  const { registry } = gs;
  const config = { version: 1, experiment: 'logreg_images', ...(ctx.config ?? {}) };
  if (!needsImages(config.experiment)) gs.createPaperSession(config).delete();
  for (const css of [uplotCss, fieldsCss, regretCss, paperCss, paperViewCss]) ctx.adoptStyles(css);

  const store = new Store(fromConfig(config));
  const { port, slicer, events, fail, close } = inPageLab(ctx, gs, PaperDriver);

  const frame = new ViewFrame(ctx, {
    page: 'paper.html', label: 'Training loss of every optimizer at its best learning rate, and the learning-rate grid',
    onPlay: () => view.play(), onPause: () => view.pause(), onReset: () => view.reset(),
  });
  const figure = frame.figure;
  figure.classList.add('gs-paper');
  const claim = document.createElement('section');
  claim.className = 'pp-claim gs-paper-claim';
  claim.hidden = true;
  const chartsHost = document.createElement('div');
  chartsHost.className = 'gs-paper-charts';
  const ablationHost = document.createElement('div');
  ablationHost.className = 'pp-ablation';
  ablationHost.hidden = true;
  const grid = document.createElement('div');
  grid.className = 'rg-runs';
  grid.setAttribute('aria-label', 'Learning-rate grid');
  figure.append(claim, chartsHost, ablationHost, grid);
  const charts = new PaperCharts(chartsHost);
  charts.setTheme();

  let controls = null;
  if (frame.settings) {
    addSettingsToast(ctx.root.closest('.gs-box') ?? ctx.root, (css) => ctx.adoptStyles(css));
    controls = new Controls(frame.settings, { registry, store, brief: true });
    controls.render();
  }

  let downloading = null;  // {fraction, text} of the image download, while it runs
  let failed = false;  // the newest run failed (its message is shown)
  const runner = new PaperRunner(port, {
    onStart: (job) => {
      job.pageState = job.config === current.config ? current.state : store.state;
      events.restart();
      frame.showError(null);
      drawSoon();
    },
    onPoints: (job) => {
      const labels = entryLabels(job.config, registry);
      job.runs.forEach((run, i) => {
        if (run.status?.status === 'diverged') events.diverged(i, runLabel(job, i, labels), run.status.diverged_at);
      });
      events.step(job.batchesDone, job.totalBatches);
      drawSoon();
    },
    onDone: (job) => {
      drawNow();
      events.step(job.batchesDone, job.totalBatches, true);
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
      showState();
      const job = runner.job;
      if (job?.pageState) drawJob(job, registry, { claim, charts, chartsHost, ablationHost, grid });
    } catch (error) {
      fail(error);
    }
  }

  function showState() {
    const job = runner.job;
    const busy = runner.pending !== null || downloading !== null;
    frame.showComputation({
      busy, paused: slicer.paused, state: failed ? 'error' : job?.state,
      progress: downloading ?? (job && !busy ? progressText(job, job.elapsed) : null),
    });
  }

  const current = { config: null, state: null };
  // The image download the newest run waits for (rejecting with the reason it failed), or null.
  let starting = null;
  const compute = () => {
    failed = false;
    starting = null;
    controls?.clearErrors();
    const state = structuredClone(store.state);
    const paperConfig = toConfig(state);
    frame.setLink(encodeHash(state));
    const go = () => {
      if (ctx.signal.aborted) return;
      current.config = paperConfig;
      current.state = state;
      runner.run(paperConfig);
      showState();
    };
    if (!needsImages(state.experiment) || gs.hasPaperImages) {
      go();
      return;
    }
    downloading = { fraction: 0, text: 'Fashion-MNIST images…' };
    showState();
    const download = loadImages(gs, ctx.siteBase, (loaded, total) => {
      downloading = { fraction: downloadFraction(loaded, total), text: `Fashion-MNIST images: ${formatBytes(loaded, total)}` };
      showState();
    }).then(() => {
      downloading = null;
      go();
    }, (error) => {
      downloading = null;
      failed = true;
      frame.showError(`The paper view could not load its images: ${error.message}`);
      showState();
      ctx.emit('error', { message: error.message });
      throw new Error(`result: the paper view could not load its images: ${error.message}`);
    });
    download.catch(() => {});
    starting = download;
  };
  const edits = rerunOnEdits(store, { compute, render: () => controls?.render(), delay: LIVE_DELAY });
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
    /** Replaces the paper config and trains it from zero (the engine's message names a bad field). */
    setConfig(next) {
      const merged = { version: 1, experiment: 'logreg_images', ...(next ?? {}) };
      if (!needsImages(merged.experiment) || gs.hasPaperImages) gs.createPaperSession(merged).delete();
      store.replace(fromConfig(merged));
    },
    ...playerMethods({ frame, slicer, run, showState }),
    setTheme(theme) {
      frame.setTheme(theme);
      charts.setTheme();
    },
    get fullPageHash() { return encodeHash(store.state); },
    /** The paper config in use. */
    get config() { return toConfig(store.state); },
    /**
     * A promise of the paper result (docs/schema.md) once the training in progress (or the
     * newest one, if the config changes first) has finished; rejects when the images cannot be
     * loaded or the training fails or is cancelled.
     */
    result: () => (starting ?? Promise.resolve()).then(() => runner.whenDone()).then((job) => result(job)),
    destroy,
    debug: { gs, store, runner, charts },
  };
  run();
  return view;
}
