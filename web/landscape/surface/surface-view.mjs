// The surface view of Gradscape's landscape page, wiring the modules of this folder together: the
// loss surface of a 2-D objective as a canvas heatmap (log-scaled viridis) with contour lines,
// axes, a colour legend, the known minima, the start point and optimizer trajectories, with pan,
// zoom, pinch, keyboard, hover, PNG export and the model of its SVG figure. It knows nothing about
// the engine except the grid function it is given. This module holds the public API, the DOM, the
// state and the scheduling.
//
// Two stacked canvases. The base layer (heatmap, contours, axes, legends, minima) is recomputed
// only when the view, the size or the theme changes, at most once per animation frame; while a
// gesture is under way it uses a coarser grid and the previous contours, reprojected, and is
// recomputed in full once the gesture settles. The overlay is what draw() repaints every frame:
// each run's polyline is decimated in screen space (Track) and rasterised once into cached
// layers (TrackLayer) that only ever receive a run's new segments, so a frame costs two blits
// plus the markers (current points, diverged ✕, start, hover ring).
// The stylesheet surface.css is linked once per document; inside a shadow root (the web
// component) the host adopts it instead, since a document's styles do not reach in.

import {
  drawAxes, drawColourLegend, drawDivergedLabels, drawHoverRing, drawMinima, drawStartMarker,
} from './decorations.mjs';
import { attachGestures } from './gestures.mjs';
import { colourScale, contourLines, paintHeatmap, sampleGrid, strokeContours } from '../../lib/heatmap.mjs';
import { clipToPlot, computeLayout, exportLayout, inPlot, normaliseBox, sameLayout, screenMap } from './layout.mjs';
import { runColour, runDash, runStyle } from './run-style.mjs';
import { THEMES } from '../../lib/canvas-style.mjs';
import { createTooltip, showTooltip } from './tooltip.mjs';
import { TrackLayer } from './track-layer.mjs';
import { paintCompanions } from './companions.mjs';
import { nearestPoint, paintRunEnd, strokeTracks, syncTracks } from './tracks.mjs';

const SETTLE_MS = 160;
const FAST_GRID_CELLS = 400;

