// `gradscape render`: a run config to .svg (the figure), .png (resvg; decoded with fast-png: the
// size asked for) and .gif (decoded with gifuct-js: ceil(N/K) frames of the size asked for, one
// global palette and no local ones, the last frame held --hold s longer); a race config's tuned
// runs; and bad flags, an unknown extension, an unreadable or invalid config and an unwritable
// output each named in one line on stderr, exit code 2, and no output file written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import { decompressFrames, parseGIF } from 'gifuct-js';

const cli = new URL('../../web/api/cli.mjs', import.meta.url).pathname;
const hasResvg = await import('@resvg/resvg-js').then(() => true, () => false);
const dir = mkdtempSync(join(tmpdir(), 'gradscape-render-'));
const RUN = {
  version: 1, objective: 'himmelblau', start: [0.5, -3], steps: 40,
  optimizers: [{ name: 'adam', lr: 0.1 }, { name: 'sgd', lr: 0.01, label: 'SGD & <friends>' }],
};
const RACE = {
  version: 1, objective: 'rosenbrock', optimizers: [{ name: 'sgd' }, { name: 'adam' }],
  tuning_starts: 2, held_out_starts: 3, steps: 60, trials: 4, seed: 3,
};
const runPath = join(dir, 'run.json');
const racePath = join(dir, 'race.json');
writeFileSync(runPath, JSON.stringify(RUN));
writeFileSync(racePath, JSON.stringify(RACE));

const render = (...args) => spawnSync(process.execPath, [cli, 'render', ...args], { encoding: null, maxBuffer: 1 << 28 });

test('render writes the SVG figure of a run config', () => {
  const out = join(dir, 'run.svg');
  const r = render(runPath, '-o', out, '--width=480', '--theme', 'dark');
  assert.equal(r.status, 0, String(r.stderr));
  const svg = readFileSync(out, 'utf8');
  assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*width="480"/);
  assert.equal(svg.match(/<path data-run=/g).length, 2);
  assert.match(svg, />SGD &amp; &lt;friends&gt;</);
  assert.match(svg, /<image /);
  assert.doesNotMatch(render(runPath, '-o', join(dir, 'plain.svg'), '--no-heatmap').status ? '<image ' : readFileSync(join(dir, 'plain.svg'), 'utf8'), /<image /);
});

test('render writes a PNG of the size asked for', { skip: !hasResvg && '@resvg/resvg-js not installed' }, () => {
  const out = join(dir, 'run.png');
  const r = render(runPath, '-o', out, '--width', '400', '--height', '360');
  assert.equal(r.status, 0, String(r.stderr));
  const png = decode(readFileSync(out));
  assert.deepEqual([png.width, png.height], [400, 360]);
});

test('render writes a GIF: ceil(N/K) frames, one global palette, the hold on the last frame', { skip: !hasResvg && '@resvg/resvg-js not installed' }, () => {
  const out = join(dir, 'run.gif');
  const r = render(runPath, '-o', out, '--width=320', '--height=300', '--steps-per-frame=7', '--fps=10', '--hold=2');
  assert.equal(r.status, 0, String(r.stderr));
  const gif = parseGIF(readFileSync(out));
  const frames = decompressFrames(gif, true);
  assert.equal(frames.length, Math.ceil(40 / 7));
  assert.deepEqual([gif.lsd.width, gif.lsd.height], [320, 300]);
  assert.ok(gif.lsd.gct.exists, 'a global colour table');
  assert.ok(gif.frames.every((f) => !f.image?.descriptor?.lct?.exists), 'no local colour tables');
  assert.deepEqual(frames.map((f) => f.delay), [100, 100, 100, 100, 100, 2100]);
  const changed = frames.slice(1).map((f) => f.patch.filter((_, i) => i % 4 === 3 && f.patch[i] > 0).length);
  assert.ok(changed.every((n) => n > 0 && n < 320 * 300 / 2), `pixels redrawn per frame: ${changed}`);
});

test('render draws a race config\'s tuned runs and its starts', () => {
  const out = join(dir, 'race.svg');
  const r = render(racePath, '-o', out, '--width=480');
  assert.equal(r.status, 0, String(r.stderr));
  const svg = readFileSync(out, 'utf8');
  assert.equal(svg.match(/<path data-run=/g).length, 6, 'two optimizers × three held-out starts');
  assert.match(svg, />Adam<tspan[^>]*>3 held-out starts<\/tspan>/);
  assert.equal(svg.match(/<rect [^>]*width="7" height="7"/g).length, 2, 'the tuning starts');
});

test('bad input is named, exits 2 and writes nothing', () => {
  const bad = join(dir, 'bad');
  writeFileSync(join(dir, 'broken.json'), '{"objective": ');
  writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ ...RUN, steps: -3 }));
  const cases = [
    [[runPath, '-o', `${bad}.svg`, '--width=100'], /--width: must be an integer in \[240, 4096\], got "100"/],
    [[runPath, '-o', `${bad}.svg`, '--theme=blue'], /--theme: must be light or dark, got "blue"/],
    [[runPath, '-o', `${bad}.gif`, '--fps=0'], /--fps: must be an integer in \[1, 50\]/],
    [[runPath, '-o', `${bad}.gif`, '--hold=x'], /--hold: must be a number in \[0, 60\]/],
    [[runPath, '-o', `${bad}.svg`, '--fps=10'], /--fps: applies to .gif output only/],
    [[runPath, '-o', `${bad}.svg`, '--colour=red'], /unknown option --colour=red/],
    [[runPath, '-o', `${bad}.jpg`], /unknown extension ".jpg"; must be .svg, .png or .gif/],
    [[runPath], /needs -o OUT.svg/],
    [[join(dir, 'missing.json'), '-o', `${bad}.svg`], /cannot read .*missing.json: no such file/],
    [[join(dir, 'broken.json'), '-o', `${bad}.svg`], /config: not valid JSON/],
    [[join(dir, 'invalid.json'), '-o', `${bad}.svg`], /steps: /],
    [[runPath, '-o', join(dir, 'no', 'such', 'dir.svg')], /cannot write .*dir.svg: no such directory/],
    [[runPath, '-o', `${bad}.svg`, '--width=240', '--height=160'], /--width, --height: 240 × 160 leaves the plot/],
  ];
  for (const [args, message] of cases) {
    const r = render(...args);
    const stderr = String(r.stderr);
    assert.equal(r.status, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, message);
    assert.match(stderr, /^gradscape: /);
  }
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('bad') || f.includes('.tmp')), []);
  assert.ok(!existsSync(join(dir, 'no')));
});
