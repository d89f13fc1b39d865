// What `gradscape render` draws (render-command.mjs): the SVG figure's model (lib/figure/svg-figure.mjs)
// of a run config — its runs, the objective's view, minima and start, f from the engine's grid
// call — or of a race config — the race run to the end, then, as the race page shows them, the
// three best optimizers' tuned runs from the first three held-out starts (replayed from the race's
// own run configs), the tuning and held-out starts and the race's box.
import { GradscapeError } from './support.mjs';
import { isUserObjective } from './gradscape.mjs';
import { entryName, entryStyle, figureLegend } from '../race/entries.mjs';

// The keys only a race config has (docs/schema.md, "Race config").
const RACE_KEYS = ['tuning_starts', 'held_out_starts', 'trials', 'search', 'score', 'eps', 'seeds', 'tuning_steps', 'f_star', 'box'];
const PATHS = 3;
const ENTRIES_SHOWN = 3;

/** 'race' when the config has a race config's keys (or an optimizer with `tune`), else 'run'. */
export function configKind(config) {
  if (RACE_KEYS.some((key) => Object.hasOwn(config, key))) return 'race';
  return Array.isArray(config.optimizers) && config.optimizers.some((o) => o && typeof o === 'object' && 'tune' in o) ? 'race' : 'run';
}

const flat = (trajectory) => Float64Array.from(trajectory.flat());
const status = (run) => ({ status: run.status, diverged_at: run.diverged_at });

function objectiveParts(session) {
  const objective = session.objective();
  return {
    title: objective.display_name ?? objective.name,
    axes: isUserObjective(objective.name) && objective.name !== 'formula' ? ['w', 'b'] : ['x', 'y'],
    signed: objective.name === 'formula',
    view: objective.view,
    minima: session.minima(),
  };
}

/** The model of a run config, its runs to the end; `session` must be deleted by the caller (close()). */
export function runModel(gs, config) {
  const session = gs.createRunSession(config);
  session.advance(session.totalSteps);
  const result = session.result();
  return {
    ...objectiveParts(session),
    grid: (...a) => session.grid(...a),
    start: result.start,
    totalSteps: session.totalSteps,
    runs: result.runs.map((run) => ({ label: run.optimizer.label, xy: flat(run.trajectory), status: status(run) })),
    close: () => session.delete(),
  };
}

/** The model of a race config, the race run to the end first. */
export function raceModel(gs, config) {
  const race = gs.createRaceSession(config);
  let result;
  let paths;
  try {
    const trials = race.config.trials;
    while (!race.finished) race.advance(trials);
    result = race.result();
    const ranking = result.ranking ?? result.entries.map((_, i) => i);
    paths = ranking.slice(0, ENTRIES_SHOWN).flatMap((entry) => {
      const runs = Math.min(PATHS, result.entries[entry].held_out?.steps_to_eps.length ?? 0);
      return Array.from({ length: runs }, (_, run) => ({ entry, run, config: race.heldOutRunConfig(entry, run) }));
    });
  } finally {
    race.delete();
  }
  if (!paths.length) throw new GradscapeError('race: no held-out run to draw');
  const session = gs.createRunSession({ ...paths[0].config, steps: 0 });
  const parts = objectiveParts(session);
  const runs = paths.map(({ entry, run, config: runConfig }) => {
    const r = gs.run(runConfig).runs[0];
    const { colour, dash } = entryStyle(entry);
    return {
      entry, label: `${entryName(result.entries[entry])} (held-out start ${run + 1})`, color: colour, dash,
      xy: flat(r.trajectory), status: status(r),
    };
  });
  return {
    ...parts,
    title: `${parts.title}: tuned runs from held-out starts`,
    view: result.box ?? parts.view,
    grid: (...a) => session.grid(...a),
    start: null,
    starts: { tuning: result.tuning_points ?? [], heldOut: result.held_out_points ?? [] },
    totalSteps: Math.max(...runs.map((r) => r.xy.length / 2 - 1)),
    runs,
    legend: figureLegend(runs.map((r) => ({ entry: r.entry, name: entryName(result.entries[r.entry]), diverged: r.status.status === 'diverged' }))),
    close: () => session.delete(),
  };
}
