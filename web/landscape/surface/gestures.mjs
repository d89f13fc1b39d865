// Pointer, wheel and keyboard input on the surface view's overlay canvas, turned into requests to
// the view: drag to pan, wheel, double-click and two-finger pinch to zoom, click (or Enter) to
// set the start point, drag the start marker to move it, arrows/+/−/0 to pan, zoom and reset;
// hover positions for the mouse and pen; and the matching cursor.
//
// The view is a set of callbacks: layout(), box(), defaultBox() and start() read its state;
// changeView(box) applies a user's view change, placeStart(point) sets the start (final),
// dragStart(point) moves it during a drag and endStartDrag() ends that drag; pointAt(p) asks for
// hover at p, clearHover() drops the hover and pointerLeft() also forgets the pointer.

import { clampToPlot, inPlot, screenMap, shiftBox, zoomBox } from './layout.mjs';

const CLICK_SLOP = { mouse: 4, pen: 6, touch: 10 };
const GRAB_RADIUS = { mouse: 12, pen: 14, touch: 24 };
const ZOOM_STEP = 1.5;

class Gestures {
  #overlay;
  #view;
  #pointers = new Map();
  #gesture = null;

  constructor(overlay, view) {
    this.#overlay = overlay;
    this.#view = view;
    overlay.addEventListener('pointerdown', this.#onPointerDown);
    overlay.addEventListener('pointermove', this.#onPointerMove);
    overlay.addEventListener('pointerup', this.#onPointerUp);
    overlay.addEventListener('pointercancel', this.#onPointerUp);
    overlay.addEventListener('pointerleave', this.#onPointerLeave);
    overlay.addEventListener('dblclick', this.#onDoubleClick);
    overlay.addEventListener('wheel', this.#onWheel, { passive: false });
    overlay.addEventListener('keydown', this.#onKeyDown);
    overlay.addEventListener('contextmenu', (e) => this.#gesture && e.preventDefault());
  }

  #localPoint(e) {
    const rect = this.#overlay.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  #toData({ x, y }) {
    const map = screenMap(this.#view.layout(), this.#view.box());
    return [(x - map.bx) / map.ax, (y - map.by) / map.ay];
  }

  #startOnScreen() {
    const start = this.#view.start();
    const box = this.#view.box();
    const layout = this.#view.layout();
    if (!start || !box || !layout) return null;
    const map = screenMap(layout, box);
    return { x: map.ax * start[0] + map.bx, y: map.ay * start[1] + map.by };
  }

  #nearStart(p, pointerType) {
    const s = this.#startOnScreen();
    const r = GRAB_RADIUS[pointerType] ?? GRAB_RADIUS.mouse;
    return !!s && Math.hypot(s.x - p.x, s.y - p.y) <= r;
  }

  #onPointerDown = (e) => {
    if (!this.#view.layout() || !this.#view.box() || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const p = this.#localPoint(e);
    this.#overlay.setPointerCapture?.(e.pointerId);
    this.#pointers.set(e.pointerId, p);
    if (this.#pointers.size === 1) {
      this.#gesture = this.#nearStart(p, e.pointerType)
        ? { type: 'drag-start' }
        : { type: 'press', origin: p, box0: [...this.#view.box()], slop: CLICK_SLOP[e.pointerType] ?? 4 };
    } else if (this.#pointers.size === 2) {
      if (this.#gesture?.type === 'drag-start') this.#finishStartDrag();
      this.#beginPinch();
    }
    if (e.pointerType !== 'mouse') this.#view.clearHover();
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerMove = (e) => {
    if (!this.#view.layout() || !this.#view.box()) return;
    const p = this.#localPoint(e);
    if (this.#pointers.has(e.pointerId)) this.#pointers.set(e.pointerId, p);
    const g = this.#gesture;
    if (g?.type === 'press' && Math.hypot(p.x - g.origin.x, p.y - g.origin.y) > g.slop) g.type = 'pan';
    if (g?.type === 'pan') this.#panTo(p);
    else if (g?.type === 'drag-start') this.#dragStartTo(p);
    else if (g?.type === 'pinch') this.#pinchMove();
    else if (!g && e.pointerType !== 'touch') this.#view.pointAt(p);
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerUp = (e) => {
    if (!this.#pointers.has(e.pointerId)) return;
    const p = this.#localPoint(e);
    this.#pointers.delete(e.pointerId);
    const g = this.#gesture;
    if (g?.type === 'press' && e.type === 'pointerup' && inPlot(this.#view.layout(), p.x, p.y)) this.#view.placeStart(this.#toData(p));
    if (g?.type === 'drag-start') this.#finishStartDrag();
    if (g?.type === 'pinch' && this.#pointers.size === 1) {
      const [rest] = this.#pointers.values();
      this.#gesture = { type: 'pan', origin: rest, box0: [...this.#view.box()] };
    } else if (this.#pointers.size === 0) this.#gesture = null;
    this.#updateCursor(p, e.pointerType);
  };

  #onPointerLeave = (e) => {
    if (e.pointerType === 'mouse' && !this.#gesture) this.#view.pointerLeft();
  };

  #onDoubleClick = (e) => {
    if (!this.#view.layout() || !this.#view.box()) return;
    e.preventDefault();
    this.#view.changeView(zoomBox(this.#view.box(), this.#toData(this.#localPoint(e)), 1 / 2));
  };

  #onWheel = (e) => {
    const layout = this.#view.layout();
    if (!layout || !this.#view.box()) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? layout.height : 1;
    const k = Math.min(Math.max(Math.exp(e.deltaY * unit * 0.002), 0.5), 2);
    this.#view.changeView(zoomBox(this.#view.box(), this.#toData(this.#localPoint(e)), k));
  };

  #onKeyDown = (e) => {
    const box = this.#view.box();
    if (!box || e.altKey || e.ctrlKey || e.metaKey) return;
    const w = box[1] - box[0];
    const h = box[3] - box[2];
    const f = e.shiftKey ? 0.25 : 0.1;
    const centre = [(box[0] + box[1]) / 2, (box[2] + box[3]) / 2];
    const moves = {
      ArrowLeft: () => shiftBox(box, -w * f, 0),
      ArrowRight: () => shiftBox(box, w * f, 0),
      ArrowUp: () => shiftBox(box, 0, h * f),
      ArrowDown: () => shiftBox(box, 0, -h * f),
      '+': () => zoomBox(box, centre, 1 / ZOOM_STEP),
      '=': () => zoomBox(box, centre, 1 / ZOOM_STEP),
      '-': () => zoomBox(box, centre, ZOOM_STEP),
      _: () => zoomBox(box, centre, ZOOM_STEP),
      0: () => this.#view.defaultBox(),
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      this.#view.placeStart(centre);
    } else if (moves[e.key]) {
      e.preventDefault();
      this.#view.changeView(moves[e.key]());
    }
  };

  #updateCursor(p, pointerType) {
    const g = this.#gesture?.type;
    let cursor = 'crosshair';
    if (g === 'drag-start' || g === 'pan' || g === 'pinch') cursor = 'grabbing';
    else if (!g && this.#nearStart(p, pointerType)) cursor = 'grab';
    if (this.#overlay.style.cursor !== cursor) this.#overlay.style.cursor = cursor;
  }

  #panTo(p) {
    const { box0, origin } = this.#gesture;
    const { plot } = this.#view.layout();
    const dx = (-(p.x - origin.x) / plot.w) * (box0[1] - box0[0]);
    const dy = ((p.y - origin.y) / plot.h) * (box0[3] - box0[2]);
    this.#view.changeView(shiftBox(box0, dx, dy));
  }

  #beginPinch() {
    const [a, b] = [...this.#pointers.values()];
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.#gesture = {
      type: 'pinch',
      box0: [...this.#view.box()],
      d0: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 10),
      anchor: this.#toData(mid),
    };
  }

  /** Zooms by the change in finger distance and keeps the data point under the fingers under them. */
  #pinchMove() {
    const [a, b] = [...this.#pointers.values()];
    const { box0, d0, anchor } = this.#gesture;
    const k = d0 / Math.max(Math.hypot(a.x - b.x, a.y - b.y), 10);
    const { plot } = this.#view.layout();
    const fx = ((a.x + b.x) / 2 - plot.x) / plot.w;
    const fy = ((a.y + b.y) / 2 - plot.y) / plot.h;
    const w = (box0[1] - box0[0]) * k;
    const h = (box0[3] - box0[2]) * k;
    const x0 = anchor[0] - fx * w;
    const y1 = anchor[1] + fy * h;
    this.#view.changeView([x0, x0 + w, y1 - h, y1]);
  }

  #dragStartTo(p) {
    const [x, y] = clampToPlot(this.#view.layout(), p.x, p.y, 0);
    this.#view.dragStart(this.#toData({ x, y }));
  }

  #finishStartDrag() {
    this.#gesture = null;
    this.#view.endStartDrag();
  }
}

/** Listens for gestures on the overlay canvas for the lifetime of the element. */
export function attachGestures(overlay, view) {
  new Gestures(overlay, view);
}
