// Exports of the sweep lab: the maps as one PNG (each painted afresh at twice the screen
// resolution with its axes, colour bar and keys, side by side in compare mode), the cells as CSV
// (map, i, j, both axis values, value, diverged, diverged_at) and the engine's result JSON.
import { saveFile } from '../lib/download.mjs';
import { setUpExportMenu } from '../lib/export-menu.mjs';

const SCALE = 2;

/** The PNG blob of the map views side by side. */
export function mapsPNG(views, background) {
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
    view.paintInto(part.getContext('2d'), layout, SCALE);
    ctx.drawImage(part, Math.round(x * SCALE), 0);
    x += layout.width;
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
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
