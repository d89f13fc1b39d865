// The engine's first page: loads the wasm module, runs Adam on Rosenbrock and draws the loss
// surface (one grid call) with the trajectory, proving browser → wasm → canvas end to end.
import { loadGradscape } from './api/gradscape.mjs';

const CONFIG = {
  version: 1,
  objective: { name: 'rosenbrock', params: { a: 1, b: 100 } },
  start: [-1.5, 2.0],
  steps: 2000,
  precision: 'f64',
  optimizers: [{ name: 'adam', lr: 0.02, label: 'Adam' }],
};

const canvas = document.getElementById('surface');
const caption = document.getElementById('caption');
const facts = document.getElementById('facts');

// Perceptual blue → yellow ramp (viridis anchors), on log-scaled loss.
const RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
function colour(t) {
  const x = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
  const i = Math.min(Math.floor(x), RAMP.length - 2);
  const f = x - i;
  return RAMP[i].map((c, k) => Math.round(c + f * (RAMP[i + 1][k] - c)));
}

function drawSurface(ctx, session, view) {
  const { width, height } = ctx.canvas;
  const grid = session.grid(view[0], view[1], view[3], view[2], width, height);
  const image = ctx.createImageData(width, height);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of grid) {
    const l = Math.log10(v + 1e-3);
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  for (let i = 0; i < grid.length; ++i) {
    const [r, g, b] = colour((Math.log10(grid[i] + 1e-3) - lo) / (hi - lo));
    image.data.set([r, g, b, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}

function drawTrajectory(ctx, xy, view, minima) {
  const { width, height } = ctx.canvas;
  const px = (x) => ((x - view[0]) / (view[1] - view[0])) * width;
  const py = (y) => ((view[3] - y) / (view[3] - view[2])) * height;
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#ff5a36';
  ctx.beginPath();
  for (let k = 0; k < xy.length; k += 2) {
    if (k === 0) ctx.moveTo(px(xy[0]), py(xy[1]));
    else ctx.lineTo(px(xy[k]), py(xy[k + 1]));
  }
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#1d1f24';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px(xy[0]), py(xy[1]), 6, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  for (const m of minima) {
    ctx.font = 'bold 22px system-ui, sans-serif';
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('★', px(m.x), py(m.y));
  }
}

function showFacts(entries) {
  facts.replaceChildren(...entries.flatMap(([k, v]) => {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    return [dt, dd];
  }));
}

async function main() {
  const t0 = performance.now();
  const gs = await loadGradscape();
  const info = gs.registry.objectives.find((o) => o.name === CONFIG.objective.name);
  const view = [-2, 2, -1, 3];
  const session = gs.createSession(CONFIG);
  session.advance(session.totalSteps);
  const ctx = canvas.getContext('2d');
  drawSurface(ctx, session, view);
  const xy = session.trajectory(0);
  drawTrajectory(ctx, xy, view, info.minima);
  const loss = session.loss(0);
  const status = session.status(0);
  const last = xy.length / 2 - 1;
  caption.textContent = `${CONFIG.optimizers[0].label} (lr ${CONFIG.optimizers[0].lr}) on ${info.display_name}, ` +
    `${CONFIG.steps} steps from (${CONFIG.start.join(', ')}); ★ marks the minimum.`;
  showFacts([
    ['engine', `${gs.flavour} (${gs.simdBackend})`],
    ['status', status.status === 'ok' ? 'ok' : status.message],
    ['final point', `(${xy[2 * last].toFixed(4)}, ${xy[2 * last + 1].toFixed(4)})`],
    ['final loss', loss[last].toExponential(3)],
    ['time to draw', `${(performance.now() - t0).toFixed(0)} ms`],
  ]);
  session.delete();
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  caption.textContent = `Could not start the engine: ${error.message}`;
  caption.className = 'error';
  document.body.dataset.ready = 'error';
});
