// How a run looks: its colour and dash (its own or the palette's), faded when another run is
// highlighted, a contrasting halo, its line width, and the strokes and marks it is drawn with (a
// solid halo under the dashed line, the current-point dot, the diverged ✕).
import * as palette from '../../lib/palette.mjs';

const HALO_DARK = 'rgba(12, 14, 20, 0.82)';
const HALO_LIGHT = 'rgba(255, 255, 255, 0.86)';

const rgbCache = new Map();

/** [r, g, b] of a CSS colour, parsed by painting it on a 1×1 canvas (cached). */
function rgbOf(colour) {
  if (!rgbCache.has(colour)) {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    rgbCache.set(colour, Array.from(ctx.getImageData(0, 0, 1, 1).data.subarray(0, 3)));
  }
  return rgbCache.get(colour);
}

function luminance(colour) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = rgbOf(colour);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** A halo that contrasts with the line itself, so the line reads on dark and light heat alike. */
export const haloFor = (colour) => (luminance(colour) > 0.3 ? HALO_DARK : HALO_LIGHT);

/** The colour faded (opaquely) towards grey: how runs other than the highlighted one are drawn. */
function faded(colour) {
  const [r, g, b] = rgbOf(colour).map((c, k) => Math.round(c + 0.6 * ([150, 154, 162][k] - c)));
  return `rgb(${r} ${g} ${b})`;
}

/** Run i's own colour: its `color` (or `colour`) if given, else the palette's. */
export function runColour(runs, i) {
  const colour = runs[i]?.color ?? runs[i]?.colour;
  return typeof colour === 'string' && colour ? colour : palette.runColour(i);
}

/** Run i's dash pattern: its `dash` if given, else the palette's. */
export function runDash(runs, i) {
  const dash = runs[i]?.dash;
  return Array.isArray(dash) ? dash : palette.runDash(i);
}

/** How run i is drawn given the highlighted run (an index or null). */
export function runStyle(runs, i, highlight) {
  const own = runColour(runs, i);
  const highlighted = highlight === i;
  const dimmed = highlight !== null && !highlighted && highlight < runs.length;
  const colour = dimmed ? faded(own) : own;
  return { own, colour, dash: runDash(runs, i), halo: haloFor(colour), width: highlighted ? 3 : dimmed ? 1.5 : 2, highlighted };
}

/** One pass of a trajectory: its halo (wider, contrasting, solid) or its line (in its dash). */
export function strokePass(ctx, path, { colour, halo, width, dash }, pass) {
  const line = pass !== 'halo';
  ctx.lineJoin = 'round';
  ctx.lineCap = line && dash?.length ? 'butt' : 'round';
  ctx.strokeStyle = line ? colour : halo;
  ctx.lineWidth = line ? width : width + 2.5;
  ctx.setLineDash(line && dash ? dash : []);
  ctx.stroke(path);
  ctx.setLineDash([]);
}

export function strokeTrack(ctx, path, style) {
  strokePass(ctx, path, style, 'halo');
  strokePass(ctx, path, style, 'line');
}

export function drawDot(ctx, x, y, r, colour, halo) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.strokeStyle = halo;
  ctx.lineWidth = 1.75;
  ctx.stroke();
}

export function drawCross(ctx, x, y, r, colour, halo) {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.lineCap = 'round';
  ctx.strokeStyle = halo;
  ctx.lineWidth = 6.5;
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3;
  ctx.stroke();
}
