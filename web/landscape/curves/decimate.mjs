// Min/max decimation of per-point quantities, at most one bucket per pixel column. Points are
// folded once into min/max buckets of 2^k points, buckets merge pairwise when a run outgrows the
// width, and each frame writes only the bucket arrays that uPlot draws, so update() can run once
// per animation frame.
import { shown } from './log-axis.mjs';

// Min/max of one per-point quantity over buckets of 2^shift consecutive points, with where each
// extreme occurred, so a bucket draws its two extremes in time order. Non-finite values are gaps.
// write() rewrites only the buckets changed since its last write into the same array.
class Buckets {
  constructor() {
    this.clear();
  }

  clear() {
    this.n = 0;
    this.lo = new Float64Array(256);
    this.hi = new Float64Array(256);
    this.loAt = new Float64Array(256);
    this.hiAt = new Float64Array(256);
    this.last = NaN;
    this.lastAt = -1;
    this.min = Infinity;
    this.dirty = 0;
    this.written = null;
  }

  #reserve(n) {
    if (n <= this.lo.length) return;
    const cap = Math.max(n, 2 * this.lo.length);
    for (const key of ['lo', 'hi', 'loAt', 'hiAt']) {
      const grown = new Float64Array(cap);
      grown.set(this[key]);
      this[key] = grown;
    }
  }

  #open(b) {
    this.#reserve(b + 1);
    for (let k = this.n; k <= b; ++k) {
      this.lo[k] = NaN;
      this.hi[k] = NaN;
    }
    this.n = b + 1;
  }

  add(b, i, v) {
    if (b >= this.n) this.#open(b);
    if (b < this.dirty) this.dirty = b;
    if (!Number.isFinite(v)) return;
    this.last = v;
    this.lastAt = i;
    if (v < this.min) this.min = v;
    if (!(this.lo[b] <= v)) {
      this.lo[b] = v;
      this.loAt[b] = i;
    }
    if (!(this.hi[b] >= v)) {
      this.hi[b] = v;
      this.hiAt[b] = i;
    }
  }

  // Doubles the bucket size: bucket k becomes the union of buckets 2k and 2k + 1.
  halve() {
    const n = Math.ceil(this.n / 2);
    for (let k = 0; k < n; ++k) {
      const a = 2 * k;
      const b = a + 1;
      let [lo, loAt, hi, hiAt] = [this.lo[a], this.loAt[a], this.hi[a], this.hiAt[a]];
      if (b < this.n) {
        if (this.lo[b] < lo || lo !== lo) [lo, loAt] = [this.lo[b], this.loAt[b]];
        if (this.hi[b] > hi || hi !== hi) [hi, hiAt] = [this.hi[b], this.hiAt[b]];
      }
      [this.lo[k], this.loAt[k], this.hi[k], this.hiAt[k]] = [lo, loAt, hi, hiAt];
    }
    this.n = n;
    this.dirty = 0;
  }

  // Writes `buckets` buckets into ys (one value each, or both extremes in time order when
  // `two`), minus `offset`, through shown().
  write(ys, buckets, two, log, offset = 0) {
    const w = this.written;
    const same = w && ys.owner === this && w.two === two && w.log === log && w.offset === offset;
    const from = same ? Math.min(this.dirty, w.buckets, buckets) : 0;
    let j = two ? 2 * from : from;
    for (let k = from; k < buckets; ++k) {
      const have = k < this.n && this.lo[k] === this.lo[k];
      if (!two) {
        ys[j++] = have ? shown(this.lo[k] - offset, log) : null;
      } else if (!have) {
        ys[j++] = null;
        ys[j++] = null;
      } else {
        const loFirst = this.loAt[k] <= this.hiAt[k];
        ys[j++] = shown((loFirst ? this.lo[k] : this.hi[k]) - offset, log);
        ys[j++] = shown((loFirst ? this.hi[k] : this.lo[k]) - offset, log);
      }
    }
    ys.length = j;
    ys.owner = this;
    this.written = { two, log, offset, buckets };
    this.dirty = this.n;
  }
}

// Quantities of one run filled together by fill(i, out), so one that costs an engine call per
// point (the step bounds) is computed once per point, and decimated at a shared bucket size.
export class TrackGroup {
  constructor(channels, fill) {
    this.channels = Array.from({ length: channels }, () => new Buckets());
    this.out = new Float64Array(channels);
    this.fill = fill;
    this.count = 0;
    this.shift = 0;
  }

  reset() {
    this.count = 0;
    this.shift = 0;
    for (const c of this.channels) c.clear();
  }

  sync(points, shift) {
    if (shift < this.shift) this.reset();
    for (; this.shift < shift; this.shift += 1) for (const c of this.channels) c.halve();
    const { out, channels } = this;
    for (let i = this.count; i < points; ++i) {
      out.fill(NaN);
      this.fill(i, out);
      const b = i >> this.shift;
      for (let c = 0; c < channels.length; ++c) channels[c].add(b, i, out[c]);
    }
    if (points > this.count) this.count = points;
  }
}

// The smallest power-of-two bucket size (as a shift) that fits `points` into `columns` buckets.
function shiftFor(points, columns) {
  let shift = 0;
  while (Math.ceil(points / 2 ** shift) > columns) shift += 1;
  return shift;
}

// Decimates the given groups of the given runs at one bucket size and writes the shared x array.
// Returns { buckets, two } for Buckets.write.
export function decimate(chart, entries, columns) {
  const points = Math.max(1, ...entries.map(([run]) => run.points));
  let shift = shiftFor(points, columns);
  for (const [run, group] of entries) if (!run.canSync(group)) shift = Math.max(shift, group.shift);
  for (const [run, group] of entries) if (run.canSync(group)) group.sync(run.points, shift);
  const size = 2 ** shift;
  const buckets = Math.ceil(points / size);
  const two = shift > 0;
  const xs = chart.column(0);
  let j = 0;
  for (let k = 0; k < buckets; ++k) {
    xs[j++] = k * size;
    if (two) xs[j++] = Math.min(k * size + size / 2, points - 1);
  }
  xs.length = j;
  chart.xMax = Math.max(chart.totalSteps ?? points - 1, 1);
  return { buckets, two };
}
