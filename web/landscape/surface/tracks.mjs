// Trajectories in screen space: each run's polyline decimated and clipped to the plot (Track),
// kept per view and grown in place as runs get longer, searched for hover, stroked for export,
// and finished with the run's current point or, for a diverged run, its ✕ and label.

import { clampToPlot, clipToPlot, inPlot, screenMap } from './layout.mjs';
import { clipSegment } from '../../lib/plot-geometry.mjs';
import { drawCross, drawDot, strokePass } from './run-style.mjs';

const HOVER_RADIUS = 10;

export const pointCount = (xy) => (xy && typeof xy.length === 'number' ? Math.floor(xy.length / 2) : 0);

/**
 * Where a run leaves the plot for the last time, in CSS pixels: its last point if that is in
 * view, else where the last segment that crosses the plot exits it, else its last point clamped.
 */
function exitPoint(xy, n, map, layout) {
  const { plot } = layout;
  const rect = { x0: plot.x, x1: plot.x + plot.w, y0: plot.y, y1: plot.y + plot.h };
  const at = (k) => [map.ax * xy[2 * k] + map.bx, map.ay * xy[2 * k + 1] + map.by];
  const last = at(n - 1);
  if (inPlot(layout, last[0], last[1])) return last;
  let b = last;
  for (let k = n - 2; k >= 0; --k) {
    const a = at(k);
    if (!Number.isFinite(a[0]) || !Number.isFinite(a[1])) continue;
    const c = Number.isFinite(b[0]) && Number.isFinite(b[1]) ? clipSegment(a[0], a[1], b[0], b[1], rect) : null;
    if (c) return [c[2], c[3]];
    b = a;
  }
  return last;
}

let trackIds = 0;

/** A typed array of twice the length holding a's values. */
function grow(a) {
  const b = new a.constructor(2 * a.length);
  b.set(a);
  return b;
}

/**
 * One run's polyline in CSS pixels for one screen map, as moveTo/lineTo commands. Points closer
 * than half a pixel to the last kept point are dropped; segments are clipped to the plot (plus
 * a few pixels); and a segment whose every pixel the run's line already crosses (an oscillating
 * or retracing run, the jitter of a noisy one) is left out. So a run never holds more segments
 * than the pixels it covers, however many steps it has. The kept points (with their step) are
 * what hover searches. extend() appends a growing run's new points.
 */
class Track {
  constructor(map, layout) {
    this.id = ++trackIds;
    const { plot } = layout;
    const pad = 4;
    this.map = map;
    this.guard = { x0: plot.x - pad, x1: plot.x + plot.w + pad, y0: plot.y - pad, y1: plot.y + plot.h + pad };
    this.cols = Math.ceil(plot.w + 2 * pad) + 1;
    this.cover = null;
    this.coverRows = Math.ceil(plot.h + 2 * pad) + 1;
    const r = HOVER_RADIUS;
    this.hoverBox = { x0: plot.x - r, x1: plot.x + plot.w + r, y0: plot.y - r, y1: plot.y + plot.h + r };
    this.cx = new Float32Array(64);
    this.cy = new Float32Array(64);
    this.cmd = new Uint8Array(64);
    this.cmds = 0;
    this.n = 0;
    this.count = 0;
    this.sx = new Float32Array(64);
    this.sy = new Float32Array(64);
    this.step = new Int32Array(64);
    this.first = null;
    this.last = null;
    this.prevX = NaN;
    this.prevY = NaN;
    this.penDown = false;
  }

  /** Whether xy is this run grown (same first point, same point where the cache stopped). */
  continues(xy, n) {
    if (n < this.n) return false;
    if (this.n === 0) return true;
    const k = 2 * (this.n - 1);
    return xy[0] === this.first[0] && xy[1] === this.first[1] && xy[k] === this.last[0] && xy[k + 1] === this.last[1];
  }

  extend(xy, n) {
    for (let k = this.n; k < n; ++k) this.#add(xy[2 * k], xy[2 * k + 1], k);
    if (n > this.n) {
      this.first ??= [xy[0], xy[1]];
      this.last = [xy[2 * n - 2], xy[2 * n - 1]];
      this.n = n;
    }
  }

