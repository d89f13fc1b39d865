// One sweep map on a canvas: the cells (one pixel each, scaled up without smoothing; row j at
// y_values[j], y growing upward), axes with the hyperparameters' names and symbols (log ticks on log
// axes), the colour bar and key row (map-key.mjs), and the overlays: the objective's contour lines
// and its minima on a start-point map, heavy ball's analytic boundary, the hovered and pinned
// cells. Hovering (or the arrow keys) shows the cell in a tooltip; clicking it (or Enter) calls
// onPick(i, j). It repaints at most once per animation frame, and paints the same figure into a
// bigger canvas for the PNG export. maxHeight (optional): () => the CSS pixel height the whole
// figure may take; by default the plot is at most 52% of the window's height.
import { strokeContours } from '../lib/heatmap.mjs';
import { FONT, INK, THEMES } from '../lib/canvas-style.mjs';
import { axisTicks, axisTitle, unitOf } from './axes.mjs';
import { CATEGORICAL, DIVERGED, css, divergedPath, paintCells } from './colours.mjs';
import { cellLines } from './cell-text.mjs';
import { drawBoundaryStroke, drawColourBar, drawKeys, keyHeight, keyItems, placeKeys } from './map-key.mjs';

const MARGIN = { left: 66, top: 30, bottom: 50 };
const WIDE = 520;  // narrower: the colour bar goes above the plot

export class MapView {
  #root;
  #canvas;
  #tip;
  #cells = document.createElement('canvas');
  #theme = THEMES.light;
  #view = null;        // {map, scale, title, note, boundary, contours}
  #hover = null;       // [i, j]
  #tipAt = [0, 0];     // the pointer, in CSS pixels of the canvas
  #pinned = null;      // [i, j]
  #layout = null;
  #frame = 0;
  #onPick;
  #maxHeight;
  #resize;

