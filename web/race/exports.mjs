// Exports of the race lab: every tuning trial as CSV (race, optimizer, trial, the tuned values, score,
// round), every held-out run as CSV (race, optimizer, run, its start and noise seed, steps to ε, final
// loss, diverged_at), the engine's result JSON (one race, or {races} for a race beside the fair one)
// the surface with the tuned runs and the race's starts as an SVG figure (lib/figure), and the
// surface with the held-out paths as an animation (GIF, WebM or MP4: lib/animation).
import { csvText } from '../lib/csv.mjs';
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';
import { entryName } from './entries.mjs';

const tunedNames = (config) => (config.tune ?? []).map((t) => (typeof t === 'string' ? t : t.param));

/** One row per trial of every optimizer of every race; a column per tuned hyperparameter. */
export function trialsCsv(results) {
  const params = [...new Set(results.flatMap((r) => r.optimizers.flatMap(tunedNames)))];
  const rows = [];
  results.forEach((result, race) => result.entries.forEach((entry, i) => {
    const names = tunedNames(result.optimizers[i]);
    (entry.trials ?? []).forEach((values, k) => {
      const byName = Object.fromEntries(names.map((n, j) => [n, values[j]]));
      rows.push([race, i, entryName(entry), k, ...params.map((p) => byName[p]), entry.trial_scores?.[k], entry.trial_rounds?.[k]]);
    });
  }));
  return csvText(['race', 'entry', 'optimizer', 'trial', ...params, 'score', 'round'], rows);
}

/** One row per held-out run (run i: seed ⌊i / M⌋, start i mod M). */
export function heldOutCsv(results) {
  const rows = [];
  results.forEach((result, race) => {
    const m = result.held_out_points?.length ?? 1;
    result.entries.forEach((entry, i) => {
      const h = entry.held_out;
      if (!h) return;
      h.steps_to_eps.forEach((steps, run) => {
        const [x, y] = result.held_out_points[run % m];
        rows.push([race, i, entryName(entry), run, x, y, result.noise_seeds[Math.floor(run / m)], steps, h.final_loss[run], h.diverged_at[run]]);
      });
    });
  });
  return csvText(['race', 'entry', 'optimizer', 'run', 'start_x', 'start_y', 'seed', 'steps_to_eps', 'final_loss', 'diverged_at'], rows);
}

/** The SVG figure of the paths view (paths-view.mjs): its surface, runs, starts and legend, in its theme. */
export async function pathsSVG(view, { heatmap = true } = {}) {
  const { svgFigure } = await import('../lib/figure/svg-figure.mjs');
  const model = view?.surface.figureModel();
  if (!model?.runs.length) throw new Error('no race has run yet');
  return svgFigure({ ...model, ...view.figureExtras }, { width: Math.max(640, model.width), theme: model.theme, heatmap });
}

/**
 * Wires the Export menu; results() gives the shown races' results (none: the export says so),
 * paths() the paths view on the surface, `animation` the surface's frame source (animation.mjs) for
 * Export → Animation, whose dialog loads on first use.
 */
export function setUpExports(results, paths, animation) {
  const list = () => {
    const shown = results();
    if (!shown?.length) throw new Error('no race has run yet');
    return shown;
  };
  setUpExportMenu({
    trials: () => saveFile('gradscape-race-trials.csv', trialsCsv(list()), 'text/csv'),
    runs: () => saveFile('gradscape-race-held-out.csv', heldOutCsv(list()), 'text/csv'),
    'surface-svg': async () => saveFile('gradscape-race-surface.svg', await pathsSVG(paths()), 'image/svg+xml'),
    'surface-svg-contours': async () =>
      saveFile('gradscape-race-surface-contours.svg', await pathsSVG(paths(), { heatmap: false }), 'image/svg+xml'),
    json: () => {
      const shown = list();
      saveFile('gradscape-race.json', JSON.stringify(shown.length === 1 ? shown[0] : { races: shown }), 'application/json');
    },
    animation: async () => {
      if (!animation.totalSteps) throw new Error('no race has drawn its paths yet');
      const { openAnimationDialog } = await import('../lib/animation/dialog.mjs');
      await openAnimationDialog({ source: animation, name: animation.name, pagePreset: true, formula: false });
    },
  });
}