function ensureStylesheet(container) {
  if (typeof document === 'undefined' || container.getRootNode() instanceof ShadowRoot) return;
  if (document.querySelector('link[data-gs-surface]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./surface.css', import.meta.url).href;
  link.dataset.gsSurface = '';
  document.head.append(link);
}

export class SurfaceView {
  #gridFn;
  #root;
  #base;
  #overlay;
  #tooltip;
  #heat = document.createElement('canvas');
  #resizeObserver;
  #listeners = new Map();
  #themeName = 'light';
  #objective = null;
  #defaultBox = null;
  #box = null;
  #minima = [];
  #start = null;
  #runs = [];
  #highlight = null;
  #layout = null;
  #contours = null;
  #trackStore = { key: '', tracks: [] };
  #layer = new TrackLayer();
  #interacting = false;
  #baseMode = 'full';
  #resizePending = false;
  #overlayDirty = true;
  #viewPending = false;
  #startPending = false;
  #hoverPending = false;
  #hoverAt = null;
  #hover = null;
  #maxHeight;
  #raf = 0;
  #settleTimer = 0;
  #destroyed = false;
  #timings = { grid: 0, heatmap: 0, contours: 0, total: 0 };

  /**
   * @param {HTMLElement} container  the element to fill (its width; the height follows)
   * @param {{ grid: Function, theme?: 'light'|'dark', maxHeight?: () => number }} options
   *   maxHeight: the figure's height limit in CSS pixels (default 90 % of the window's height)
   */
  constructor(container, { grid, theme = 'light', maxHeight = () => Math.floor(window.innerHeight * 0.9) } = {}) {
    if (typeof grid !== 'function') throw new TypeError('SurfaceView: options.grid must be a function');
    ensureStylesheet(container);
    this.#gridFn = grid;
    this.#maxHeight = maxHeight;
    this.#buildDom(container);
    this.#themeName = THEMES[theme] ? theme : 'light';
    this.#root.dataset.theme = this.#themeName;
    this.#listen();
    this.#resizePending = true;
    this.#requestFrame();
  }

  // ----- public API -----------------------------------------------------------------------

  setObjective(objective) {
    if (this.#destroyed) return;
    this.#objective = objective ?? null;
    const minima = Array.isArray(objective?.minima) ? objective.minima : [];
    this.#minima = minima.filter((m) => m && Number.isFinite(+m.x) && Number.isFinite(+m.y));
    this.#defaultBox = normaliseBox(objective?.view) ?? [-1, 1, -1, 1];
    this.#box = [...this.#defaultBox];
    this.#contours = null;
    this.#setHover(null, null);
    this.#overlay.setAttribute('aria-label', this.#ariaLabel());
    this.#invalidateBase('full');
  }

  setView(box) {
    if (!this.#destroyed) this.#changeView(box, false);
  }

  getView() {
    return this.#box ? [...this.#box] : null;
  }

  resetView() {
    if (!this.#destroyed && this.#defaultBox) this.#changeView(this.#defaultBox, false);
  }

  setStart(point) {
    if (this.#destroyed) return;
    const ok = point && Number.isFinite(+point[0]) && Number.isFinite(+point[1]);
    this.#start = ok ? [+point[0], +point[1]] : null;
    this.#markOverlay();
  }

  setRuns(runs) {
    if (this.#destroyed) return;
    this.#runs = Array.isArray(runs) ? runs.map((run) => (run && typeof run === 'object' ? run : {})) : [];
    if (this.#hover && this.#hover.run >= this.#runs.length) this.#setHover(null, null);
    this.#markOverlay();
  }

  setHighlight(index) {
    if (this.#destroyed) return;
    this.#highlight = Number.isInteger(index) ? index : null;
    this.#markOverlay();
  }

  setTheme(theme) {
    if (this.#destroyed || !THEMES[theme]) return;
    this.#themeName = theme;
    this.#root.dataset.theme = theme;
    this.#invalidateBase('full');
  }

  /** Repaints the overlay (trajectories and markers); first applies any pending resize or view. */
  draw() {
    if (this.#destroyed) return;
    this.#flushBase();
    const layout = this.#layout;
    if (!layout) return;
    const ctx = this.#overlay.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.#overlay.width, this.#overlay.height);
    ctx.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
    this.#paintOverlay(ctx, layout, false);
    this.#overlayDirty = false;
  }

  /**
   * Subscribes to 'start', 'view' or 'hover'; returns a function that unsubscribes.
   * 'view' fires for the user's pan and zoom (and the 0 key), not for setView/resetView/setObjective.
   */
  on(event, handler) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event).add(handler);
    return () => this.off(event, handler);
  }

  off(event, handler) {
    this.#listeners.get(event)?.delete(handler);
  }

  /** The plot area in CSS pixels relative to the component's top-left corner, or null before layout. */
  get plotRect() {
    const plot = this.#layout?.plot;
    return plot ? { x: plot.x, y: plot.y, width: plot.w, height: plot.h } : null;
  }

  /**
   * The last base-layer recompute: milliseconds in the engine's grid call, the heatmap (colour
   * mapping and upsampling), the contours, in total, and the grid size nx × ny.
   */
  get timings() {
    return { ...this.#timings };
  }

  /**
   * The surface, trajectories, a legend of the runs and the colour legend, at twice the CSS size,
   * cropped to the figure (no side margins), with the full-resolution grid; in `theme` ('light' or
   * 'dark', default the view's), with `stamp` (e.g. "step 40 / 300") in the bottom-right corner.
   */
  async toPNG({ stamp, theme = this.#themeName } = {}) {
    const { toPNG } = await import('./export.mjs');  // loaded on the first export, not with the figure
    if (this.#destroyed) return null;
    this.#flushBase();
    if (!this.#layout) return null;
    const themeName = THEMES[theme] ? theme : this.#themeName;
    return toPNG(this.#layout, {
      objective: this.#objective,
      runs: this.#runs,
      theme: THEMES[themeName],
      stamp,
      paintBase: (ctx, layout) => this.#paintBase(ctx, layout, { detail: 1, contourCell: 1.5, live: false, themeName }),
      paintOverlay: (ctx, layout) => this.#paintOverlay(ctx, layout, true, themeName),
    });
  }

  /**
   * A painter of the figure's animation frames (frame-painter.mjs), the base layer painted once:
   * `size` {width, height} in pixels, or null for the PNG export's figure at its size; `theme`,
   * `legend` (the runs' legend) and `finalRuns` (the runs at their last step, for the legend's
   * room); `decorate(ctx, plot, box)` (optional) paints over the base layer in CSS pixels, `plot`
   * the plot's rectangle {x, y, width, height} and `box` the view [xmin, xmax, ymin, ymax]. Its paint(runs, stamp) paints
   * the runs as they are at a step, the overlay as toPNG does.
   */
  async framePainter({ size = null, theme = this.#themeName, legend = true, finalRuns = this.#runs, panel = null, decorate = null } = {}) {
    const { FramePainter } = await import('./frame-painter.mjs');
    if (this.#destroyed) return null;
    this.#flushBase();
    if (!this.#layout) return null;
    const themeName = THEMES[theme] ? theme : this.#themeName;
    return new FramePainter({
      layout: this.#layout, box: this.#box, size, objective: this.#objective, finalRuns, legend, panel,
      theme: THEMES[themeName], highlight: this.#highlight,
      paintBase: (ctx, layout) => {
        this.#paintBase(ctx, layout, { detail: 1, contourCell: 1.5, live: false, themeName });
        if (!decorate) return;
        ctx.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
        const { x, y, w, h } = layout.plot;
        decorate(ctx, { x, y, width: w, height: h }, this.#box);
      },
      paintOverlay: (ctx, layout, runs) => this.#paintOverlay(ctx, layout, true, themeName, runs),
    });
  }

  /**
   * What the SVG figure (lib/figure/svg-figure.mjs) draws of this view: the objective's title,
   * axes and minima, the view box, the grid function, the start and the runs as shown (their
   * points copied, so later engine calls cannot detach them), the theme and the export's width.
   */
  figureModel() {
    if (this.#destroyed || !this.#box) return null;
    this.#flushBase();
    const objective = this.#objective;
    return {
      title: String(objective?.displayName ?? objective?.display_name ?? objective?.name ?? 'Loss surface'),
      axes: objective?.axes ?? ['x', 'y'],
      signed: !!objective?.signed,
      view: [...this.#box],
      grid: this.#gridFn,
      minima: this.#minima.map((m) => ({ x: +m.x, y: +m.y, global: !!m.global })),
      start: this.#start ? [...this.#start] : null,
      runs: this.#runs.map((run, i) => ({
        label: String(run.label ?? `run ${i + 1}`), color: runColour(this.#runs, i), dash: runDash(this.#runs, i),
        xy: Float64Array.from(run.xy ?? []), status: run.status ? { ...run.status } : undefined,
      })),
      theme: this.#themeName,
      width: this.#layout ? Math.max(480, Math.round(exportLayout(this.#layout).width)) : 720,
    };
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    cancelAnimationFrame(this.#raf);
    clearTimeout(this.#settleTimer);
    this.#resizeObserver?.disconnect();
    window.removeEventListener('resize', this.#onResize);
    this.#root.remove();
    this.#listeners.clear();
    this.#trackStore = { key: '', tracks: [] };
    this.#runs = [];
  }

  // ----- DOM and events -------------------------------------------------------------------

  #buildDom(container) {
    this.#root = document.createElement('div');
    this.#root.className = 'gs-surface';
    this.#root.style.position = 'relative';
    this.#base = document.createElement('canvas');
    this.#base.className = 'gs-surface-base';
    this.#base.style.display = 'block';
    this.#base.setAttribute('aria-hidden', 'true');
    this.#overlay = document.createElement('canvas');
    this.#overlay.className = 'gs-surface-overlay';
    this.#overlay.tabIndex = 0;
    this.#overlay.setAttribute('role', 'application');
    this.#overlay.setAttribute('aria-label', this.#ariaLabel());
    Object.assign(this.#overlay.style, { position: 'absolute', left: '0', top: '0', touchAction: 'none' });
    this.#tooltip = createTooltip();
    this.#root.append(this.#base, this.#overlay, this.#tooltip);
    container.append(this.#root);
  }

  #ariaLabel() {
    const name = this.#objective?.displayName ?? this.#objective?.display_name ?? 'the objective';
    return `Loss surface of ${name} with optimizer trajectories. Drag to pan, scroll or pinch to zoom, ` +
      'click to set the start point. Keys: arrows pan, plus and minus zoom, 0 resets the view, ' +
      'Enter sets the start point at the centre.';
  }

  #listen() {
    attachGestures(this.#overlay, {
      layout: () => this.#layout,
      box: () => this.#box,
      defaultBox: () => this.#defaultBox,
      start: () => this.#start,
      changeView: (box) => this.#changeView(box, true),
      placeStart: (point) => {
        this.#start = [point[0], point[1]];
        this.#markOverlay();
        this.#emit('start', [...this.#start], { final: true });
      },
      dragStart: (point) => {
        this.#start = point;
        this.#startPending = true;
        this.#markOverlay();
      },
      endStartDrag: () => {
        this.#startPending = false;
        if (this.#start) this.#emit('start', [...this.#start], { final: true });
      },
      pointAt: (p) => {
        this.#hoverAt = p;
        this.#hoverPending = true;
        this.#requestFrame();
      },
      clearHover: () => this.#setHover(null, null),
      pointerLeft: () => {
        this.#hoverAt = null;
        this.#setHover(null, null);
      },
    });
    this.#resizeObserver = new ResizeObserver(this.#onResize);
    this.#resizeObserver.observe(this.#root);
    window.addEventListener('resize', this.#onResize);
  }

  #emit(event, ...args) {
    for (const handler of [...(this.#listeners.get(event) ?? [])]) {
      try {
        handler(...args);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  #onResize = () => {
    this.#resizePending = true;
    this.#requestFrame();
  };

  // ----- hover ----------------------------------------------------------------------------

  #updateHover() {
    const p = this.#hoverAt;
    if (!p || !this.#layout || !this.#box) return this.#setHover(null, null);
    const best = nearestPoint(syncTracks(this.#trackStore, this.#runs, this.#layout, this.#box), p);
    if (!best) return this.#setHover(null, p);
    const run = this.#runs[best.run];
    const step = best.index;
    this.#setHover({
      run: best.run,
      label: String(run.label ?? `run ${best.run + 1}`),
      step,
      x: run.xy[2 * step],
      y: run.xy[2 * step + 1],
      loss: run.loss && step < run.loss.length ? run.loss[step] : NaN,
    }, p);
  }

  #setHover(info, p) {
    const before = this.#hover;
    this.#hover = info;
    if (info && p) showTooltip(this.#tooltip, info, p, runColour(this.#runs, info.run), this.#layout);
    else this.#tooltip.hidden = true;
    if (before?.run !== info?.run || before?.step !== info?.step) {
      this.#markOverlay();
      this.#emit('hover', info ? { ...info } : null);
    }
  }

  // ----- scheduling -----------------------------------------------------------------------

  #requestFrame() {
    if (!this.#raf && !this.#destroyed) this.#raf = requestAnimationFrame(this.#onFrame);
  }

  #onFrame = () => {
    this.#raf = 0;
    if (this.#destroyed) return;
    this.#flushBase();
    if (this.#viewPending) {
      this.#viewPending = false;
      this.#emit('view', this.getView());
    }
    if (this.#startPending && this.#start) {
      this.#startPending = false;
      this.#emit('start', [...this.#start], { final: false });
    }
    if (this.#hoverPending) {
      this.#hoverPending = false;
      this.#updateHover();
    }
    if (this.#overlayDirty) this.draw();
  };

  #markOverlay() {
    this.#overlayDirty = true;
    this.#requestFrame();
  }

  #invalidateBase(mode) {
    if (mode === 'full' || !this.#baseMode) this.#baseMode = mode;
    this.#markOverlay();
  }

  #changeView(box, user) {
    const next = normaliseBox(box);
    if (!next) return;
    this.#box = next;
    if (!user) {
      this.#invalidateBase('full');
      return;
    }
    this.#viewPending = true;
    this.#interacting = true;
    this.#setHover(null, null);
    this.#invalidateBase('fast');
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#invalidateBase('full'), SETTLE_MS);
  }

  #flushBase() {
    if (this.#resizePending) this.#applySize();
    if (this.#baseMode && this.#layout) this.#renderBase();
  }

  #applySize() {
    this.#resizePending = false;
    const width = Math.floor(this.#root.clientWidth);
    if (width < 120) return;
    const before = this.#layout;
    this.#relayout(width);
    if (!sameLayout(before, this.#layout)) {
      this.#interacting = !!before;
      this.#invalidateBase(before ? 'fast' : 'full');
      clearTimeout(this.#settleTimer);
      if (before) this.#settleTimer = setTimeout(() => this.#invalidateBase('full'), SETTLE_MS);
    }
  }

  #relayout(width) {
    const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 4);
    const layout = computeLayout(this.#base.getContext('2d'), width, this.#maxHeight(), dpr, this.#box);
    if (sameLayout(layout, this.#layout)) return;
    if (layout.width !== this.#layout?.width || layout.height !== this.#layout?.height || dpr !== this.#layout?.dpr) {
      for (const canvas of [this.#base, this.#overlay]) {
        canvas.width = Math.round(layout.width * dpr);
        canvas.height = Math.round(layout.height * dpr);
        canvas.style.width = `${layout.width}px`;
        canvas.style.height = `${layout.height}px`;
      }
    }
    this.#layout = layout;
  }

  #renderBase() {
    const full = this.#baseMode === 'full';
    this.#baseMode = null;
    if (full) {
      this.#interacting = false;
      this.#relayout(this.#layout.width);
    }
    this.#paintBase(this.#base.getContext('2d'), this.#layout, { detail: 0.5, contourCell: 3, live: true, reuseContours: !full });
    this.#overlayDirty = true;
  }

  // ----- painting -------------------------------------------------------------------------

  #paintBase(ctx, layout, { detail, contourCell, live, reuseContours = false, themeName = this.#themeName }) {
    const theme = THEMES[themeName];
    const { dpr, plot } = layout;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const box = this.#box;
    if (!box) return;
    const t0 = performance.now();
    const cells = Math.min(plot.w * dpr * detail, reuseContours ? FAST_GRID_CELLS : Infinity) / plot.w;
    const nx = Math.min(Math.max(Math.round(plot.w * cells), 2), 4096);
    const ny = Math.min(Math.max(Math.round(plot.h * cells), 2), 4096);
    const values = sampleGrid(this.#gridFn, box, nx, ny);
    const t1 = performance.now();
    const scale = values && colourScale(values, { signed: !!this.#objective?.signed });
    const heat = live ? this.#heat : document.createElement('canvas');
    paintHeatmap(heat, values, scale, nx, ny);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(heat, plot.x, plot.y, plot.w, plot.h);
    const t2 = performance.now();
    let contours = reuseContours ? this.#contours : null;
    if (!contours) {
      const cx = Math.max(8, Math.round(plot.w / contourCell));
      const cy = Math.max(8, Math.round(plot.h / contourCell));
      contours = contourLines(this.#gridFn, box, scale, cx, cy);
    }
    if (contours) strokeContours(ctx, layout, box, contours, theme.contour);
    const t3 = performance.now();
    drawMinima(ctx, layout, box, this.#minima);
    drawAxes(ctx, layout, box, theme, this.#objective?.axes);
    drawColourLegend(ctx, layout, scale, theme);
    if (!live) return;
    this.#contours = contours;
    this.#timings = { grid: t1 - t0, heatmap: t2 - t1, contours: t3 - t2, total: performance.now() - t0, nx, ny };
  }

  #runStyle(i, runs = this.#runs) {
    return runStyle(runs, i, this.#highlight);
  }

  // The trajectories and markers of `runs` (default the view's; an animation frame's runs at its step).
  #paintOverlay(ctx, layout, exporting, themeName = this.#themeName, runs = this.#runs) {
    const box = this.#box;
    if (!box) return;
    const map = screenMap(layout, box);
    const order = runs.map((_, i) => i).sort((a, b) => (a === this.#highlight) - (b === this.#highlight));
    if (exporting) {
      const tracks = syncTracks({ key: '', tracks: [] }, runs, layout, box);
      strokeTracks(ctx, layout, tracks, order, (i) => this.#runStyle(i, runs));
    } else this.#blitTracks(ctx, layout, map, order);
    ctx.save();
    clipToPlot(ctx, layout);
    const labels = [];
    for (const i of order) paintCompanions(ctx, layout, map, runs[i], this.#runStyle(i, runs));
    for (const i of order) {
      const label = paintRunEnd(ctx, layout, map, runs[i], this.#start, this.#runStyle(i, runs));
      if (label) labels.push(label);
    }
    const s = this.#start && [map.ax * this.#start[0] + map.bx, map.ay * this.#start[1] + map.by];
    if (s && inPlot(layout, s[0], s[1], 8)) drawStartMarker(ctx, s[0], s[1]);
    drawDivergedLabels(ctx, layout, labels, THEMES[themeName]);
    if (!exporting && this.#hover) {
      drawHoverRing(ctx, map.ax * this.#hover.x + map.bx, map.ay * this.#hover.y + map.by);
    }
    ctx.restore();
  }

  /** The cached trajectory layers: grown by this frame's new points, or reprojected mid-gesture. */
  #blitTracks(ctx, layout, map, order) {
    const layer = this.#layer;
    if (this.#interacting && layer.map) {
      layer.reproject(ctx, layout, map);
      return;
    }
    const tracks = syncTracks(this.#trackStore, this.#runs, layout, this.#box);
    const signature = [this.#trackStore.key, layout.width, layout.height, layout.dpr, this.#highlight,
      ...tracks.map((t, i) => `${t.id}:${runColour(this.#runs, i)}:${runDash(this.#runs, i)}`)].join('|');
    if (signature !== layer.signature) layer.reset(layout, map, signature);
    layer.update(tracks, order, (i) => this.#runStyle(i));
    layer.blit(ctx);
  }
}
