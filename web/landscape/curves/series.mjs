// The runs as the curves see them: each run's arrays of the latest update(), the quantities
// plotted from them (loss; step size |Δ_t|∞ with the Adam family's bounds; per coordinate the
// effective learning rate |Δθ_i|/|g_i|, the moments and, for an optimizer with a curve, that scalar
// and its true value: Prodigy's d_k and ‖x₀ − x*‖), each decimated (decimate.mjs), and the marks of
// a diverged run.
import { TrackGroup } from './decimate.mjs';

const DIAG = 7; // gx, gy, lr_t, first_x, first_y, second_x, second_y per point
const EMPTY = new Float64Array(0);

// One run as the curves see it: the arrays of the latest update() and its decimated quantities.
export class RunData {
  constructor() {
    this.groups = {
      loss: new TrackGroup(1, (i, out) => this.#fillLoss(i, out)),
      step: new TrackGroup(3, (i, out) => this.#fillStep(i, out)),
      coords: new TrackGroup(8, (i, out) => this.#fillCoords(i, out)),
    };
    this.optimizer = null;
    this.specKey = '';
    this.loss = EMPTY;
    this.seen = 0;
    this.mark = NaN;
  }

  // Takes the run's arrays; forgets the decimated past when the run is not the one seen before
  // (another optimizer, fewer points, or a different loss at the last point already folded in).
  bind(run, stepBounds) {
    if (!this.#continues(run)) for (const g of Object.values(this.groups)) g.reset();
    if (run.optimizer !== this.optimizer) {
      this.optimizer = run.optimizer;
      this.specKey = JSON.stringify(run.optimizer ?? null);
    }
    Object.assign(this, {
      info: run.info ?? null,
      label: run.label ?? run.displayName ?? 'run',
      displayName: run.displayName ?? run.optimizer?.name ?? 'this optimizer',
      color: run.color ?? '#888',
      dash: run.dash ?? null,
      status: run.status ?? { status: 'ok' },
      loss: run.loss ?? EMPTY,
      xy: run.xy ?? EMPTY,
      diag: run.diagnostics ?? EMPTY,
      curve: run.curve ?? EMPTY,
      curveReference: run.curveReference ?? NaN,
      stepBounds,
    });
    this.adam = Boolean(run.info?.adam_step_bound) && typeof stepBounds === 'function';
    this.sqrtSecond = run.info?.second_moment_root ?? true;
  }

  #continues(run) {
    if (run.optimizer !== this.optimizer && JSON.stringify(run.optimizer ?? null) !== this.specKey) return false;
    const loss = run.loss ?? EMPTY;
    return loss.length >= this.seen && (this.seen === 0 || Object.is(loss[this.seen - 1], this.mark));
  }

  // Notes how far the groups have folded in the run and its loss there, for #continues.
  remember() {
    this.seen = Math.max(...Object.values(this.groups).map((g) => g.count));
    this.mark = this.seen > 0 ? this.loss[this.seen - 1] : NaN;
  }

  get points() {
    return this.loss.length;
  }

  get diverged() {
    return this.status?.status === 'diverged';
  }

  get hasDiagnostics() {
    return this.diag.length >= DIAG * this.points && this.points > 0;
  }

  // A group can be (re)decimated only while its arrays still hold what it has folded in (a view
  // into wasm memory reads as empty once the memory has grown).
  canSync(group) {
    return this.points >= group.count;
  }

  #fillLoss(i, out) {
    out[0] = this.loss[i];
  }

  #fillStep(i, out) {
    if (i === 0) return;
    const xy = this.xy;
    out[0] = Math.max(Math.abs(xy[2 * i] - xy[2 * i - 2]), Math.abs(xy[2 * i + 1] - xy[2 * i - 1]));
    const lr = this.diag[DIAG * i + 2];
    if (!this.adam || !Number.isFinite(lr)) return;
    const bounds = this.stepBounds({ lr, beta1: this.optimizer.beta1, beta2: this.optimizer.beta2, t: i });
    out[1] = bounds.paper;
    out[2] = bounds.exact;
  }

  #fillCoords(i, out) {
    const d = this.diag;
    const k = DIAG * i;
    if (i === 0 || k + DIAG > d.length) return;
    const xy = this.xy;
    out[0] = d[k] !== 0 ? Math.abs(xy[2 * i] - xy[2 * i - 2]) / Math.abs(d[k]) : NaN;
    out[1] = d[k + 1] !== 0 ? Math.abs(xy[2 * i + 1] - xy[2 * i - 1]) / Math.abs(d[k + 1]) : NaN;
    out[2] = Math.abs(d[k + 3]);
    out[3] = Math.abs(d[k + 4]);
    out[4] = this.sqrtSecond ? Math.sqrt(d[k + 5]) : d[k + 5];
    out[5] = this.sqrtSecond ? Math.sqrt(d[k + 6]) : d[k + 6];
    out[6] = i < this.curve.length ? this.curve[i] : NaN;
    out[7] = this.curveReference;
  }
}

// The marker at a diverged run's last point, when the channel has a value there and the run is
// shown: { x, y, scale, color } for the chart's draw hook and the SVG export.
export function lastMarker(run, channel, scale, offset = 0) {
  if (!run.diverged || run.hidden || channel.lastAt !== run.points - 1) return null;
  return { x: channel.lastAt, y: channel.last - offset, scale, color: run.color };
}

// The legend note of a diverged run, also the label of its arrow off the top of a capped axis:
// where it diverged ('' for a run that did not).
export function divergedNote(run) {
  return run.diverged ? `diverged at step ${run.status.diverged_at}` : '';
}