  constructor(container, { onPick, maxHeight = null }) {
    this.#onPick = onPick;
    this.#maxHeight = maxHeight;
    this.#root = document.createElement('div');
    this.#root.className = 'sw-map';
    this.#canvas = document.createElement('canvas');
    this.#canvas.className = 'sw-map-canvas';
    this.#canvas.tabIndex = 0;
    this.#tip = document.createElement('div');
    this.#tip.className = 'sw-tooltip';
    this.#tip.hidden = true;
    this.#root.append(this.#canvas, this.#tip);
    container.append(this.#root);
    this.#listen();
    this.#resize = new ResizeObserver(() => this.draw());
    this.#resize.observe(this.#root);
  }

  /** Takes the view out of the page and stops watching its size. */
  remove() {
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#root.remove();
  }

  get canvas() { return this.#canvas; }

  /** view: {map (MapData), scale, title, note, boundary, contours}. */
  set(view) {
    this.#view = view;
    this.#canvas.setAttribute('aria-label', view ? `${view.title}: ${axisTitle(view.map.config.x.param)} × ${axisTitle(view.map.config.y.param)} map` : 'sweep map');
    if (this.#hover) this.#showTip();
    this.draw();
  }

  setTheme(name) {
    this.#theme = THEMES[name] ?? THEMES.light;
    this.draw();
  }

  setPinned(cell) {
    this.#pinned = cell;
    this.draw();
  }

  draw() {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#paint());
  }

  /** Paints now (the tests and the benchmark read the canvas right after a map finishes). */
  paintNow() {
    cancelAnimationFrame(this.#frame);
    this.#paint();
  }

  #computeLayout(ctx, width) {
    const view = this.#view;
    const wide = width >= WIDE;
    const bar = !!view?.scale && view.scale.kind !== 'categorical';
    const right = bar && wide ? 84 : 16;
    const left = view ? yLabelWidth(ctx, view.map.config.y) + 38 : MARGIN.left;
    const top = bar && !wide ? 62 : MARGIN.top;
    const w = Math.max(120, width - left - right);
    const keys = view ? placeKeys(ctx, keyItems(view.map, view.scale, view.boundary), width - 24) : { placed: [], rows: 0 };
    const room = this.#maxHeight
      ? Math.floor(this.#maxHeight() - top - MARGIN.bottom - keyHeight(keys.rows) - 6)
      : Math.round(innerHeight * 0.52);
    const h = Math.max(140, Math.min(w, room));
    const plotW = Math.min(w, Math.round(h * 1.25));
    const plot = { x: left + Math.floor((w - plotW) / 2), y: top, w: plotW, h };
    return { width, height: top + h + MARGIN.bottom + keyHeight(keys.rows) + 6, plot, keys, wide };
  }

  #paint() {
    this.#frame = 0;
    const width = this.#root.clientWidth;
    if (!width) return;
    const dpr = devicePixelRatio || 1;
    const ctx = this.#canvas.getContext('2d');
    const layout = this.#computeLayout(ctx, width);
    this.#layout = layout;
    this.#canvas.width = Math.round(width * dpr);
    this.#canvas.height = Math.round(layout.height * dpr);
    this.#canvas.style.width = `${width}px`;
    this.#canvas.style.height = `${layout.height}px`;
    this.paintInto(ctx, layout, dpr);
  }

  /** Paints the figure for `layout` into ctx (device pixels = CSS pixels × dpr), in theme `themeName` (default the view's). */
  paintInto(ctx, layout, dpr, themeName) {
    const view = this.#view;
    const theme = THEMES[themeName] ?? this.#theme;
    const { plot } = layout;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, layout.width, layout.height);
    if (!view) return;
    const { map } = view;
    this.#cells.width = map.columns;
    this.#cells.height = map.rows;
    const cellsCtx = this.#cells.getContext('2d');
    const image = cellsCtx.createImageData(map.columns, map.rows);
    paintCells(image, map, view.scale);
    cellsCtx.putImageData(image, 0, 0);
    ctx.fillStyle = theme.frame;
    ctx.globalAlpha = 0.12;
    ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
    ctx.globalAlpha = 1;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.#cells, plot.x, plot.y, plot.w, plot.h);
    ctx.imageSmoothingEnabled = true;
    hatchDiverged(ctx, map, plot, dpr);
    this.#paintOverlays(ctx, layout, dpr, theme);
    this.#paintAxes(ctx, layout, theme);
    drawColourBar(ctx, layout, view.scale, theme);
    drawKeys(ctx, layout.keys.placed, 12, plot.y + plot.h + MARGIN.bottom, theme);
    ctx.fillStyle = theme.text;
    ctx.font = `600 13px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    const titleY = layout.wide || plot.y === MARGIN.top ? plot.y - 9 : 18;
    ctx.fillText(view.title, plot.x, titleY);
    if (view.note) {
      ctx.font = `italic 12px ${FONT}`;
      ctx.fillStyle = theme.muted;
      ctx.textAlign = 'right';
      ctx.fillText(view.note, plot.x + plot.w, titleY);
    }
  }

  /** CSS pixel of axis values (x, y) inside the plot. */
  #at(layout, xv, yv) {
    const { map } = this.#view;
    const { plot } = layout;
    return [plot.x + unitOf(map.config.x, map.columns, xv) * plot.w,
      plot.y + (1 - unitOf(map.config.y, map.rows, yv)) * plot.h];
  }

  #paintOverlays(ctx, layout, dpr, theme) {
    const { map, boundary, contours } = this.#view;
    const { plot } = layout;
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    if (contours) {
      strokeContours(ctx, { plot, dpr }, contours.plotBox, contours.lines, theme.contour);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    }
    for (const line of boundary) drawBoundaryStroke(ctx, line.points.map(([x, y]) => this.#at(layout, x, y)));
    if (contours) {
      map.minima.forEach(([mx, my], k) => {
        const [px, py] = this.#at(layout, mx, my);
        ctx.beginPath();
        ctx.arc(px, py, 6, 0, 2 * Math.PI);
        ctx.fillStyle = CATEGORICAL[k % CATEGORICAL.length];
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
        ctx.lineWidth = 1;
        ctx.strokeStyle = INK;
        ctx.beginPath();
        ctx.arc(px, py, 7.5, 0, 2 * Math.PI);
        ctx.stroke();
      });
    }
    for (const [cell, width] of [[this.#pinned, 2.5], [this.#hover, 1.5]]) {
      if (!cell || cell[0] >= map.columns || cell[1] >= map.rows) continue;
      const cw = plot.w / map.columns;
      const ch = plot.h / map.rows;
      const x = plot.x + cell[0] * cw;
      const y = plot.y + (map.rows - 1 - cell[1]) * ch;
      const pad = Math.max(0, (7 - Math.min(cw, ch)) / 2);
      ctx.lineWidth = width + 2;
      ctx.strokeStyle = INK;
      ctx.strokeRect(x - pad, y - pad, cw + 2 * pad, ch + 2 * pad);
      ctx.lineWidth = width;
      ctx.strokeStyle = '#ffffff';
      ctx.strokeRect(x - pad, y - pad, cw + 2 * pad, ch + 2 * pad);
    }
    ctx.restore();
  }

  #paintAxes(ctx, layout, theme) {
    const { map } = this.#view;
    const { plot } = layout;
    const bottom = plot.y + plot.h;
    ctx.strokeStyle = theme.frame;
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = theme.muted;
    const xTicks = axisTicks(map.config.x, plot.w, 80);
    const yTicks = axisTicks(map.config.y, plot.h, 48);
    ctx.beginPath();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of xTicks) {
      const px = Math.round(plot.x + unitOf(map.config.x, map.columns, t.value) * plot.w) + 0.5;
      ctx.moveTo(px, bottom + 0.5);
      ctx.lineTo(px, bottom + 5.5);
      ctx.fillText(t.text, px, bottom + 8);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of yTicks) {
      const py = Math.round(plot.y + (1 - unitOf(map.config.y, map.rows, t.value)) * plot.h) + 0.5;
      ctx.moveTo(plot.x - 0.5, py);
      ctx.lineTo(plot.x - 5.5, py);
      ctx.fillText(t.text, plot.x - 8, py);
    }
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.font = `13px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(`${axisTitle(map.config.x.param)}${map.config.x.log ? ', log scale' : ''}`, plot.x + plot.w / 2, bottom + 28);
    ctx.save();
    ctx.translate(16, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(`${axisTitle(map.config.y.param)}${map.config.y.log ? ', log scale' : ''}`, 0, 0);
    ctx.restore();
  }

  /** The cell under a CSS pixel of the canvas, or null. */
  cellAt(px, py) {
    const layout = this.#layout;
    const map = this.#view?.map;
    if (!layout || !map) return null;
    const { plot } = layout;
    const u = (px - plot.x) / plot.w;
    const v = (py - plot.y) / plot.h;
    if (u < 0 || u >= 1 || v < 0 || v >= 1) return null;
    return [Math.floor(u * map.columns), map.rows - 1 - Math.floor(v * map.rows)];
  }

  /** The CSS pixel (relative to the canvas) of cell (i, j)'s centre. */
  cellCentre(i, j) {
    const { plot } = this.#layout;
    const map = this.#view.map;
    return [plot.x + ((i + 0.5) / map.columns) * plot.w, plot.y + (1 - (j + 0.5) / map.rows) * plot.h];
  }

  get layout() { return this.#layout; }

  #listen() {
    const canvas = this.#canvas;
    const point = (e) => {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    canvas.addEventListener('pointermove', (e) => {
      const [x, y] = point(e);
      const cell = this.cellAt(x, y);
      const same = cell && this.#hover && cell[0] === this.#hover[0] && cell[1] === this.#hover[1];
      this.#hover = cell;
      this.#tipAt = [x, y];
      if (!same) this.draw();
      this.#showTip();
    });
    canvas.addEventListener('pointerleave', () => {
      this.#hover = null;
      this.#tip.hidden = true;
      this.draw();
    });
    canvas.addEventListener('click', (e) => {
      const cell = this.cellAt(...point(e));
      if (cell) this.#onPick(cell[0], cell[1]);
    });
    canvas.addEventListener('keydown', (e) => this.#key(e));
    canvas.addEventListener('blur', () => {
      this.#hover = null;
      this.#tip.hidden = true;
      this.draw();
    });
  }

  // Arrow keys move the hovered cell (Shift: 10 cells), Enter or space pins it.
  #key(e) {
    const map = this.#view?.map;
    if (!map || !this.#layout) return;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const cell = this.#hover ?? this.#pinned ?? [map.columns >> 1, map.rows >> 1];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#onPick(cell[0], cell[1]);
      return;
    }
    if (!moves[e.key]) return;
    e.preventDefault();
    const step = e.shiftKey ? 10 : 1;
    const clamp = (v, n) => Math.min(Math.max(v, 0), n - 1);
    this.#hover = [clamp(cell[0] + step * moves[e.key][0], map.columns), clamp(cell[1] + step * moves[e.key][1], map.rows)];
    this.#tipAt = this.cellCentre(...this.#hover);
    this.draw();
    this.#showTip();
  }

  #showTip() {
    const view = this.#view;
    if (!this.#hover || !view) {
      this.#tip.hidden = true;
      return;
    }
    const [i, j] = this.#hover;
    this.#tip.replaceChildren(...cellLines(view.map, i, j).map((text, k) => {
      const line = document.createElement('div');
      line.textContent = text;
      if (k === 2) line.className = view.map.diverged[i + j * view.map.columns] ? 'sw-tip-metric sw-tip-diverged' : 'sw-tip-metric';
      return line;
    }));
    this.#tip.hidden = false;
    const [x, y] = this.#tipAt;
    const w = this.#tip.offsetWidth;
    const h = this.#tip.offsetHeight;
    const width = this.#root.clientWidth;
    const left = x + 16 + w > width ? x - 16 - w : x + 16;
    this.#tip.style.left = `${Math.max(0, left)}px`;
    this.#tip.style.top = `${Math.max(0, y - h - 12)}px`;
  }
}

/** The widest y tick label (the left margin makes room for it and the axis title). */
function yLabelWidth(ctx, axis) {
  ctx.font = `12px ${FONT}`;
  return Math.max(18, ...axisTicks(axis, 400, 48).map((t) => ctx.measureText(t.text).width));
}

/** Red diagonal stripes over the diverged cells, at screen resolution whatever the cell size. */
function hatchDiverged(ctx, map, plot, dpr) {
  const path = divergedPath(map);
  if (!path) return;
  ctx.save();
  ctx.translate(plot.x, plot.y);
  ctx.scale(plot.w / map.columns, plot.h / map.rows);
  ctx.clip(path);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.strokeStyle = css(DIVERGED[1]);
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let d = -plot.h; d < plot.w; d += 6) {
    ctx.moveTo(plot.x + d, plot.y + plot.h);
    ctx.lineTo(plot.x + d + plot.h, plot.y);
  }
  ctx.stroke();
  ctx.restore();
}
