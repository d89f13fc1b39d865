// The runs of an SVG figure: each trajectory as a path in figure pixels (a solid halo under the
// run's dashed line, as the surface view strokes it), split where a point is not finite, clipped
// to the plot plus a few pixels and thinned to points a quarter pixel apart (the last point is
// always kept); its end as a dot or, for a diverged run, an ✕ where it last left the view with a
// "diverged at step k" pill; the markers (minima, start, a race's starts); and the run legend.
import * as palette from '../palette.mjs';
import { clipSegment } from '../plot-geometry.mjs';
import { escapeXml, luminance, num, paint } from './svg-text.mjs';

const HALO_DARK = 'rgba(12, 14, 20, 0.82)';
const HALO_LIGHT = 'rgba(255, 255, 255, 0.86)';
export const INK = '#1d1f24';

/** A halo that contrasts with the line itself (run-style.mjs's rule). */
export const haloFor = (colour) => (luminance(colour) > 0.3 ? HALO_DARK : HALO_LIGHT);

/** Run i's colour and dash: its own (`color`/`colour`, `dash`) or the palette's. */
export function runLook(run, i) {
  const own = run.color ?? run.colour;
  const colour = typeof own === 'string' && own ? own : palette.runColour(i);
  return { colour, dash: Array.isArray(run.dash) ? run.dash : palette.runDash(i), halo: haloFor(colour) };
}

const rectOf = (plot, pad) => ({ x0: plot.x - pad, x1: plot.x + plot.w + pad, y0: plot.y - pad, y1: plot.y + plot.h + pad });
const inRect = (r, x, y) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

/**
 * The path data of the first n points of xy (x0, y0, x1, y1, …) mapped by `map`, and where the
 * run last left the plot ({exit: [x, y]}, for a diverged run's ✕).
 */
export function trackPath(xy, n, map, plot) {
  const guard = rectOf(plot, 4);
  const view = rectOf(plot, 0);
  let d = '';
  let penDown = false;
  let prev = null;
  let exit = null;
  const move = (x, y, kind) => { d += `${kind}${num(x)} ${num(y)}`; };
  for (let k = 0; k < n; ++k) {
    const x = map.ax * xy[2 * k] + map.bx;
    const y = map.ay * xy[2 * k + 1] + map.by;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      penDown = false;
      prev = null;
      continue;
    }
    const last = k === n - 1;
    if (prev && !last && Math.abs(x - prev[0]) < 0.25 && Math.abs(y - prev[1]) < 0.25) continue;
    if (!prev) {
      if (inRect(guard, x, y)) {
        move(x, y, 'M');
        penDown = true;
      }
    } else {
      const c = clipSegment(prev[0], prev[1], x, y, guard);
      if (c) {
        if (!penDown || c[4]) move(c[0], c[1], 'M');
        move(c[2], c[3], 'L');
        penDown = !c[5];
      } else penDown = false;
      const seen = clipSegment(prev[0], prev[1], x, y, view);
      if (seen) exit = [seen[2], seen[3]];
    }
    if (!prev && inRect(view, x, y)) exit = [x, y];
    prev = [x, y];
  }
  return { d, exit };
}

export const dot = (x, y, r, look, attrs = '') =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="${r}" ${paint('fill', look.colour)} ${paint('stroke', look.halo)} stroke-width="1.75"${attrs}/>`;

export function cross(x, y, r, look) {
  const d = `M${num(x - r)} ${num(y - r)}L${num(x + r)} ${num(y + r)}M${num(x + r)} ${num(y - r)}L${num(x - r)} ${num(y + r)}`;
  return `<path d="${d}" fill="none" ${paint('stroke', look.halo)} stroke-width="6.5" stroke-linecap="round"/>` +
    `<path d="${d}" fill="none" ${paint('stroke', look.colour)} stroke-width="3" stroke-linecap="round"/>`;
}

function starPath(x, y, r) {
  const points = Array.from({ length: 10 }, (_, k) => {
    const radius = k % 2 ? r * 0.45 : r;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    return `${num(x + radius * Math.cos(angle))} ${num(y + radius * Math.sin(angle))}`;
  });
  return `M${points.join('L')}Z`;
}

/** A minimum: a white star for a global one, a white ring for a local one (decorations.mjs). */
export function minimumMark(x, y, global) {
  if (global) return `<path d="${starPath(x, y, 8.5)}" fill="#ffffff" stroke="${INK}" stroke-width="1.5" stroke-linejoin="round"/>`;
  return `<circle cx="${num(x)}" cy="${num(y)}" r="5" fill="none" stroke="${INK}" stroke-width="4"/>` +
    `<circle cx="${num(x)}" cy="${num(y)}" r="5" fill="none" stroke="#ffffff" stroke-width="2"/>`;
}

/** The start point: a white disc ringed in ink with an ink centre. */
export const startMark = (x, y) =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="7" fill="#ffffff" stroke="${INK}" stroke-width="2.25"/>` +
  `<circle cx="${num(x)}" cy="${num(y)}" r="2" fill="${INK}"/>`;

/** A race's tuning start (a hollow square) and held-out start (a small dot), as the race page draws them. */
export const tuningMark = (x, y) =>
  `<rect x="${num(x - 3.5)}" y="${num(y - 3.5)}" width="7" height="7" fill="none" stroke="#14161c" stroke-opacity="0.9" stroke-width="1.2"/>` +
  `<rect x="${num(x - 2.5)}" y="${num(y - 2.5)}" width="5" height="5" fill="none" stroke="#ffffff" stroke-opacity="0.95" stroke-width="1.2"/>`;
export const heldOutMark = (x, y) =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="2.6" fill="#14161c" fill-opacity="0.9" stroke="#ffffff" stroke-opacity="0.95" stroke-width="1.2"/>`;

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** "diverged at step k" pills beside their ✕, moved up or down to clear each other, kept inside the plot. */
export function divergedPills(labels, plot, theme, measure, font) {
  const placed = [];
  let out = '';
  for (const { text, x, y, colour } of labels) {
    const w = measure(text, 11.5, 600) + 16;
    const h = 20;
    let rect = { x: x + 12 + w > plot.x + plot.w ? x - 12 - w : x + 12, y: y - h / 2, w, h };
    for (let k = 0; k < 25; ++k) {
      const dy = k === 0 ? 0 : (k % 2 ? 1 : -1) * Math.ceil(k / 2) * (h + 4);
      const candidate = { ...rect, y: Math.min(Math.max(y - h / 2 + dy, plot.y + 2), plot.y + plot.h - h - 2) };
      if (!placed.some((p) => overlaps(p, candidate))) {
        rect = candidate;
        break;
      }
    }
    placed.push(rect);
    out += `<rect x="${num(rect.x)}" y="${num(rect.y)}" width="${num(rect.w)}" height="${h}" rx="5" ${paint('fill', theme.pill)}/>` +
      `<rect x="${num(rect.x + 5)}" y="${num(rect.y + 5)}" width="3" height="${h - 10}" ${paint('fill', colour)}/>` +
      `<text x="${num(rect.x + 12)}" y="${num(rect.y + h / 2 + 4)}" font-family="${font}" font-size="11.5" font-weight="600" ${paint('fill', theme.pillText)}>${escapeXml(text)}</text>`;
  }
  return out;
}
