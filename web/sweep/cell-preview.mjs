// The pinned cell's panel: the cell's values, its exact run (the session's cellConfig, replayed on
// the main thread by the core module's gs.run) drawn as a trajectory on a small landscape surface,
// and the link that opens that very run in the landscape playground (./index.html#… through the
// landscape's own state: fromConfig, then encodeHash).
import { SurfaceView } from '../landscape/surface.mjs';
import { encodeHash, fromConfig } from '../landscape/state.mjs';
import { runColour, runDash } from '../lib/palette.mjs';
import { formatPrecise } from '../lib/format.mjs';
import { cellLines } from './cell-text.mjs';

export class CellPreview {
  #root;
  #gs;
  #session;
  #surface = null;
  #objectiveKey = '';

  constructor(root, gs) {
    this.#root = root;
    this.#gs = gs;
    this.#session = gs.createRunSession();
  }

  get link() { return this.#root.querySelector('#open-landscape'); }

  hide() {
    this.#root.hidden = true;
  }

  /** Shows cell (i, j) of `map` (a MapData) whose run config is `config`; returns the run's result. */
  show(map, i, j, config, title, theme) {
    this.#root.hidden = false;
    const result = this.#gs.run(config);
    const run = result.runs[0];
    const $ = (id) => this.#root.querySelector(`#${id}`);
    $('cell-title').textContent = `${title}: cell (${i}, ${j})`;
    $('cell-lines').replaceChildren(...cellLines(map, i, j).map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    $('cell-run').textContent = run.status === 'diverged'
      ? `Replayed alone: diverged at step ${run.diverged_at}.`
      : `Replayed alone: final loss ${formatPrecise(run.loss.at(-1))} after ${config.steps} steps.`;
    this.link.href = `./index.html${encodeHash(fromConfig(config))}`;
    this.#draw(config, run, theme);
    return result;
  }

  setTheme(theme) {
    this.#surface?.setTheme(theme);
    this.#surface?.draw();
  }

  #draw(config, run, theme) {
    if (!this.#surface) this.#surface = new SurfaceView(this.#root.querySelector('#cell-surface'), { grid: (...a) => this.#session.grid(...a) });
    this.#surface.setTheme(theme);
    const info = this.#gs.registry.objectives.find((o) => o.name === config.objective.name);
    this.#session.configure({ ...config, steps: 0 });
    const key = JSON.stringify(config.objective);
    if (key !== this.#objectiveKey) {
      this.#objectiveKey = key;
      this.#surface.setObjective({ name: info.name, displayName: info.display_name, minima: this.#session.minima(), view: info.view });
    }
    this.#surface.setStart(config.start);
    this.#surface.setRuns([{
      label: run.optimizer.label, color: runColour(0), dash: runDash(0), xy: Float64Array.from(run.trajectory.flat()),
      loss: Float64Array.from(run.loss), status: { status: run.status, diverged_at: run.diverged_at },
    }]);
    this.#surface.draw();
  }
}