  #add(x, y, k) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      this.penDown = false;
      return;
    }
    const px = this.map.ax * x + this.map.bx;
    const py = this.map.ay * y + this.map.by;
    const hasPrev = !Number.isNaN(this.prevX);
    if (hasPrev && Math.abs(px - this.prevX) < 0.5 && Math.abs(py - this.prevY) < 0.5) return;
    if (hasPrev) this.#segment(this.prevX, this.prevY, px, py);
    else if (this.#inGuard(px, py)) {
      this.#command(px, py, 0);
      this.penDown = true;
    }
    this.prevX = px;
    this.prevY = py;
    this.#remember(px, py, k);
  }

  #inGuard(x, y) {
    const g = this.guard;
    return x >= g.x0 && x <= g.x1 && y >= g.y0 && y <= g.y1;
  }

  #segment(x0, y0, x1, y1) {
    const inside = this.#inGuard(x0, y0) && this.#inGuard(x1, y1);
    const c = inside ? [x0, y0, x1, y1, false, false] : clipSegment(x0, y0, x1, y1, this.guard);
    if (!c || this.#covered(c[0], c[1], c[2], c[3])) {
      this.penDown = false;
      return;
    }
    if (!this.penDown || c[4]) this.#command(c[0], c[1], 0);
    this.#command(c[2], c[3], 1);
    this.penDown = !c[5];
  }

  /** Whether the run's line already crosses every pixel of this segment; if not, marks them. */
  #covered(x0, y0, x1, y1) {
    this.cover ??= new Uint8Array(this.cols * this.coverRows);
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const cell = (s) => {
      const x = Math.floor(x0 + ((x1 - x0) * s) / steps - this.guard.x0);
      return x + Math.floor(y0 + ((y1 - y0) * s) / steps - this.guard.y0) * this.cols;
    };
    let s = 0;
    while (s <= steps && this.cover[cell(s)]) ++s;
    if (s > steps) return true;
    for (; s <= steps; ++s) this.cover[cell(s)] = 1;
    return false;
  }

  /** Appends moveTo (kind 0) or lineTo (kind 1). */
  #command(x, y, kind) {
    if (this.cmds === this.cmd.length) {
      this.cx = grow(this.cx);
      this.cy = grow(this.cy);
      this.cmd = grow(this.cmd);
    }
    this.cx[this.cmds] = x;
    this.cy[this.cmds] = y;
    this.cmd[this.cmds] = kind;
    this.cmds += 1;
  }

  /** Commands start..end (default: all the rest) as a path, starting at the pen position. */
  pathFrom(start, end = this.cmds) {
    const path = new Path2D();
    if (start > 0 && this.cmd[start] === 1) path.moveTo(this.cx[start - 1], this.cy[start - 1]);
    for (let k = start; k < end; ++k) {
      if (this.cmd[k]) path.lineTo(this.cx[k], this.cy[k]);
      else path.moveTo(this.cx[k], this.cy[k]);
    }
    return path;
  }

  #remember(px, py, k) {
    const h = this.hoverBox;
    if (px < h.x0 || px > h.x1 || py < h.y0 || py > h.y1) return;
    if (this.count === this.sx.length) {
      this.sx = grow(this.sx);
      this.sy = grow(this.sy);
      this.step = grow(this.step);
    }
    this.sx[this.count] = px;
    this.sy[this.count] = py;
    this.step[this.count] = k;
    this.count += 1;
  }

  /** The kept point nearest (x, y) within radius: { index, d2 } or null. */
  nearest(x, y, radius) {
    let best = null;
    let bestD2 = radius * radius;
    for (let j = 0; j < this.count; ++j) {
      const dx = this.sx[j] - x;
      const dy = this.sy[j] - y;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = { index: this.step[j], d2 };
      }
    }
    return best;
  }
}

/**
 * Each run's Track for this layout and view, from `store` ({ key, tracks }, grown in place where
 * possible; a new view or size empties it).
 */
export function syncTracks(store, runs, layout, box) {
  if (!box) return [];
  const map = screenMap(layout, box);
  const key = `${map.ax},${map.bx},${map.ay},${map.by},${layout.plot.w},${layout.plot.h}`;
  if (key !== store.key) {
    store.tracks = [];
    store.key = key;
  }
  return runs.map((run, i) => {
    const n = pointCount(run.xy);
    let track = store.tracks[i];
    if (!track || !track.continues(run.xy, n)) track = store.tracks[i] = new Track(map, layout);
    track.extend(run.xy, n);
    return track;
  });
}

/** The kept point of any track nearest p within the hover radius: { index, d2, run } or null. */
export function nearestPoint(tracks, p) {
  let best = null;
  tracks.forEach((track, run) => {
    const hit = track.nearest(p.x, p.y, HOVER_RADIUS);
    if (hit && (!best || hit.d2 < best.d2)) best = { ...hit, run };
  });
  return best;
}

/** Every track stroked afresh (for export): all halos, then all lines, in `order`. */
export function strokeTracks(ctx, layout, tracks, order, styleOf) {
  ctx.save();
  clipToPlot(ctx, layout);
  for (const pass of ['halo', 'line']) {
    for (const i of order) strokePass(ctx, tracks[i].pathFrom(0), styleOf(i), pass);
  }
  ctx.restore();
}

/**
 * The current point (a dot) or, for a diverged run, an ✕ where it left the view for the last
 * time (always kept in view); returns the ✕'s label. `start` is the start point in data units.
 */
export function paintRunEnd(ctx, layout, map, run, start, style) {
  const n = pointCount(run.xy);
  const diverged = run.status?.status === 'diverged';
  if (!diverged) {
    const x = n > 0 ? map.ax * run.xy[2 * n - 2] + map.bx : NaN;
    const y = n > 0 ? map.ay * run.xy[2 * n - 1] + map.by : NaN;
    if (inPlot(layout, x, y, 6)) drawDot(ctx, x, y, style.highlighted ? 5 : 4, style.colour, style.halo);
    return null;
  }
  const from = start && [map.ax * start[0] + map.bx, map.ay * start[1] + map.by];
  const end = n > 0 ? exitPoint(run.xy, n, map, layout) : from;
  if (!end || !Number.isFinite(end[0]) || !Number.isFinite(end[1])) return null;
  const [x, y] = clampToPlot(layout, end[0], end[1], 9);
  drawCross(ctx, x, y, 6, style.colour, style.halo);
  const step = run.status.diverged_at ?? n;
  return { text: `diverged at step ${step}`, x, y, colour: style.own };
}
