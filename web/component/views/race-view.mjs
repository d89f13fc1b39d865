// The race view of <gradscape-playground view="race"> (the view contract is in
// ../gradscape-playground.mjs): the race lab's compact leaderboard (rank, tuned values, 90% rank
// interval, median steps to ε and final loss) with the protocol's badges and the box plots of the
// held-out steps to ε, for one race config (docs/schema.md, "Race config"). The lab's own driver
// and runner (race/driver.mjs, runner.mjs) compute it on the main thread through an InThreadWorker,
// in slices of ~12 ms of engine time each followed by a yield to the page (slicer.mjs), as the
// sweep view does. The leaderboard IS the computed result, so the race starts when the view is
// created; pause() suspends it between two slices, play() resumes it (or races again once
// finished), reset() races again from the first trial. 'step' events count optimizer steps
// ({step: lane steps done, total}); there are no 'diverged' events (the leaderboard counts the
// diverged held-out runs). controls 'minimal' and 'full' add the bar (frame.mjs); 'full' the lab's
// settings, brief: the protocol and the optimizer cards (race/controls.mjs).
import fieldsCss from '../../lib/fields.css?inline';
import raceCss from '../../race/race.css?inline';
import { RaceDriver } from '../../race/driver.mjs';
import { RaceRunner } from '../../race/runner.mjs';
import { inPageLab, playerMethods } from './in-page-lab.mjs';
import { addSettingsToast } from './settings-toast.mjs';
import { Controls } from '../../race/controls.mjs';
import { Store, encodeHash, fromConfig, toConfig } from '../../race/state.mjs';
import { leaderboardTable } from '../../race/leaderboard.mjs';
import { badges } from '../../race/protocol.mjs';
import { boxPlot } from '../../race/box-plot.mjs';
import { formatInt } from '../../lib/format.mjs';
import { el } from '../../lib/dom.mjs';
import { ViewFrame, rerunOnEdits } from './frame.mjs';

const LIVE_DELAY = 300;

/** The engine's resolved form of `config`; throws its GradscapeError (naming the field) if invalid. */
function resolve(gs, config) {
  const session = gs.createRaceSession(config ?? {});
  try {
    return session.config;
  } finally {
    session.delete();
  }
}

export async function createView(ctx) {
  const gs = await ctx.engine({ race: true });
  const ruleInfo = gs.full ? (text) => gs.ruleInfo(text) : undefined;
  const config = ctx.config ?? {};
  const resolved = resolve(gs, config);
  for (const css of [raceCss, ...(ctx.controls === 'full' ? [fieldsCss] : [])]) ctx.adoptStyles(css);

  const store = new Store(fromConfig(config, resolved));
  const { port, slicer, events, fail, close } = inPageLab(ctx, gs, RaceDriver);
  const frame = new ViewFrame(ctx, {
    page: 'race.html', label: 'Race leaderboard: which optimizer is best on this function',
    onPlay: () => view.play(), onPause: () => view.pause(), onReset: () => view.reset(),
  });
  const figure = frame.figure;
  figure.classList.add('rc-view');

  let controls = null;
  if (frame.settings) {
    addSettingsToast(ctx.root.closest('.gs-box') ?? ctx.root, (css) => ctx.adoptStyles(css));
    controls = new Controls(frame.settings, { registry: gs.registry, store, brief: true, ruleInfo });
    controls.render();
  }

  function draw(job) {
    try {
      const result = job.results?.[0];
      if (!result) return;
      const tunes = result.optimizers.map((o) => o.tune ?? ['lr']);
      const plot = boxPlot(result, Math.max(280, figure.clientWidth - 16));
      figure.replaceChildren(el('div', { class: 'rc-race' }, badges(result), leaderboardTable(result, tunes, null, { compact: true })),
        ...(plot ? [el('div', { class: 'rc-figure rc-boxes' }, plot)] : []));
    } catch (error) {
      fail(error);
    }
  }

  let failed = false;
  const runner = new RaceRunner(port, {
    onStart: () => {
      events.restart();
      frame.showError(null);
      showState();
    },
    onProgress: (job) => {
      events.step(job.progress.laneStepsDone, job.progress.laneStepsTotal);
      if (job.results) draw(job);
      showState();
    },
    onDone: (job) => {
      draw(job);
      const total = job.results[0].lane_steps_total;
      events.step(total, total, true);
      showState();
      ctx.emit('finished', {});
    },
    onCancelled: (job) => draw(job),
    onError: ({ field, message }) => {
      failed = true;
      if (!controls?.showError(field, message)) frame.showError(message);
      showState();
      ctx.emit('error', { message });
    },
  });

  function showState() {
    const job = runner.job;
    const p = job?.progress;
    const done = job?.state === 'done' ? 1 : p ? p.laneStepsDone / p.laneStepsTotal : 0;
    frame.showComputation({
      busy: runner.busy, paused: slicer.paused, state: failed ? 'error' : job?.state,
      progress: job ? { fraction: done, text: `${formatInt(done * (p?.laneStepsTotal ?? job.results?.[0]?.lane_steps_total ?? 0))} optimizer steps` } : null,
    });
  }

  const compute = () => {
    controls?.clearErrors();
    failed = false;
    runner.request([toConfig(store.state)]);
    frame.setLink(encodeHash(store.state));
    showState();
  };
  const edits = rerunOnEdits(store, { compute, render: () => controls?.render(), delay: LIVE_DELAY });
  const { run } = edits;

  function destroy() {
    edits.stop();
    close();
    ctx.root.replaceChildren();
  }
  ctx.signal.addEventListener('abort', destroy, { once: true });

  const view = {
    /** Validates `config` (throws the engine's GradscapeError) and races it from the first trial. */
    setConfig(next) {
      store.replace(fromConfig(next ?? {}, resolve(gs, next)));
    },
    ...playerMethods({ frame, slicer, run, showState }),
    setTheme(theme) { frame.setTheme(theme); },
    get fullPageHash() { return encodeHash(store.state); },
    /** The race config in use, every default resolved by the engine. */
    get config() { return runner.job?.races[0].config ?? toConfig(store.state); },
    /**
     * A promise of the race result (docs/schema.md) once the race in progress (or the newest one,
     * if the config changes first) has finished; rejects when it fails or is cancelled.
     */
    result: () => runner.whenDone().then((results) => results[0]),
    destroy,
    debug: { gs, store, runner },
  };
  run();
  return view;
}
