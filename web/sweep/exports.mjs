// Exports of the sweep lab: the maps as one PNG (each painted afresh at twice the screen
// resolution with its axes, colour bar and keys, side by side in compare mode), the cells as CSV
// (map, i, j, both axis values, value, diverged, diverged_at) and the engine's result JSON; and
// the Embed dialog's image with a link (the maps in the light and the dark theme).
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';
import { EXPORT_RATIO as SCALE, canvasPNG } from '../lib/canvas-png.mjs';
import { THEMES } from '../lib/canvas-style.mjs';
import { figureAlt } from '../lib/alt-text.mjs';

/** The PNG blob of the map views side by side, in theme `themeName` (default each view's). */
export function mapsPNG(views, background, themeName) {
  const layouts = views.map((v) => v.layout).filter(Boolean);
  const width = layouts.reduce((sum, l) => sum + l.width, 0);
  const height = Math.max(...layouts.map((l) => l.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let x = 0;
  views.forEach((view, k) => {
    const layout = layouts[k];
    if (!layout) return;
    const part = document.createElement('canvas');
    part.width = Math.round(layout.width * SCALE);
    part.height = Math.round(layout.height * SCALE);
    view.paintInto(part.getContext('2d'), layout, SCALE, themeName);
    ctx.drawImage(part, Math.round(x * SCALE), 0);
    x += layout.width;
  });
  return canvasPNG(canvas);
}

/** map,i,j,<x param>,<y param>,value,diverged,diverged_at — one row per cell of every map. */
export function cellsCsv(maps) {
  const { x, y, metric } = maps[0].config;
  const rows = [`map,i,j,${x.param},${y.param},${metric},diverged,diverged_at`];
  maps.forEach((map, m) => {
    for (let j = 0; j < map.rowsDone; ++j) {
      for (let i = 0; i < map.columns; ++i) {
        const k = i + j * map.columns;
        const v = map.values[k];
        rows.push(`${m},${i},${j},${map.xValues[i]},${map.yValues[j]},${Number.isNaN(v) ? '' : v},${map.diverged[k]},${map.divergedAt[k]}`);
      }
    }
  });
  return `${rows.join('\n')}\n`;
}

/** Wires the Export menu: png, json and csv of the current maps. */
export function setUpExports({ views, maps, results, background }) {
  const actions = {
    png: async () => saveFile('gradscape-sweep.png', await mapsPNG(views(), background())),
    csv: () => saveFile('gradscape-sweep.csv', cellsCsv(maps()), 'text/csv'),
    json: async () => {
      const list = await results();
      const body = list.length === 1 ? list[0] : { maps: list };
      saveFile('gradscape-sweep.json', JSON.stringify(body), 'application/json');
    },
  };
  setUpExportMenu(actions);
}

/** The Embed dialog's image with a link: the maps, their alt text from the map titles and the axes. */
export function sweepImage({ views, maps }) {
  return {
    name: 'gradscape-sweep',
    alt: () => {
      const list = maps();
      const config = list[0]?.config;
      const axes = config ? ` over ${config.x.param} × ${config.y.param}` : '';
      const optimizers = list.map((m) => m.config.optimizer?.label ?? m.config.optimizer?.name);
      return figureAlt(`Sweep map${list.length > 1 ? 's' : ''} of ${config?.metric?.replaceAll('_', ' ') ?? 'a metric'}${axes}`, optimizers,
        config ? `on ${config.objective?.name ?? config.objective}` : '');
    },
    png: (theme) => {
      if (!views().some((v) => v.layout)) return Promise.reject(new Error('the map is not drawn yet'));
      return mapsPNG(views(), THEMES[theme].background, theme);
    },
  };
}
