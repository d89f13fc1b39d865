// The exports' pure builders: the regret lab's series CSV and the paper lab's curves CSV from real
// engine results (header, one row per record point of every run, the values and empty cells for
// missing ones), CSV quoting, the shared chart SVG (axes, series, band, legend, wrapped caption,
// stamp), the Embed dialog's image-with-link snippet and the figures' alt text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { regretCsv } from '../../web/regret/exports.mjs';
import { paperCsv } from '../../web/paper/exports.mjs';
import { csvText } from '../../web/lib/csv.mjs';
import { chartSVG } from '../../web/lib/chart-svg.mjs';
import { chartFigure } from '../../web/lib/chart-figure.mjs';
import { imageSnippet, liveUrl } from '../../web/lib/embed-button.mjs';
import { figureAlt, wordList } from '../../web/lib/alt-text.mjs';

const parse = (csv) => csv.trimEnd().split('\n').map((line) => line.split(','));

test('regretCsv: one row per record point of every run with t, regret, average regret, bound and iterate', async () => {
  const gs = await loadGradscape({ regret: true });
  const result = gs.regret({
    version: 1, problem: { name: 'reddi', params: { C: 3 } }, domain: { type: 'box', radius: 1 }, start: [1],
    T: 3000, record_every: 100,
    optimizers: [
      { name: 'adam', lr: 0.5, beta1: 0, beta2: 0.1, bias_correction: false, schedule: { name: 'inv_sqrt' }, label: 'Adam, no bias correction' },
      { name: 'sgd', lr: 0.1 },
    ],
  });
  const rows = parse(regretCsv(result));
  assert.deepEqual(rows[0], ['run', 'label', 'optimizer', 't', 'regret', 'average_regret', 'bound', 'iterate']);
  const points = result.runs.reduce((n, run) => n + run.t.length, 0);
  assert.equal(points, 2 * 30);
  assert.equal(rows.length - 1, points);
  assert.match(regretCsv(result).split('\n')[1], /^0,"Adam, no bias correction",adam,100,/);
  const last = regretCsv(result).trimEnd().split('\n').at(-1).split(',');
  const sgd = result.runs[1];
  assert.deepEqual(last.slice(0, 4), ['1', sgd.optimizer.label ?? 'sgd', 'sgd', String(sgd.t.at(-1))]);
  assert.equal(Number(last[4]), sgd.regret.at(-1));
  assert.equal(Number(last[5]), sgd.average_regret.at(-1));
  assert.equal(last[6], '', 'SGD has no Theorem 4.1 bound: an empty cell');
  assert.equal(Number(last[7]), sgd.iterate.at(-1));
});

test('paperCsv: one row per record point of every run with its optimizer, lr, seed and curves', async () => {
  const gs = await loadGradscape({ paper: true });
  const result = gs.paper({
    experiment: 'logreg_bow', model: { dropout: 0.5 },
    data: { train: 200, test: 50, vocabulary: 500, words: 20, seed: 3 }, epochs: 1, batch_size: 50, seed: 7,
    optimizers: [{ name: 'adagrad', lr_grid: [0.01, 0.1] }, { name: 'rmsprop', lr: 0.001 }],
  });
  const csv = paperCsv(result);
  const rows = parse(csv);
  assert.deepEqual(rows[0], ['run', 'label', 'optimizer', 'optimizer_index', 'lr', 'seed', 'batch', 'epoch', 'train_loss', 'test_loss', 'test_accuracy']);
  const points = result.runs.reduce((n, run) => n + run.batch.length, 0);
  assert.ok(points > 0);
  assert.equal(rows.length - 1, points);
  const run = result.runs.at(-1);
  const last = rows.at(-1);
  assert.deepEqual(last.slice(2, 6), ['rmsprop', '1', String(run.lr), String(run.seed)]);
  assert.equal(Number(last[8]), run.train_loss.at(-1));
  assert.equal(Number(last[10]), run.test_accuracy.at(-1));
});

test('csvText quotes commas, quotes and newlines and leaves missing values empty', () => {
  assert.equal(csvText(['a', 'b'], [['x,y', 'say "hi"'], [null, NaN], ['line\nbreak', 0]]),
    'a,b\n"x,y","say ""hi"""\n,\n"line\nbreak",0\n');
});

const SPEC = {
  width: 480, plotHeight: 200, title: 'Loss & co', caption: 'word '.repeat(40).trim(), stamp: 'step 40 / 300',
  theme: { bg: '#fff', fg: '#111', muted: '#666', grid: '#eee' },
  x: { label: 'epoch', min: 0, max: 2 },
  y: [{ key: 'y', label: 'loss', min: 0.1, max: 10, log: true }],
  series: [{ xs: [0, 1, 2], ys: [5, null, 0.5], color: '#c00', scale: 'y', band: { lo: [4, 3, 0.4], hi: [6, 4, 0.6], fill: '#c0030' } }],
  legend: [{ label: 'Adam <1>', color: '#c00' }],
};

