// The landscape page's Export menu: the surface and each chart as PNG (twice the CSS size, stamped
// "step k / N" when the menu's checkbox is on: k the player's position, N the run's total steps),
// the surface as an SVG figure (lib/figure: vector contours over the heatmap as an image, or the
// contours alone, the runs up to the player's step) and as an animation (GIF, WebM or MP4:
// lib/animation), the charts as SVG, the trajectories as CSV and the engine's result as JSON; and the Embed
// dialog's image with a link (the surface in the light and the dark theme).
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';
import { chartToPNG, chartToSVG } from './curves/export.mjs';
import { trajectoriesCsv } from './trajectories-csv.mjs';
import { figureAlt } from '../lib/alt-text.mjs';
import { stepStamp } from '../lib/canvas-png.mjs';

const CHART_FILES = { loss: 'loss', step: 'step-size', coords: 'coordinates' };


function chartOf(curves, id) {
  const chart = curves.charts[id];
  if (!chart?.model) throw new Error(`the ${CHART_FILES[id]} chart has nothing to export yet`);
  return chart;
}

// The surface's PNG between two redraws of the page (`redraw`): sampling the export's finer grid
// can grow the engine's memory, which detaches the trajectory views the views hold.
async function surfacePNG(surface, redraw, options) {
  redraw();
  try {
    return await surface.toPNG(options);
  } finally {
    redraw();
  }
}

/**
 * The surface's SVG figure (lib/figure/svg-figure.mjs) of what it shows, in its theme, between two
 * redraws as for the PNG; heatmap: false leaves the heatmap out (contours coloured by level).
 */
export async function surfaceSVG(surface, redraw, { heatmap = true, stamp } = {}) {
  const { svgFigure } = await import('../lib/figure/svg-figure.mjs');
  redraw();
  try {
    const model = surface.figureModel();
    if (!model) throw new Error('the surface is not drawn yet');
    return svgFigure(model, { width: model.width, theme: model.theme, heatmap, stamp });
  } finally {
    redraw();
  }
}

/**
 * Wires the menu's [data-export] buttons; `stampBox` is the "Stamp step k / N" checkbox,
 * redraw() draws the page's frame afresh from the engine; animation() loads the surface's frame
 * source (animation.mjs) for Export → Animation, whose dialog also loads on first use.
 */
export function setUpExports({ surface, curves, session, stampBox, redraw, animation }) {
  const stamp = () => (stampBox?.checked ? stepStamp(session.stepsDone, session.totalSteps) : undefined);
  const png = async (name, blob) => {
    if (!blob) throw new Error(`the ${name} is not drawn yet`);
    saveFile(`gradscape-${name}.png`, blob);
  };
  const actions = {
    'surface-png': async () => png('surface', await surfacePNG(surface, redraw, { stamp: stamp() })),
    'surface-svg': async () => saveFile('gradscape-surface.svg', await surfaceSVG(surface, redraw, { stamp: stamp() }), 'image/svg+xml'),
    'surface-svg-contours': async () =>
      saveFile('gradscape-surface-contours.svg', await surfaceSVG(surface, redraw, { heatmap: false, stamp: stamp() }), 'image/svg+xml'),
    csv: () => saveFile('gradscape-trajectories.csv', trajectoriesCsv(session.result()), 'text/csv'),
    json: () => saveFile('gradscape-result.json', JSON.stringify(session.result()), 'application/json'),
    animation: async () => {
      const [{ openAnimationDialog }, source] = await Promise.all([import('../lib/animation/dialog.mjs'), animation()]);
      await openAnimationDialog({ source, name: source.name, pagePreset: true });
    },
  };
  for (const [id, name] of Object.entries(CHART_FILES)) {
    actions[`${id}-svg`] = () => saveFile(`gradscape-${name}.svg`, chartToSVG(chartOf(curves, id)), 'image/svg+xml');
    actions[`${id}-png`] = async () => png(name, await chartToPNG(chartOf(curves, id), { stamp: stamp() }));
  }
  setUpExportMenu(actions);
}

/**
 * The Embed dialog's image with a link: the surface with the trajectories in either theme, its
 * alt text from the objective and the runs. objective() is the registry entry shown; labels() the
 * runs'; redraw() as for setUpExports.
 */
export function landscapeImage({ surface, session, objective, labels, redraw }) {
  return {
    name: 'gradscape-landscape',
    alt: () => figureAlt(`Loss surface of ${objective()?.display_name ?? 'an objective'} with the trajectories`, labels(),
      `after ${session.stepsDone} of ${session.totalSteps} steps`),
    png: async (theme) => {
      const blob = await surfacePNG(surface, redraw, { theme });
      if (!blob) throw new Error('the surface is not drawn yet');
      return blob;
    },
  };
}
