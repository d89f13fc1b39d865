// The paper lab's Export menu: each figure as PNG or SVG, every run's curves as CSV and the result
// with its config as JSON (both of the points recorded so far); and the Embed dialog's image with
// a link (the training-loss figure in the light and the dark theme). The export code
// (exports.mjs) loads on first use.
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';
import { figureAlt } from '../lib/alt-text.mjs';

const loadExports = () => import('./exports.mjs');

/** Wires the menu. charts: PaperCharts; runner: PaperRunner; result(): the paper result so far; themeName(): 'light' | 'dark'. */
export function setUpPaperExports({ charts, runner, result, themeName }) {
  const current = () => {
    const value = result();
    if (!value) throw new Error('there is no run to export yet');
    return value;
  };
  const actions = {
    csv: async () => {
      const { paperCsv } = await loadExports();
      saveFile('gradscape-paper.csv', paperCsv(current()), 'text/csv');
    },
    json: () => saveFile('gradscape-paper.json', JSON.stringify({ config: runner.job.config, result: current() }), 'application/json'),
  };
  for (const id of ['loss', 'test']) {
    actions[`${id}-png`] = async () => {
      const { paperPNG, FIGURE_NAMES } = await loadExports();
      saveFile(`gradscape-${FIGURE_NAMES[id]}.png`, await paperPNG(charts, id, themeName()));
    };
    actions[`${id}-svg`] = async () => {
      const { paperSVG, FIGURE_NAMES } = await loadExports();
      saveFile(`gradscape-${FIGURE_NAMES[id]}.svg`, paperSVG(charts, id, themeName()), 'image/svg+xml');
    };
  }
  setUpExportMenu(actions);
}

/** The Embed dialog's image with a link: the training-loss figure, its alt text from the runs and the figure's title. */
export function paperImage({ charts, title }) {
  return {
    name: 'gradscape-paper',
    alt: () => figureAlt('Training loss', charts.loss.model?.series.map((s) => s.label) ?? [], title() ? `— ${title()}` : ''),
    png: async (theme) => (await loadExports()).paperPNG(charts, 'loss', theme),
  };
}
