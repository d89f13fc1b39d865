// Viridis, the perceptually uniform colormap of matplotlib (van der Walt, Smith and Firing, CC0),
// as a compact table of 33 equally spaced samples, linearly interpolated into a 256-entry lookup
// table for the heatmap, a CSS gradient for legends, and a neutral colour for undefined values.

const VIRIDIS_HEX =
  '440154470d6048186a482374472d7b4537814240863e49893b528b375b8d33638d2f6b8e2c728e297a8e26828e' +
  '23898e21918c1f978b1f9f8821a68527ad8131b57b3dbc744cc26c5cc8636ece5881d34d95d840aadc32c0df25' +
  'd5e21aeae51afde725';

const ANCHORS = Array.from({ length: VIRIDIS_HEX.length / 6 }, (_, k) => {
  const hex = VIRIDIS_HEX.slice(6 * k, 6 * k + 6);
  return [0, 2, 4].map((o) => parseInt(hex.slice(o, o + 2), 16));
});

/** The colour of undefined values (NaN, ±Infinity): a mid grey that viridis never takes. */
export const NEUTRAL = Object.freeze([128, 128, 128]);

/** Viridis at t ∈ [0, 1] (clamped) as [r, g, b] with components in 0..255. */
export function viridis(t) {
  const x = (Number.isFinite(t) ? Math.min(Math.max(t, 0), 1) : 0) * (ANCHORS.length - 1);
  const i = Math.min(Math.floor(x), ANCHORS.length - 2);
  const f = x - i;
  const a = ANCHORS[i];
  const b = ANCHORS[i + 1];
  return [0, 1, 2].map((c) => Math.round(a[c] + f * (b[c] - a[c])));
}

/** A lookup table of n colours, packed r, g, b (n × 3 bytes), from t = 0 to t = 1. */
export function viridisTable(n = 256) {
  const table = new Uint8ClampedArray(3 * n);
  for (let k = 0; k < n; ++k) table.set(viridis(k / (n - 1)), 3 * k);
  return table;
}

/** `rgb(r g b)` of viridis at t. */
export function viridisCSS(t) {
  const [r, g, b] = viridis(t);
  return `rgb(${r} ${g} ${b})`;
}

/** Adds viridis stops to a canvas gradient (CanvasGradient.addColorStop) from t = 0 to 1. */
export function addViridisStops(gradient) {
  ANCHORS.forEach((_, k) => gradient.addColorStop(k / (ANCHORS.length - 1), viridisCSS(k / (ANCHORS.length - 1))));
  return gradient;
}
