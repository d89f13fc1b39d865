// The frames of an animation of the surface view: the figure the PNG export paints (export.mjs's
// composeFigure: the view's own base and overlay painters, the runs' legend and the "step k / N"
// stamp), either at the PNG's own size and layout or fitted to a frame of width × height pixels
// (the figure centred, its type scaled so the frame is at least 640 × 480 CSS pixels), with an
// optional panel image (the formula) under the legend. The base layer (heatmap, contours, axes) is
// painted once; each frame repaints only the trajectories, the legend and the stamp.

import { computeLayout, exportLayout } from './layout.mjs';
import { composeFigure, figureTitle, paintLegendAndStamp, runLegend } from './export.mjs';
import { EXPORT_RATIO } from '../../lib/canvas-png.mjs';

const MIN_CSS = { width: 640, height: 480 };
// Room kept for the stamp on the legend's first row, as wide as the widest "step k / N" of a run.
const STAMP_ROOM = 'step 000000 / 000000';
const PANEL_GAP = 8;
const PANEL_SHARE = 0.3;  // of the frame's height, at most

// The panel scaled down (never up) to `width` and PANEL_SHARE of `height`.
function fitPanel(panel, width, height) {
  if (!panel) return null;
  const h = Math.floor(Math.min(1, (width - 24) / panel.width, (PANEL_SHARE * height) / panel.height) * panel.height);
  return { ...panel, width: (panel.width * h) / panel.height, height: h };
}

// The figure fitted to `size`: its layout (CSS pixels at ratio dpr, the plot centred) and the
// legend's left edge and width (the frame's: a square plot leaves it room beside the plot's width).
function fittedFigure(measure, { layout, box, size, title, finalRuns, legend, panel }) {
  const dpr = Math.min(size.width / MIN_CSS.width, size.height / MIN_CSS.height);
  const width = size.width / dpr;
  const height = size.height / dpr;
  const panelHeight = panel ? panel.height + PANEL_GAP : 0;
  const room = legend ? runLegend(measure, finalRuns, title, width, STAMP_ROOM).height : 28;
  const fig = exportLayout(computeLayout(measure, width, height - room - panelHeight, dpr, box));
  const left = Math.floor((width - fig.width) / 2);
  const top = Math.max(0, Math.floor((height - fig.height - room - panelHeight) / 2));
  return {
    figure: { ...fig, width, height: top + fig.height, dpr, plot: { ...fig.plot, x: fig.plot.x + left, y: fig.plot.y + top } },
    left: 0, legendWidth: width, panelTop: top + fig.height + room + PANEL_GAP / 2,
  };
}

export class FramePainter {
  #figure;
  #left;
  #legendWidth;
  #title;
  #legend;
  #panel;
  #panelTop;
  #theme;
  #paintOverlay;
  #base = document.createElement('canvas');
  #overlay = document.createElement('canvas');
  #canvas = document.createElement('canvas');
  #measure = document.createElement('canvas').getContext('2d');

  /**
   * layout and box: the view's; size: {width, height} in pixels or null (the PNG export's figure);
   * finalRuns: the runs at their last step, or a function giving them (the legend's room); legend: whether to draw it; panel:
   * null or {image, width, height} (CSS pixels) drawn centred under the legend; paintBase(ctx,
   * figure) and paintOverlay(ctx, figure, runs) the view's painters.
   */
  constructor({ layout, box, size, objective, finalRuns: given, legend, panel: givenPanel, theme, paintBase, paintOverlay }) {
    const finalRuns = typeof given === 'function' ? given() : given;
    let panel = givenPanel;
    this.#title = figureTitle(objective);
    this.#legend = legend;
    this.#theme = theme;
    this.#paintOverlay = paintOverlay;
    let pixels;
    if (size) {
      const css = Math.min(size.width / MIN_CSS.width, size.height / MIN_CSS.height);
      panel = this.#panel = fitPanel(panel, size.width / css, size.height / css);
      const fit = fittedFigure(this.#measure, { layout, box, size, title: this.#title, finalRuns, legend, panel });
      this.#figure = fit.figure;
      this.#left = fit.left;
      this.#legendWidth = fit.legendWidth;
      this.#panelTop = fit.panelTop;
      pixels = size;
    } else {
      this.#figure = { ...exportLayout(layout), dpr: EXPORT_RATIO };
      panel = this.#panel = fitPanel(panel, this.#figure.width, this.#figure.height / (1 - PANEL_SHARE));
      this.#left = 0;
      this.#legendWidth = this.#figure.width;
      const room = legend ? runLegend(this.#measure, finalRuns, this.#title, this.#figure.width, STAMP_ROOM).height : 28;
      const panelHeight = panel ? panel.height + PANEL_GAP : 0;
      this.#panelTop = this.#figure.height + room + PANEL_GAP / 2;
      pixels = { width: Math.round(this.#figure.width * EXPORT_RATIO), height: Math.round((this.#figure.height + room + panelHeight) * EXPORT_RATIO) };
    }
    for (const canvas of [this.#base, this.#canvas]) {
      canvas.width = pixels.width;
      canvas.height = pixels.height;
    }
    paintBase(this.#base.getContext('2d'), this.#figure);
  }

  get width() { return this.#canvas.width; }

  get height() { return this.#canvas.height; }

  /** The canvas the last frame was painted on. */
  get canvas() { return this.#canvas; }

  /** Paints the frame of `runs` (as they are at its step) with `stamp` (optional); returns its ImageData. */
  paint(runs, stamp) {
    const figure = this.#figure;
    const rows = this.#legend ? runLegend(this.#measure, runs, this.#title, this.#legendWidth, stamp).rows : null;
    const ctx = composeFigure(this.#canvas, figure, {
      paintBase: this.#base,
      overlay: this.#overlay,
      paintOverlay: (overlayCtx, f) => this.#paintOverlay(overlayCtx, f, runs),
      paintLegend: (legendCtx) => {
        paintLegendAndStamp(legendCtx, { rows, top: figure.height, left: this.#left, width: this.#legendWidth, runs, theme: this.#theme, stamp });
        const panel = this.#panel;
        if (panel) legendCtx.drawImage(panel.image, (figure.width - panel.width) / 2, this.#panelTop, panel.width, panel.height);
      },
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    return ctx.getImageData(0, 0, this.#canvas.width, this.#canvas.height);
  }
}
