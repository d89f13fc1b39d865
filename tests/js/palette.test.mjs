// The run palette (web/lib/palette.mjs): eight colours pairwise distinct by CIEDE2000 (≥ 20), each
// readable on the light and the dark theme (WCAG contrast ≥ 3:1, the WCAG 2.1 minimum for graphical
// objects, against both themes' page and card backgrounds in web/lib/theme.css), and a dash pattern
// per run (run 0 solid), pairwise different, so runs differ in greyscale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RUN_COLOURS, RUN_DASHES, runColour, runDash } from '../../web/lib/palette.mjs';
import { ciede2000, contrastRatio, hexToRgb, srgbToLab } from './colour-metrics.mjs';

const MIN_DELTA_E = 20;
const MIN_CONTRAST = 3;

// Sharma, Wu & Dalal (2005), Table 1: pairs of CIELAB colours and their ΔE₀₀.
const SHARMA_PAIRS = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, -1, 2], [50, 0, 0], 2.3669],
  [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[50, 2.5, 0], [56, -27, -3], 31.903],
  [[50, 2.5, 0], [58, 24, 15], 19.4535],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

// --bg and --card of the light (:root) and the dark ([data-theme="dark"]) blocks of theme.css.
function themeBackgrounds() {
  const css = readFileSync(new URL('../../web/lib/theme.css', import.meta.url), 'utf8');
  const blocks = { light: css.match(/:root, \.gs-box \{([^}]*)\}/)[1], dark: css.match(/:root\[data-theme="dark"\][^{]*\{([^}]*)\}/)[1] };
  return Object.entries(blocks).flatMap(([theme, block]) => ['bg', 'card'].map((name) => ({
    name: `${theme} --${name}`, hex: block.match(new RegExp(`--${name}: (#[0-9a-f]{6});`, 'i'))[1],
  })));
}

test('CIEDE2000 reproduces Sharma, Wu & Dalal\'s test data', () => {
  for (const [a, b, expected] of SHARMA_PAIRS) {
    assert.ok(Math.abs(ciede2000(a, b) - expected) < 1e-4, `${a} vs ${b}: ${ciede2000(a, b)} ≠ ${expected}`);
  }
  const white = srgbToLab([255, 255, 255]);
  assert.ok(Math.abs(white[0] - 100) < 1e-3 && Math.abs(white[1]) < 1e-3 && Math.abs(white[2]) < 1e-3, `white is ${white}`);
});

test('there are eight run colours, red first', () => {
  assert.equal(RUN_COLOURS.length, 8);
  assert.equal(new Set(RUN_COLOURS.map((c) => c.toLowerCase())).size, 8);
  for (const c of RUN_COLOURS) assert.match(c, /^#[0-9a-f]{6}$/i);
  const [r, g, b] = hexToRgb(RUN_COLOURS[0]);
  assert.ok(r > 200 && g < 100 && b < 100, `run 0 is ${RUN_COLOURS[0]}`);
});

test(`every pair of run colours differs by CIEDE2000 ≥ ${MIN_DELTA_E}`, (t) => {
  const labs = RUN_COLOURS.map((c) => srgbToLab(hexToRgb(c)));
  let min = Infinity;
  for (let i = 0; i < labs.length; ++i) {
    for (let j = i + 1; j < labs.length; ++j) {
      const d = ciede2000(labs[i], labs[j]);
      min = Math.min(min, d);
      assert.ok(d >= MIN_DELTA_E, `${RUN_COLOURS[i]} vs ${RUN_COLOURS[j]}: ΔE00 ${d.toFixed(2)}`);
    }
  }
  t.diagnostic(`minimum ΔE00 ${min.toFixed(2)}`);
});

test(`every run colour has contrast ≥ ${MIN_CONTRAST}:1 on both themes' backgrounds`, () => {
  const backgrounds = themeBackgrounds();
  assert.equal(backgrounds.length, 4);
  for (const c of RUN_COLOURS) {
    for (const bg of backgrounds) {
      const ratio = contrastRatio(hexToRgb(c), hexToRgb(bg.hex));
      assert.ok(ratio >= MIN_CONTRAST, `${c} on ${bg.name} ${bg.hex}: ${ratio.toFixed(2)}:1`);
    }
  }
});

test('run 0 is solid and every other run has its own dash pattern', () => {
  assert.equal(RUN_DASHES.length, RUN_COLOURS.length);
  assert.deepEqual(RUN_DASHES[0], []);
  // Canvas and SVG repeat an odd-length list twice; compare the patterns as drawn.
  const drawn = RUN_DASHES.map((d) => JSON.stringify(d.length % 2 ? [...d, ...d] : d));
  assert.equal(new Set(drawn).size, RUN_DASHES.length, `dashes repeat: ${drawn.join(' ')}`);
  for (const dash of RUN_DASHES.slice(1)) {
    assert.ok(dash.length >= 2 && dash.every((v) => Number.isFinite(v) && v > 0), `bad dash ${dash}`);
  }
});

test('runColour and runDash cycle through the palette', () => {
  for (let i = 0; i < 20; ++i) {
    assert.equal(runColour(i), RUN_COLOURS[i % 8]);
    assert.deepEqual(runDash(i), RUN_DASHES[i % 8]);
  }
});
