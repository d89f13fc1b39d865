// The SVG figure (web/lib/figure/svg-figure.mjs) of a run config built in Node from the engine: well
// formed (resvg parses and renders it; the same check rejects a broken document), the XML
// declaration, the heatmap <image> present or absent per option, contour paths, one path per run
// ending at the run's θ at the step asked for, the minima and start markers, the diverged run's ✕
// and pill, names with "&", "<", β₁ and Hangul escaped and kept, unique ids, and no NaN or Infinity
// even for a run whose points are not finite; bad options are named with their range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { buildFigure, svgFigure } from '../../web/lib/figure/svg-figure.mjs';

const { Resvg } = await import('@resvg/resvg-js').catch(() => ({}));
const gs = await loadGradscape({ full: true });
const CONFIG = {
  version: 1, objective: 'rosenbrock', start: [-1.5, 2], steps: 200,
  optimizers: [{ name: 'sgd', lr: 0.002 }, { name: 'adam', lr: 0.1, label: 'Adam (β₁=0.9) & <co>' }, { name: 'sgd', lr: 0.05, label: '발산 SGD' }],
};
const session = gs.createRunSession(CONFIG);
session.advance(session.totalSteps);
const result = session.result();
const model = {
  title: 'Rosenbrock & "friends" <1>', axes: ['x', 'y'], view: session.objective().view, grid: (...a) => session.grid(...a),
  minima: session.minima(), start: result.start,
  runs: result.runs.map((r) => ({ label: r.optimizer.label, xy: Float64Array.from(r.trajectory.flat()), status: { status: r.status, diverged_at: r.diverged_at } })),
};

function render(svg) {
  const image = new Resvg(svg).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** The run paths' last points in figure px and the plot's map from data to px. */
function pathEnds(svg) {
  return [...svg.matchAll(/<path data-run="(\d+)" d="([^"]+)"/g)].map(([, i, d]) => {
    const numbers = d.match(/-?[\d.]+/g).map(Number);
    return { run: +i, end: numbers.slice(-2) };
  });
}

function dataToPx(figure) {
  const { plot } = figure;
  const [x0, x1, y0, y1] = model.view;
  return ([x, y]) => [plot.x + ((x - x0) / (x1 - x0)) * plot.w, plot.y + plot.h - ((y - y0) / (y1 - y0)) * plot.h];
}

test('the figure is well formed and holds every part', { skip: !Resvg && '@resvg/resvg-js not installed' }, () => {
  const figure = buildFigure(model, { width: 640 });
  const svg = figure.svgAt();
  assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.throws(() => new Resvg(svg.replace('</svg>', '')), 'the parse check must reject a broken document');
  const image = render(svg);
  assert.deepEqual([image.width, image.height], [640, figure.height]);
  const colours = new Set();
  for (let i = 0; i < image.pixels.length; i += 4 * 97) colours.add(image.pixels.readUInt32LE(i));
  assert.ok(colours.size > 50, `only ${colours.size} colours`);
  assert.equal(svg.match(/<image /g)?.length, 1);
  assert.ok(figure.contourCount > 5, `${figure.contourCount} contour levels`);
  assert.equal(pathEnds(svg).length, 3, 'one path per run');
  assert.equal(svg.match(/fill="#ffffff" stroke="#1d1f24" stroke-width="1.5"/g)?.length, 1, 'the global minimum');
  assert.equal(svg.match(/r="7" fill="#ffffff"/g)?.length, 1, 'the start marker');
  assert.match(svg, /diverged at step 3</);
  assert.match(svg, />Rosenbrock &amp; &quot;friends&quot; &lt;1&gt;</);
  assert.match(svg, />Adam \(β₁=0.9\) &amp; &lt;co&gt;</);
  assert.match(svg, />발산 SGD</);
  assert.doesNotMatch(svg, /NaN|Infinity|undefined/);
  const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length);
});

test('without the heatmap: no <image>, one coloured path per contour level, smaller', () => {
  const withHeat = svgFigure(model, { width: 640 });
  const figure = buildFigure(model, { width: 640, heatmap: false });
  const svg = figure.svgAt();
  assert.doesNotMatch(svg, /<image /);
  const image = withHeat.match(/xlink:href="data:image\/png;base64,[^"]+"/)[0];
  assert.ok(svg.length < withHeat.length - image.length + 2000, `${svg.length} vs ${withHeat.length} bytes`);
  assert.equal(svg.match(/stroke-width="1.1"/g)?.length, figure.contourCount);
});

test('each run path ends at its θ at the step drawn, within a hundredth of a pixel', () => {
  const figure = buildFigure(model, { width: 640 });
  const px = dataToPx(figure);
  for (const step of [0, 10, 57, Infinity]) {
    const ends = pathEnds(figure.svgAt(step));
    for (const { run, end } of ends) {
      const xy = model.runs[run].xy;
      const k = Math.min(step, xy.length / 2 - 1);
      if (model.runs[run].status.status === 'diverged' && k > 0) continue;  // leaves the view: clipped
      const [x, y] = px([xy[2 * k], xy[2 * k + 1]]);
      if (step === 0) continue;  // a single point draws no segment
      assert.ok(Math.hypot(end[0] - x, end[1] - y) < 0.01, `run ${run} at step ${step}: ${end} vs ${[x, y]}`);
    }
  }
  assert.equal(pathEnds(figure.svgAt(0)).length, 3, 'step 0: a path of one point per run');
});

test('points that are not finite or far away never reach the file', { skip: !Resvg && '@resvg/resvg-js not installed' }, () => {
  const xy = Float64Array.from([-1, 1, 0, 0, NaN, 2, Infinity, 1, 0.5, 0.5, 1e300, -1e300, 1, 1]);
  const svg = svgFigure({ ...model, runs: [{ label: 'odd', xy, status: { status: 'diverged', diverged_at: 6 } }] }, { width: 480, theme: 'dark' });
  assert.doesNotMatch(svg, /NaN|Infinity/);
  assert.match(svg, /diverged at step 6/);
  render(svg);
});

test('bad options are named with their range', () => {
  assert.throws(() => svgFigure(model, { width: 100 }), /width: must be an integer in \[240,4096\], got 100/);
  assert.throws(() => svgFigure(model, { height: 2.5 }), /height: must be an integer/);
  assert.throws(() => svgFigure(model, { theme: 'blue' }), /theme: must be "light" or "dark", got "blue"/);
  assert.throws(() => svgFigure(model, { heatmap: 'no' }), /heatmap: must be true or false/);
  assert.throws(() => svgFigure(model, { width: 240, height: 160 }), /width, height: 240 × 160 leaves the plot/);
  assert.throws(() => svgFigure({ ...model, view: [1, 0, 0, 1] }), /view: must be/);
});
