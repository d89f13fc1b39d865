// What a run draws besides its trajectory, when its optimizer's registry entry names it: up to two
// more paths in the run's colour (companion_labels: Lookahead's slow weights φ, ASGD's average θ̄,
// Schedule-Free's average x dashed and its base sequence z dotted) and the points where a step
// evaluated the objective (L-BFGS: hollow rings for the inner iterates, small ticks for the
// strong-Wolfe line-search trials). Both are drawn per frame over the cached trajectories; a
// companion path is thinned to at most MAX_POINTS vertices.
import { inPlot } from './layout.mjs';

const MAX_POINTS = 4000;
const EVALUATED_FIELDS = 5;  // step, x, y, f, line-search trial
const DASHES = [[6, 4], [1.5, 3.5]];  // the first path dashed, the second dotted

// Path `path` of `paths` interleaved in `xy` (x, y of each path per point).
function strokeCompanion(ctx, map, xy, paths, path, style) {
  const stride = 2 * paths;
  const n = Math.floor(xy.length / stride);
  if (n < 2) return;
  const every = Math.max(1, Math.ceil(n / MAX_POINTS));
  const line = new Path2D();
  let open = false;
  for (let k = 0; ; k = Math.min(k + every, n - 1)) {
    const x = map.ax * xy[stride * k + 2 * path] + map.bx;
    const y = map.ay * xy[stride * k + 2 * path + 1] + map.by;
    const finite = Number.isFinite(x) && Number.isFinite(y);
    if (finite && open) line.lineTo(x, y);
    else if (finite) line.moveTo(x, y);
    open = finite;
    if (k === n - 1) break;
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = style.halo;
  ctx.lineWidth = 3.5;
  ctx.stroke(line);
  ctx.setLineDash(DASHES[path]);
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = 2;
  ctx.stroke(line);
  ctx.setLineDash([]);
}

function markEvaluated(ctx, layout, map, evaluated, style) {
  const rings = new Path2D();
  const ticks = new Path2D();
  for (let k = 0; k + EVALUATED_FIELDS <= evaluated.length; k += EVALUATED_FIELDS) {
    const x = map.ax * evaluated[k + 1] + map.bx;
    const y = map.ay * evaluated[k + 2] + map.by;
    if (!inPlot(layout, x, y, 4)) continue;
    if (evaluated[k + 4]) {
      ticks.moveTo(x - 3, y);
      ticks.lineTo(x + 3, y);
      ticks.moveTo(x, y - 3);
      ticks.lineTo(x, y + 3);
    } else {
      rings.moveTo(x + 3, y);
      rings.arc(x, y, 3, 0, 2 * Math.PI);
    }
  }
  for (const [path, width] of [[rings, 1.5], [ticks, 1.5]]) {
    ctx.strokeStyle = style.halo;
    ctx.lineWidth = width + 2;
    ctx.stroke(path);
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = width;
    ctx.stroke(path);
  }
}

/** Run `run`'s companion paths and evaluated points, if it has them (inside the plot clip). */
export function paintCompanions(ctx, layout, map, run, style) {
  const paths = run.info?.companion_labels?.length ?? 0;
  for (let path = 0; path < paths && run.companion?.length; ++path) strokeCompanion(ctx, map, run.companion, paths, path, style);
  if (run.evaluated?.length) markEvaluated(ctx, layout, map, run.evaluated, style);
}
