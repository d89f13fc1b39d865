// `gradscape render CONFIG.json|- -o OUT.svg|.png|.gif [options]`: the loss surface figure of a run
// config or a race config (lib/figure/svg-figure.mjs, the landscape's and the race page's Export →
// SVG figure) written without a browser, so a blog's build can regenerate its figures. .svg is the
// figure itself; .png is it rasterised by @resvg/resvg-js; .gif is the figure at steps K, 2K, …, N
// (the last frame held longer), one global palette. Every flag is checked and named with its range; the
// output is written to a temporary file renamed into place, so nothing is written on error.
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, basename } from 'node:path';
import { GradscapeError, loadGradscape } from './gradscape.mjs';
import { configKind, raceModel, runModel } from './render-models.mjs';

export const RENDER_USAGE = [
  'usage: gradscape render CONFIG.json|- -o OUT.svg|OUT.png|OUT.gif [options]',
  '  the loss surface with the runs of a run config, or a race config\'s tuned runs from held-out starts',
  '  --width=W            figure width in CSS px, integer in [240, 4096] (default 720)',
  '  --height=H           figure height, integer in [160, 4096] (default: what the figure needs)',
  '  --theme=light|dark   colours (default light)',
  '  --no-heatmap         contour lines only, coloured by level',
  '  --step=K             .svg, .png: the runs up to step K, integer in [0, 1000000] (default: all)',
  '  --fps=F              .gif: frames per second, integer in [1, 50] (default 20)',
  '  --steps-per-frame=K  .gif: steps per frame, integer in [1, 1000000] (default: about 100 frames)',
  '  --hold=S             .gif: seconds the last frame is held longer, number in [0, 60] (default 1)',
  '  --scalar             use the scalar (non-SIMD) wasm build',
  '.png and .gif need @resvg/resvg-js (an optional dependency: npm install @resvg/resvg-js).',
].join('\n');

const OPTIONS = {
  width: { kind: 'integer', range: [240, 4096] },
  height: { kind: 'integer', range: [160, 4096] },
  theme: { kind: 'choice', choices: ['light', 'dark'] },
  step: { kind: 'integer', range: [0, 1e6], formats: ['.svg', '.png'] },
  fps: { kind: 'integer', range: [1, 50], formats: ['.gif'] },
  'steps-per-frame': { kind: 'integer', range: [1, 1e6], formats: ['.gif'] },
  hold: { kind: 'number', range: [0, 60], formats: ['.gif'] },
};
const SWITCHES = ['no-heatmap', 'scalar'];
const FORMATS = ['.svg', '.png', '.gif'];

function optionValue(name, text) {
  const spec = OPTIONS[name];
  if (spec.kind === 'choice') {
    if (!spec.choices.includes(text)) throw new GradscapeError(`--${name}: must be ${spec.choices.join(' or ')}, got ${JSON.stringify(text)}`);
    return text;
  }
  const value = text.trim() === '' ? NaN : Number(text);
  const [lo, hi] = spec.range;
  const ok = Number.isFinite(value) && (spec.kind !== 'integer' || Number.isInteger(value)) && value >= lo && value <= hi;
  if (!ok) throw new GradscapeError(`--${name}: must be ${spec.kind === 'integer' ? 'an integer' : 'a number'} in [${lo}, ${hi}], got ${JSON.stringify(text)}`);
  return value;
}

/** { config (path), output, options {name: value}, switches Set } of the arguments after `render`. */
export function parseRenderArgs(argv) {
  const options = {};
  const switches = new Set();
  const positional = [];
  let output;
  for (let k = 0; k < argv.length; ++k) {
    const arg = argv[k];
    if (arg === '-o' || arg === '--output') {
      if (k + 1 >= argv.length) throw new GradscapeError(`${arg}: needs the output file (OUT.svg, OUT.png or OUT.gif)`);
      output = argv[++k];
    } else if (arg.startsWith('--output=')) output = arg.slice(9);
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (SWITCHES.includes(name) && eq < 0) switches.add(name);
      else if (OPTIONS[name]) {
        if (eq < 0 && k + 1 >= argv.length) throw new GradscapeError(`--${name}: needs a value`);
        options[name] = optionValue(name, eq < 0 ? argv[++k] : arg.slice(eq + 1));
      } else throw new GradscapeError(`unknown option ${arg} for render\n${RENDER_USAGE}`);
    } else positional.push(arg);
  }
  if (positional.length !== 1) throw new GradscapeError(`render: needs one CONFIG.json (or - for stdin), got ${positional.length}\n${RENDER_USAGE}`);
  if (!output) throw new GradscapeError(`render: needs -o OUT.svg, OUT.png or OUT.gif\n${RENDER_USAGE}`);
  const format = extname(output).toLowerCase();
  if (!FORMATS.includes(format)) {
    throw new GradscapeError(`-o ${output}: unknown extension ${JSON.stringify(format || '(none)')}; must be .svg, .png or .gif`);
  }
  for (const name of Object.keys(options)) {
    const formats = OPTIONS[name].formats;
    if (formats && !formats.includes(format)) throw new GradscapeError(`--${name}: applies to ${formats.join(' and ')} output only, not ${format}`);
  }
  return { config: positional[0], output, format, options, switches };
}

