// The tuning's progress (uPlot): per optimizer, the best tuning score so far against the trials
// run, filled in from the partial results while the race tunes (trial_scores: null until a trial
// has run). Every score is minimized (docs/schema.md: the median steps to ε, the median final loss
// on a log axis, or the success rate's score); with successive halving a trial's score is the one
// of the last round it ran, so later rounds' longer budgets show as steps down.
// uPlot's stylesheet is the page's to load (race/app.mjs; the component adopts it).
import uPlot from 'uplot';
import { chartFont, fontScale, THEMES } from '../lib/canvas-style.mjs';
import { formatNumber } from '../lib/format.mjs';
import { entryName, entryStyle } from './entries.mjs';

const Y_LABEL = { steps_to_eps: 'best median steps to ε', final_loss: 'best median final loss', success_rate: 'best score (lower: more successes)' };
const HEIGHT = 220;

/** The running best (minimum) of the scores run so far; null where no trial has run yet. */
export function bestSoFar(scores) {
  let best = Infinity;
  return scores.map((s) => {
    if (s != null && Number.isFinite(s)) best = Math.min(best, s);
    return best === Infinity ? null : best;
  });
}

export class TuningChart {
  #root;
  #plot = null;
  #key = '';
  #theme = 'light';
  #result = null;
  #resize;

  constructor(container) {
    this.#root = document.createElement('div');
    this.#root.className = 'rc-tuning-plot';
    container.append(this.#root);
    this.#resize = new ResizeObserver(() => this.#fit());
    this.#resize.observe(this.#root);
  }

  setTheme(theme) {
    this.#theme = theme;
    this.#key = '';
    if (this.#result) this.set(this.#result);
  }

  /** Draws the trials of `result` (a race result, partial or whole). */
  set(result) {
    this.#result = result;
    const trials = result.trials;
    const xs = Array.from({ length: trials }, (_, k) => k + 1);
    const log = result.score === 'final_loss';
    const series = result.entries.map((e) => bestSoFar(e.trial_scores ?? []).concat(Array(trials).fill(null)).slice(0, trials)
      .map((v) => (log && !(v > 0) ? null : v)));  // a log axis has no 0
    const key = `${this.#theme}|${result.score}|${trials}|${result.entries.map(entryName).join(',')}|${this.#root.clientWidth}`;
    if (key !== this.#key || !this.#plot) this.#build(result, key, [xs, ...series]);
    else this.#plot.setData([xs, ...series]);
  }

  #build(result, key, data) {
    this.#plot?.destroy();
    this.#plot = null;
    const width = this.#root.clientWidth;
    if (!width) return;
    this.#key = key;
    const theme = THEMES[this.#theme] ?? THEMES.light;
    const grid = { stroke: this.#theme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)', width: 1 };
    const log = result.score === 'final_loss';
    const axis = { stroke: theme.muted, font: chartFont(11), labelFont: chartFont(12, 600), grid, ticks: { stroke: grid.stroke, width: 1, size: 4 } };
    this.#plot = new uPlot({
      width, height: HEIGHT,
      legend: { show: false },
      padding: [8, 12, 0, 0],
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 5 } },
      scales: { x: { time: false, range: [1, Math.max(2, result.trials)] }, y: log ? { distr: 3 } : { auto: true } },
      axes: [
        { ...axis, label: 'trials run', labelSize: Math.round(18 * fontScale()), size: Math.round(28 * fontScale()), space: 40 },
        { ...axis, label: Y_LABEL[result.score], labelSize: Math.round(18 * fontScale()), size: Math.round(48 * fontScale()), space: 24,
          values: (u, splits) => splits.map((v) => formatNumber(v, 3)) },
      ],
      series: [{}, ...result.entries.map((e, i) => {
        const { colour, dash } = entryStyle(i);
        return { label: entryName(e), stroke: colour, dash, width: 1.8, points: { show: false }, spanGaps: false };
      })],
    }, data, this.#root);
  }

  #fit() {
    if (!this.#result) return;
    if (!this.#plot || this.#plot.width !== this.#root.clientWidth) {
      this.#key = '';
      this.set(this.#result);
    }
  }

  remove() {
    this.#resize.disconnect();
    this.#plot?.destroy();
    this.#root.remove();
  }
}
