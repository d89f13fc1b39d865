// The objective's contour lines under a basin-of-attraction map (axes start_x × start_y, both
// linear), from the core module's session.grid: the landscape's log-level contours
// (web/lib/heatmap.mjs) over the box the map's cells cover, cached per objective and box.
import { colourScale, contourLines, sampleGrid } from '../lib/heatmap.mjs';
import { valueAt } from './axes.mjs';

const GRID = 160;
let cached = { key: '', contours: null };

/** {plotBox, lines} for a resolved sweep config whose axes are the start point, or null. */
export function objectiveContours(gs, config) {
  const { x, y } = config;
  if (x.param !== 'start_x' || y.param !== 'start_y' || x.log || y.log) return null;
  const plotBox = [valueAt(x, x.n, 0), valueAt(x, x.n, 1), valueAt(y, y.n, 0), valueAt(y, y.n, 1)];
  const { noise, ...objective } = config.objective;  // a typed formula's or data objective's whole definition
  const key = JSON.stringify([objective, plotBox]);
  if (cached.key === key) return cached.contours;
  const session = gs.createRunSession({
    version: 1, objective, start: config.start, steps: 0, optimizers: [{ name: 'sgd' }],
  });
  try {
    const grid = (...args) => session.grid(...args);
    const scale = colourScale(sampleGrid(grid, plotBox, GRID, GRID) ?? []);
    const lines = scale && contourLines(grid, plotBox, scale, GRID, GRID);
    cached = { key, contours: lines ? { plotBox, lines } : null };
  } finally {
    session.delete();
  }
  return cached.contours;
}
