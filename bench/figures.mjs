// `gradscape render` (not part of the tests): the figures of the landscape page's default state
// (its run config: Rosenbrock, 4 optimizers × 1000 steps) as a blog's build makes them.
//   in-process  the engine run alone (gs.run), the SVG figure (runModel + buildFigure + svgAt: the
//               run, the grid calls, contours, PNG heatmap), the PNG (the SVG rasterised by resvg)
//               and the GIF (100 frames at 10 steps per frame, 480 px wide), interleaved rounds,
//               each also as a ratio to the engine run alone
//   cli         node web/api/cli.mjs render … -o .svg/.png/.gif, wall time including Node's start-up
//   size        bytes of the default SVG (720 px wide), without the heatmap, of the PNG and the GIF
// Usage: node bench/figures.mjs [--rounds=5]   Writes bench/results/figures.md (also on stdout).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGradscape } from '../web/api/gradscape.mjs';
import { runModel } from '../web/api/render-models.mjs';
import { gifBytes, over, rasteriser } from '../web/api/render-raster.mjs';
import { buildFigure } from '../web/lib/figure/svg-figure.mjs';
import { defaultState, toConfig } from '../web/landscape/state.mjs';
import { root } from '../tests/browser/support.mjs';
import { interleavedAll, median, ms } from './tools/interleaved.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROUNDS = Math.max(3, Number(args.rounds ?? 5));
const gs = await loadGradscape({ full: true });
const config = toConfig(defaultState(), gs.registry);
const raster = await rasteriser();

const svgOf = (options) => {
  const model = runModel(gs, config);
  try {
    return buildFigure(model, options).svgAt();
  } finally {
    model.close();
  }
};
const gifOf = () => {
  const model = runModel(gs, config);
  try {
    const figure = buildFigure(model, { width: 480 });
    const base = raster(figure.baseSvg()).pixels;
    const frames = Array.from({ length: 100 }, (_, k) => () => over(base, raster(figure.overlaySvg((k + 1) * 10, `step ${(k + 1) * 10} / 1000`)).pixels));
    return gifBytes(frames, { width: figure.width, height: figure.height, fps: 20, hold: 1 });
  } finally {
    model.close();
  }
};

const sizes = {
  svg: svgOf({}).length, svgPlain: svgOf({ heatmap: false }).length,
  png: raster(svgOf({})).png().length, gif: gifOf().length,
};
const times = interleavedAll({
  engine: () => gs.run(config),
  svg: () => svgOf({}),
  png: () => raster(svgOf({})).png(),
}, ROUNDS);
const gifTimes = interleavedAll({ gif: gifOf }, Math.max(3, Math.floor(ROUNDS / 2)));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradscape-figures-'));
const configPath = path.join(dir, 'landscape.json');
fs.writeFileSync(configPath, JSON.stringify(config));
const cli = (ext, extra = []) => {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [path.join(root, 'web/api/cli.mjs'), 'render', configPath, '-o', path.join(dir, `f${ext}`), ...extra]);
  if (out.status !== 0) throw new Error(String(out.stderr));
  return performance.now() - t0;
};
const cliTimes = { svg: [], png: [], gif: [] };
for (let r = 0; r < 3; ++r) {
  cliTimes.svg.push(cli('.svg'));
  cliTimes.png.push(cli('.png'));
  cliTimes.gif.push(cli('.gif', ['--width=480', '--steps-per-frame=10']));
}
fs.rmSync(dir, { recursive: true, force: true });

const engine = median(times.engine);
const ratio = (xs) => `${(median(xs) / engine).toFixed(1)}×`;
const report = [
  `# gradscape render (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus().length} cores)`,
  '',
  `The landscape's default run config (${config.objective.name}, ${config.optimizers.length} optimizers × ${config.steps} steps), 720 px wide unless said; ms median (best) of ${ROUNDS} interleaved rounds.`,
  '',
  '| what | ms | ÷ engine run alone |',
  '| --- | ---: | ---: |',
  `| engine run alone (gs.run) | ${ms(times.engine)} | 1× |`,
  `| SVG figure (run + grid + contours + heatmap PNG) | ${ms(times.svg)} | ${ratio(times.svg)} |`,
  `| PNG (the SVG rasterised by resvg) | ${ms(times.png)} | ${ratio(times.png)} |`,
  `| GIF, 100 frames, 480 px | ${ms(gifTimes.gif)} | ${ratio(gifTimes.gif)} |`,
  `| CLI .svg, wall (Node start-up included) | ${ms(cliTimes.svg)} | |`,
  `| CLI .png, wall | ${ms(cliTimes.png)} | |`,
  `| CLI .gif (--width=480 --steps-per-frame=10), wall | ${ms(cliTimes.gif)} | |`,
  '',
  `Sizes: SVG ${sizes.svg} bytes (without the heatmap ${sizes.svgPlain}), PNG ${sizes.png}, GIF ${sizes.gif}.`,
  '',
].join('\n');
process.stdout.write(report);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/figures.md'), report);
