// The measurements of bench/race.mjs, the same code in the page's Web Worker (this file is the
// module worker: it answers {id, op, args} messages with {id, value} or {id, error}) and in Node
// (bench/race.mjs imports the ops). The JS API is loaded from ../../web/api/gradscape.mjs, i.e.
// from the served repository in the browser and from the file system in Node.
import { interleavedAll } from '../tools/interleaved.mjs';
import { raceSoa } from './race_soa.mjs';

const API = new URL('../../web/api/gradscape.mjs', import.meta.url).href;

const engines = {};
/** The race lab's engine of `flavour`, loaded once; the first time, how long loading took (ms). */
async function engine(flavour) {
  if (!engines[flavour]) {
    const t0 = performance.now();
    const { loadGradscape } = await import(API);
    const gs = await loadGradscape({ flavour, race: true });
    engines[flavour] = { gs, loadMs: performance.now() - t0 };
  }
  return engines[flavour];
}

// A race run to the end through a session, its result as the JSON text the CLI prints.
function raceText(gs, config) {
  const session = gs.createRaceSession(config);
  try {
    while (!session.finished) session.advance(session.config.trials);
    return session.resultText();
  } finally {
    session.delete();
  }
}

// The engine's held-out runs and tuning against the plain-JS race of the same trials and starts:
// the same best trial and trial scores, the same steps to ε and divergence steps of every held-out
// run, and the largest relative difference of their final losses.
function agreement(entry, js) {
  const h = entry.held_out;
  let worst = 0, differ = 0;
  for (let i = 0; i < h.final_loss.length; ++i) {
    if (h.steps_to_eps[i] !== js.heldOut.steps[i] || h.diverged_at[i] !== js.heldOut.divergedAt[i]) ++differ;
    const a = h.final_loss[i], b = js.heldOut.final[i];
    if (a === null) differ += b !== Infinity;
    else worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Number.MIN_VALUE));
  }
  return {
    sameBest: entry.best_trial === js.best,
    sameScores: entry.trial_scores.every((s, k) => s === js.scores[k]),
    runs: h.final_loss.length, differ, worst,
    diverged: h.diverged_at.filter(Boolean).length,
  };
}

export const OPS = {
  /** Loads the engine of `flavour` (ms, the first time in this worker or process). */
  async load({ flavour }) { return (await engine(flavour)).loadMs; },

  /** One whole race through gs.race (its time in ms, measured here), the result with it. */
  async race({ config, flavour = 'simd' }) {
    const { gs } = await engine(flavour);
    const t0 = performance.now();
    const result = gs.race(config);
    return { ms: performance.now() - t0, result };
  },

  /**
   * The whole race, wasm SIMD and wasm scalar in interleaved rounds (ms per round), its lane-steps,
   * its result text's size, and whether the two flavours' result texts are the same bytes (the
   * text is returned for the comparison with the native CLI).
   */
  async fullRace({ config, rounds }) {
    const simd = (await engine('simd')).gs, scalar = (await engine('scalar')).gs;
    const times = interleavedAll({ simd: () => simd.race(config), scalar: () => scalar.race(config) }, rounds);
    const text = raceText(simd, config);
    return { ...times, text, sameFlavours: text === raceText(scalar, config) };
  },

  /**
   * One optimizer's race ('sgd' or 'adam' alone, the same K, N, M, T) through gs.race, its engine
   * time without the result (advance to the end), and the plain-JS race of the engine's own trials
   * and starts, in interleaved rounds; checked to agree first.
   */
  async plainJs({ config, rule, rounds }) {
    const { gs } = await engine('simd');
    const one = { ...config, optimizers: [{ name: rule }] };
    const result = gs.race(one);
    const entry = result.entries[0];
    const args = {
      rule, trials: entry.trials.map(([lr]) => lr), tuningPoints: result.tuning_points,
      heldOutPoints: result.held_out_points, steps: result.steps, eps: result.eps, fStar: result.f_star,
    };
    const js = raceSoa(args);
    const check = agreement(entry, js);
    const advance = () => {
      const session = gs.createRaceSession(one);
      while (!session.finished) session.advance(one.trials);
      session.delete();
    };
    const times = interleavedAll({ engine: () => gs.race(one), advance, js: () => raceSoa(args) }, rounds);
    return { ...times, check, laneSteps: result.lane_steps, live: js.live, budget: js.budget };
  },

  /** Fetch + compile of one wasm file alone (WebAssembly.compileStreaming), ms. */
  async compile({ url }) {
    const t0 = performance.now();
    await WebAssembly.compileStreaming(fetch(url));
    return performance.now() - t0;
  },

  /** The wasm files this worker fetched: resource timing entries. */
  async resources() {
    return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'))
      .map((e) => ({ name: e.name.split('/').pop(), ms: e.responseEnd - e.startTime, bytes: e.encodedBodySize }));
  },
};

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  globalThis.onmessage = async ({ data: { id, op, args } }) => {
    try {
      globalThis.postMessage({ id, value: await OPS[op](args) });
    } catch (error) {
      globalThis.postMessage({ id, error: String(error?.stack ?? error) });
    }
  };
}
