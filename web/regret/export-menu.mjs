// The regret lab's Export menu: each chart as PNG or SVG, the recorded series as CSV and the
// result with its config as JSON; and the Embed dialog's image with a link (the regret chart in
// the light and the dark theme). The export code (exports.mjs) loads on first use.
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';
import { figureAlt } from '../lib/alt-text.mjs';
import { formatInt } from '../lib/format.mjs';

const loadExports = () => import('./exports.mjs');

/** Wires the menu. charts: RegretCharts; runner: RegretRunner; themeName(): 'light' | 'dark'. */
export function setUpRegretExports({ charts, runner, themeName }) {
  const finished = async () => {
    if (!runner.job || runner.job.state === 'running' || runner.pending) {
      throw new Error('the run has not finished yet: wait for it, or press Cancel to export what it has');
    }
    return runner.result();
  };
  const actions = {
    csv: async () => {
      const { regretCsv } = await loadExports();
      saveFile('gradscape-regret.csv', regretCsv(await finished()), 'text/csv');
    },
    json: async () => {
      const result = await finished();
      saveFile('gradscape-regret.json', JSON.stringify({ config: runner.job.config, result }), 'application/json');
    },
  };
  for (const id of ['regret', 'average', 'iterate']) {
    actions[`${id}-png`] = async () => {
      const { regretPNG, CHART_NAMES } = await loadExports();
      saveFile(`gradscape-${CHART_NAMES[id]}.png`, await regretPNG(charts, id, themeName()));
    };
    actions[`${id}-svg`] = async () => {
      const { regretSVG, CHART_NAMES } = await loadExports();
      saveFile(`gradscape-${CHART_NAMES[id]}.svg`, regretSVG(charts, id, themeName()), 'image/svg+xml');
    };
  }
  setUpExportMenu(actions);
}

/** The Embed dialog's image with a link: the regret chart, its alt text from the runs and the problem. */
export function regretImage({ charts, runner, problem }) {
  return {
    name: 'gradscape-regret',
    alt: () => {
      const job = runner.job;
      const where = [problem()?.display_name && `on “${problem().display_name}”`, job && `over T = ${formatInt(job.totalSteps)} rounds`];
      return figureAlt('Regret R(t)', job?.meta?.map((m) => m.label) ?? [], where.filter(Boolean).join(' '));
    },
    png: async (theme) => (await loadExports()).regretPNG(charts, 'regret', theme),
  };
}
