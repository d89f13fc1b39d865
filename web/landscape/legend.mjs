// The run legend under the surface: a line sample in the run's colour and dash, its label, and the
// latest loss or "diverged at step k" for every run (and, for an optimizer that evaluates f several
// times a step, L-BFGS's, the evaluations so far; for one that draws more paths, what its dashed and
// dotted lines are). Clicking a run selects it for the curves and the formula; hovering or focusing
// it highlights its trajectory.
import { lineSwatch, setLineSwatch } from '../lib/line-swatch.mjs';

// How the surface draws a run's companion paths (surface/companions.mjs), in order.
const PATH_STYLES = ['dashed', 'dotted'];

const format = (v) => (Number.isFinite(v) ? (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(4) : v.toExponential(2)) : '–');

export class Legend {
  #root;
  #items = [];
  #onSelect;
  #onHover;
  constructor(root, { onSelect, onHover }) {
    this.#root = root;
    this.#onSelect = onSelect;
    this.#onHover = onHover;
  }

  update(runs, selected) {
    if (this.#items.length !== runs.length) this.#build(runs.length);
    runs.forEach((run, i) => {
      const item = this.#items[i];
      item.style.setProperty('--run-colour', run.color);
      setLineSwatch(item.querySelector('.legend-swatch'), run.color, run.dash);
      item.querySelector('.legend-label').textContent = run.label;
      const diverged = run.status.status === 'diverged';
      item.classList.toggle('diverged', diverged);
      const evaluations = run.info?.counts_evaluations && run.evaluations?.length
        ? ` · ${run.evaluations[run.evaluations.length - 1]} evaluations in ${run.loss.length - 1} steps` : '';
      const paths = (run.info?.companion_labels ?? []).map((label, k) => ` · ${PATH_STYLES[k]}: ${label}`).join('');
      item.querySelector('.legend-value').textContent = diverged
        ? `diverged at step ${run.status.diverged_at}`
        : `loss ${format(run.loss[run.loss.length - 1])}${evaluations}${paths}`;
      item.setAttribute('aria-pressed', String(i === selected));
    });
  }

  #build(count) {
    this.#items = Array.from({ length: count }, (_, i) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'legend-item';
      item.innerHTML = '<span class="legend-label"></span><span class="legend-value"></span>';
      item.prepend(lineSwatch('currentColor', [], { width: 28, className: 'legend-swatch' }));
      item.addEventListener('click', () => this.#onSelect(i));
      for (const on of ['mouseenter', 'focus']) item.addEventListener(on, () => this.#onHover(i));
      for (const off of ['mouseleave', 'blur']) item.addEventListener(off, () => this.#onHover(null));
      return item;
    });
    this.#root.replaceChildren(...this.#items);
  }
}
