// The tuned runs on the surface: the objective's heatmap and contours (the landscape's SurfaceView,
// its grid from the full engine's RunSession) with the chosen optimizers' tuned trajectories from
// the first few held-out starts, replayed on the main thread by gs.run from the race's own run configs
// (heldOutRunConfig: bit for bit the race's runs), in the entries' colours and dashes; and the
// race's tuning starts (small hollow squares) and held-out starts (small dots) drawn over it on a
// canvas of its own. Clicking the surface does not move anything: every run's start is the race's.
import { SurfaceView } from '../landscape/surface.mjs';
import { entryName, entryStyle, figureLegend } from './entries.mjs';

const MARKER = { tuning: 'rgba(255, 255, 255, 0.95)', heldOut: 'rgba(20, 22, 28, 0.9)' };

export class PathsView {
  #root;
  #gs;
  #session;
  #surface;
  #markers;
  #points = { tuning: [], heldOut: [] };
  #objectiveKey = '';
  #result = null;
  #visible = [];
  #shown = [];
  #frame = 0;
  #resize;
  runs = [];

  /** maxHeight: () => the figure's height limit in CSS pixels. */
  constructor(container, gs, { maxHeight } = {}) {
    this.#gs = gs;
    this.#root = document.createElement('div');
    this.#root.className = 'rc-paths';
    container.append(this.#root);
    this.#session = gs.createRunSession();
    this.#surface = new SurfaceView(this.#root, { grid: (...a) => this.#session.grid(...a), ...(maxHeight ? { maxHeight } : {}) });
    this.#surface.on('start', () => this.#surface.setStart(null));
    this.#surface.on('view', () => this.#paintSoon());
    this.#markers = document.createElement('canvas');
    this.#markers.className = 'rc-start-markers';
    this.#markers.setAttribute('aria-hidden', 'true');
    this.#root.append(this.#markers);
    this.#resize = new ResizeObserver(() => this.#paintSoon());
    this.#resize.observe(this.#root);
  }

  get surface() { return this.#surface; }

  /** The runs on the surface (as SurfaceView.setRuns takes them), each whole. */
  get shownRuns() { return this.#shown; }

  /** The objective's name, or null before a race is shown. */
  get objectiveName() { return this.#objectiveKey ? JSON.parse(this.#objectiveKey).name : null; }

  /**
   * What the SVG figure (lib/figure) adds to the surface's model: the race's tuning and held-out
   * starts and a legend of one item per optimizer shown.
   */
  get figureExtras() {
    return {
      starts: { tuning: [...this.#points.tuning], heldOut: [...this.#points.heldOut] },
      legend: figureLegend(this.#visible.map(({ entry, result: r }) => ({
        entry, name: entryName(this.#result.entries[entry]), diverged: r.status === 'diverged',
      }))),
    };
  }

  setTheme(theme) {
    this.#surface.setTheme(theme);
    this.#surface.draw();
  }

  /**
   * Shows `result`'s starts and the runs of `paths` (paths[entry]: run configs of its first
   * held-out runs) of the entries in `visible` (a Set); returns every run replayed ({entry, run, result}).
   */
  show(result, paths, visible) {
    const first = paths.find((list) => list.length)?.[0];
    if (!first) return [];
    const key = JSON.stringify(first.objective);
    if (key !== this.#objectiveKey) {
      this.#objectiveKey = key;
      this.#session.configure({ ...first, steps: 0 });
      const info = this.#gs.registry.objectives.find((o) => o.name === first.objective.name);
      this.#surface.setObjective({
        name: info?.name, displayName: info?.display_name ?? first.objective.name,
        minima: this.#session.minima(), view: result.box ?? info?.view,
      });
    }
    this.#result = result;
    this.runs = paths.flatMap((list, entry) => list.map((config, run) => ({ entry, run, result: this.#gs.run(config).runs[0] })));
    this.#points = { tuning: result.tuning_points ?? [], heldOut: result.held_out_points ?? [] };
    this.setVisible(visible);
    return this.runs;
  }

  /** Draws the runs of the entries in `visible` (a Set of entry indices). */
  setVisible(visible) {
    this.#visible = this.runs.filter((r) => visible.has(r.entry));
    this.#shown = this.#visible.map(({ entry, run, result: r }) => {
      const { colour, dash } = entryStyle(entry);
      return {
        label: `${entryName(this.#result.entries[entry])} (held-out start ${run + 1})`, color: colour, dash,
        xy: Float64Array.from(r.trajectory.flat()), loss: Float64Array.from(r.loss),
        status: { status: r.status, diverged_at: r.diverged_at },
      };
    });
    this.#surface.setRuns(this.#shown);
    this.#surface.setStart(null);
    this.#surface.draw();
    this.#paintSoon();
  }

  /** Highlights entry i's runs (null: none). */
  highlight(entry) {
    const k = entry == null ? -1 : this.#visible.findIndex((r) => r.entry === entry);
    this.#surface.setHighlight(k < 0 ? null : k);
    this.#surface.draw();
  }

  // The markers follow the surface's layout, which it computes on its next frame.
  #paintSoon() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#paintMarkers());
  }

  #paintMarkers() {
    const plot = this.#surface.plotRect;
    const box = this.#surface.getView();
    const base = this.#root.querySelector('.gs-surface-base');
    if (!plot || !box || !base) return;
    const dpr = devicePixelRatio || 1;
    const canvas = this.#markers;
    const width = base.clientWidth;
    const height = base.clientHeight;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    Object.assign(canvas.style, { width: `${width}px`, height: `${height}px` });
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.paintStarts(ctx, plot, box);
  }

  /**
   * Paints the race's tuning starts (hollow squares) and held-out starts (dots) in CSS pixels,
   * clipped to `plot` (the plot's rectangle), `box` the view [xmin, xmax, ymin, ymax]: on the page
   * and on the animation's frames.
   */
  paintStarts(ctx, plot, box) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.width, plot.height);
    ctx.clip();
    const at = ([x, y]) => [plot.x + ((x - box[0]) / (box[1] - box[0])) * plot.width, plot.y + (1 - (y - box[2]) / (box[3] - box[2])) * plot.height];
    ctx.lineWidth = 1.2;
    for (const p of this.#points.tuning) {
      const [px, py] = at(p);
      ctx.strokeStyle = MARKER.heldOut;
      ctx.strokeRect(px - 3.5, py - 3.5, 7, 7);
      ctx.strokeStyle = MARKER.tuning;
      ctx.strokeRect(px - 2.5, py - 2.5, 5, 5);
    }
    for (const p of this.#points.heldOut) {
      const [px, py] = at(p);
      ctx.beginPath();
      ctx.arc(px, py, 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = MARKER.heldOut;
      ctx.fill();
      ctx.strokeStyle = MARKER.tuning;
      ctx.stroke();
    }
    ctx.restore();
  }

  remove() {
    cancelAnimationFrame(this.#frame);
    this.#resize.disconnect();
    this.#surface.destroy();
    this.#session.delete();
    this.#root.remove();
  }
}