test('chartSVG: title, stamp, a path split at the gap, the band, the legend (escaped) and the caption wrapped in lines', () => {
  const svg = chartSVG(SPEC);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="480" height="\d+"/);
  assert.match(svg, />Loss &amp; co</);
  assert.match(svg, />step 40 \/ 300</);
  assert.match(svg, />Adam &lt;1&gt;</);
  const seriesPath = svg.match(/<path d="([^"]+)" fill="none" stroke="#c00"/);
  assert.ok(seriesPath, 'the series is drawn');
  assert.equal(seriesPath[1].match(/M/g).length, 2, 'the null splits the line into two pieces');
  assert.match(svg, /<path d="[^"]+Z" fill="#c0030"/, 'the min–max band is filled');
  const figure = chartFigure(SPEC);
  const captionLines = figure.items.filter((item) => item.kind === 'text' && item.italic);
  assert.ok(captionLines.length >= 2, 'a long caption wraps');
  assert.equal(captionLines.map((l) => l.spans[0].text).join(' '), SPEC.caption);
  assert.ok(captionLines.every((l) => l.y < figure.height), 'the caption lies inside the figure');
  for (const label of ['0.1', '1', '10']) assert.match(svg, new RegExp(`>${label.replace('.', '\\.')}</text>`), `log tick ${label}`);
});

test('imageSnippet: a link to the live state around a <picture> of the light and dark PNGs', () => {
  const href = 'https://example.org/gradscape/regret.html#old=1';
  assert.equal(liveUrl(href, '#p=reddi&T=1000'), 'https://example.org/gradscape/regret.html#p=reddi&T=1000');
  assert.equal(liveUrl(href, ''), 'https://example.org/gradscape/regret.html');
  const snippet = imageSnippet(href, 'p=reddi&T=1000', { name: 'gradscape-regret', alt: 'Regret of "A" & B', width: 720, height: 414 });
  assert.equal(snippet, '<a href="https://example.org/gradscape/regret.html#p=reddi&amp;T=1000"><picture>' +
    '<source srcset="gradscape-regret-dark.png" media="(prefers-color-scheme: dark)">' +
    '<img src="gradscape-regret.png" alt="Regret of &quot;A&quot; &amp; B" width="720" height="414"></picture></a>');
});

test('figureAlt lists each run once in words', () => {
  assert.equal(wordList([]), '');
  assert.equal(wordList(['A']), 'A');
  assert.equal(wordList(['A', 'B', 'C']), 'A, B and C');
  assert.equal(figureAlt('Regret R(t)', ['Adam', 'AMSGrad', 'Adam'], 'on “Reddi”'), 'Regret R(t) of Adam and AMSGrad on “Reddi”');
  assert.equal(figureAlt('Sweep map', [], 'on rosenbrock'), 'Sweep map on rosenbrock');
});

test('chartFigure: a diverged run\'s arrow at the capped edge, in its colour, with its label', () => {
  const spec = {
    width: 600, title: 'Loss', theme: { bg: '#fff', fg: '#111', muted: '#666', grid: '#eee' },
    x: { label: 'step', min: 0, max: 100 },
    y: [{ key: 'loss', label: 'loss', min: 1e-3, max: 1e3, log: true }],
    series: [{ xs: [0, 50, 100], ys: [1, 10, 1e40], color: '#c00', scale: 'loss' }],
    arrows: [{ x: 50, scale: 'loss', color: '#c00', text: 'diverged at step 51' }, { x: 80, scale: 'other', color: '#0c0', text: 'no such axis' }],
    legend: [],
  };
  const figure = chartFigure(spec);
  const labels = figure.items.filter((i) => i.kind === 'text').map((i) => i.spans.map((s) => s.text).join(''));
  assert.ok(labels.includes('diverged at step 51'));
  assert.ok(!labels.includes('no such axis'), 'an arrow on an axis the chart does not have is left out');
  const head = figure.items.find((i) => i.kind === 'polygon' && i.fill === '#c00');
  assert.ok(head, 'the arrow head');
  const top = Math.min(...head.points.map((p) => p[1]));
  const plot = figure.items.find((i) => i.kind === 'clip');
  assert.equal(top, plot.y, 'its tip is on the plot\'s top edge');
  assert.match(chartSVG(spec), /diverged at step 51/);
});
