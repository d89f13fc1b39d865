// Plot geometry shared by the surface view's canvas (landscape/surface/) and the SVG figure
// (lib/figure/, which also runs in Node): how many axis ticks fit, and a segment clipped to a
// rectangle (Liang–Barsky).

/** How many ticks fit in `pixels` with about `spacing` pixels between them (at least 2). */
export const tickCount = (pixels, spacing) => Math.max(2, Math.round(pixels / spacing));

/**
 * The segment (x0, y0)–(x1, y1) clipped to r {x0, x1, y0, y1}: [x0, y0, x1, y1, startClipped,
 * endClipped], or null if it misses r (Liang–Barsky).
 */
export function clipSegment(x0, y0, x1, y1, r) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x0 - r.x0], [dx, r.x1 - x0], [-dy, y0 - r.y0], [dy, r.y1 - y0]]) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy, t0 > 0, t1 < 1];
}
