// The race lab's animation frame source (lib/animation/driver.mjs): the surface of the shown race
// with its held-out paths and its tuning and held-out starts (PathsView), frame k drawing every run
// as it was after step s: its first s + 1 points, and its ✕ once it has diverged. The runs are
// whole already (gs.run), so nothing is rerun and the page is left as it is.
import { stepStamp } from '../lib/canvas-png.mjs';

/** A run as it was after `step` steps. */
function runAt(run, step) {
  const points = run.xy.length / 2;
  const m = Math.min(step, points - 1);
  const diverged = run.status?.status === 'diverged' && (run.status.diverged_at ?? points - 1) <= step;
  return {
    ...run,
    xy: run.xy.subarray(0, 2 * (m + 1)),
    loss: run.loss.subarray(0, m + 1),
    status: diverged || step >= points - 1 ? run.status : { status: 'running' },
  };
}

/** paths(): the results view's PathsView (null before a race has run). */
export function raceAnimation(paths) {
  const shown = () => {
    const runs = paths()?.shownRuns ?? [];
    if (!runs.length) throw new Error('no race has drawn its paths yet');
    return runs;
  };
  return {
    get totalSteps() {
      const runs = paths()?.shownRuns ?? [];
      return runs.length ? Math.max(...runs.map((r) => r.xy.length / 2 - 1)) : 0;
    },
    get name() { return `race-${paths()?.objectiveName ?? 'paths'}`; },
    async open({ size, width, height, theme, legend, counter }) {
      const runs = shown();
      const total = this.totalSteps;
      const view = paths();
      const painter = await view.surface.framePainter({
        size: size === 'page' ? null : { width, height }, theme, legend, finalRuns: runs,
        decorate: (ctx, plot, box) => view.paintStarts(ctx, plot, box),
      });
      if (!painter) throw new Error('the surface is not drawn yet');
      return {
        width: painter.width,
        height: painter.height,
        paint: (step) => painter.paint(runs.map((run) => runAt(run, step)), counter ? stepStamp(step, total) : undefined),
        close: () => {},
      };
    },
  };
}