function parseConfig(text) {
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new GradscapeError(`config: not valid JSON (${error.message})`);
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw new GradscapeError('config: must be a JSON object (a run config or a race config)');
  return config;
}

/** The figure's bytes (or text) for the parsed arguments. */
async function renderBytes(gs, config, args, { buildFigure, rasteriser, gifBytes, over }) {
  const model = configKind(config) === 'race' ? raceModel(gs, config) : runModel(gs, config);
  try {
    const figureOptions = {
      width: args.options.width ?? 720, height: args.options.height ?? null,
      theme: args.options.theme ?? 'light', heatmap: !args.switches.has('no-heatmap'),
    };
    let figure;
    try {
      figure = buildFigure(model, figureOptions);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new GradscapeError(error.message.replace(/^width, height:/, '--width, --height:'));
    }
    const total = model.totalSteps;
    if (args.format === '.svg') return figure.svgAt(args.options.step ?? Infinity);
    const raster = await rasteriser();
    if (args.format === '.png') return raster(figure.svgAt(args.options.step ?? Infinity)).png();
    const perFrame = args.options['steps-per-frame'] ?? Math.max(1, Math.ceil(total / 100));
    const fps = args.options.fps ?? 20;
    const count = Math.max(1, Math.ceil(total / perFrame));
    const base = raster(figure.baseSvg()).pixels;
    const frames = Array.from({ length: count }, (_, k) => {
      const step = Math.min((k + 1) * perFrame, total);
      return () => over(base, raster(figure.overlaySvg(step, `step ${step} / ${total}`)).pixels);
    });
    return gifBytes(frames, {
      width: figure.width, height: figure.height, fps, hold: args.options.hold ?? 1,
    });
  } finally {
    model.close();
  }
}

// The figure's libraries (d3-contour, d3-array, fast-png, gifenc) are optional dependencies of the
// package: npm installs them with it, but an install that could not fetch them (offline) goes on
// without them, and the rest of the package works.
const RENDER_PACKAGES = 'd3-contour d3-array fast-png gifenc';
function missingPackage(error) {
  const name = /Cannot find package '([^']+)'/.exec(error?.message ?? '')?.[1];
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !name) throw error;
  throw new GradscapeError(`render: needs the package ${name}, one of gradscape's optional dependencies, which is not installed: ` +
    `run \`npm install ${RENDER_PACKAGES}\``);
}

/** Runs `gradscape render` with the arguments after `render`; readInput reads CONFIG or stdin. */
export async function renderCommand(argv, readInput) {
  const args = parseRenderArgs(argv);
  const config = parseConfig(await readInput(args.config));
  const [{ buildFigure }, raster] = await Promise.all([import('../lib/figure/svg-figure.mjs'), import('./render-raster.mjs')])
    .catch(missingPackage);
  if (args.format !== '.svg') await raster.rasteriser();
  const gs = await loadGradscape({ flavour: args.switches.has('scalar') ? 'scalar' : 'auto', full: true, race: configKind(config) === 'race' });
  const bytes = await renderBytes(gs, config, args, { buildFigure, ...raster });
  const temporary = join(dirname(args.output), `.${basename(args.output)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, args.output);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new GradscapeError(`cannot write ${args.output}: ${error.code === 'ENOENT' ? 'no such directory' : error.code === 'EACCES' ? 'permission denied' : error.message}`);
  }
}
