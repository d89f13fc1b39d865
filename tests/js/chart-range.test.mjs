// The log-axis rules of web/lib/chart-range.mjs: gaps at 0, negatives and non-finite values; the
// floor FLOOR_DECADES below the top; the cap CAP_DECADES above the survivors when a run diverged;
// where a diverged run leaves the axis; the same cap on linear axes (CAP_SPANS); a chart's axes
// fitted (axes-fit.mjs); and the running maximum drawn for an oscillating bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAP_DECADES, CAP_SPANS, FLOOR_DECADES, divergedExit, dropBelow, linearAxisRange, logAxisRange, logValue, runningMax } from '../../web/lib/chart-range.mjs';
import { fitAxes } from '../../web/lib/axes-fit.mjs';

test('logValue: log10 of positive finite values, a gap (null) for 0, negatives, NaN and ±Infinity', () => {
  assert.equal(logValue(1000), 3);
  assert.equal(logValue(1e-36), -36);
  for (const v of [0, -0, -2, NaN, Infinity, -Infinity, null, undefined]) assert.equal(logValue(v), null, String(v));
});

test('logAxisRange: whole decades around the data, at least one; no data gives [-1, 1]', () => {
  assert.deepEqual(logAxisRange([{ values: [0.2, null, 3.5], diverged: false }]), { min: 0, max: 4, floor: 3.5 - FLOOR_DECADES, top: 3.5, capped: false });
  const flat = logAxisRange([{ values: [2, 2], diverged: false }]);
  assert.deepEqual([flat.min, flat.max], [2, 3]);
  const empty = logAxisRange([{ values: [null, null], diverged: false }]);
  assert.deepEqual([empty.min, empty.max, empty.capped], [-1, 1, false]);
});

test('logAxisRange: a value more than FLOOR_DECADES below the top (an underflowed 1e-36) does not stretch the axis', () => {
  const values = [0, -1, -2, -36, -3, null, -4].map((v) => v);
  const range = logAxisRange([{ values, diverged: false }]);
  assert.equal(range.max, 0);
  assert.equal(range.min, -4, 'the bottom is the lowest value within the floor, not −36');
  assert.deepEqual(dropBelow(values, range.floor), [0, -1, -2, null, -3, null, -4]);
  const near = logAxisRange([{ values: [0, -14.5], diverged: false }]);
  assert.equal(near.min, -15, 'a value within FLOOR_DECADES of the top is kept');
});

test('dropBelow: returns the same array when nothing is below the floor', () => {
  const values = [1, 2, null];
  assert.equal(dropBelow(values, 0), values);
  assert.deepEqual(dropBelow(Float64Array.from([1, -20, 3]), -10), [1, null, 3]);
});

test('logAxisRange: a diverged run caps the axis CAP_DECADES above the survivors', () => {
  const survivor = { values: [1, 0.5, 0, -1, -2], diverged: false };
  const diverged = { values: [1, 4, 20, 49], diverged: true };
  const range = logAxisRange([survivor, diverged]);
  assert.equal(range.capped, true);
  assert.equal(range.top, 1 + CAP_DECADES);
  assert.equal(range.max, 1 + CAP_DECADES);
  assert.equal(range.min, -2);
  const tame = logAxisRange([survivor, { values: [1, 2, 3], diverged: true }]);
  assert.equal(tame.capped, false, 'a diverged run that stays within the cap does not cap the axis');
  assert.equal(tame.max, 3);
  const alone = logAxisRange([diverged]);
  assert.equal(alone.capped, false, 'with no survivor the axis shows the whole divergence');
  assert.deepEqual([alone.min, alone.max], [1, 49], 'and all of its climb, from its first value');
  const notFlagged = logAxisRange([survivor, { ...diverged, diverged: false }]);
  assert.deepEqual([notFlagged.capped, notFlagged.top], [false, 49], 'only a run flagged as diverged is capped');
});

test('divergedExit: the x where a series crosses the top, interpolated; null if it stays inside', () => {
  const xs = [0, 1, 2, 3];
  assert.equal(divergedExit(xs, [0, 2, 6, 40], 4), 1.5);
  assert.equal(divergedExit(xs, [null, 9, 10, 11], 4), 1, 'above from its first point: that point');
  assert.equal(divergedExit(xs, [0, null, 8, 9], 4), 1, 'a gap before the crossing: from the last point drawn');
  assert.equal(divergedExit(xs, [0, 1, 2, 4], 4), null);
  assert.equal(divergedExit(xs, [], 4), null);
});

test('runningMax: the upper envelope of a sawtooth is monotone, at least the values, NaN at gaps', () => {
  const saw = Float64Array.from({ length: 30 }, (_, t) => (t + 1) * (t % 3 === 0 ? 3 : 1));
  const env = runningMax(saw);
  for (let t = 0; t < saw.length; ++t) {
    assert.ok(env[t] >= saw[t]);
    if (t) assert.ok(env[t] >= env[t - 1]);
  }
  assert.equal(env[29], 28 * 3);
  assert.deepEqual(Array.from(runningMax([1, NaN, 0.5, Infinity, 2])), [1, NaN, 1, NaN, 2]);
});

test('linearAxisRange: a diverged run caps a linear axis CAP_SPANS times the survivors\' span beyond them, at either end', () => {
  const survivor = { values: [1, 0, -5, -9], diverged: false };
  const up = linearAxisRange([survivor, { values: [1, 30, 5e23], diverged: true }]);
  const span = 10;
  assert.equal(up.capped, true);
  assert.equal(up.cappedBelow, false);
  assert.ok(Math.abs(up.max - (1 + CAP_SPANS * span + 0.05 * (1 + CAP_SPANS * span + 9))) < 1e-9, `top ${up.max}`);
  assert.ok(up.min < -9 && up.min > -11);
  const down = linearAxisRange([survivor, { values: [1, -40, -1e30], diverged: true }]);
  assert.deepEqual([down.capped, down.cappedBelow], [false, true]);
  assert.ok(down.min > -9 - CAP_SPANS * span - 2);
  assert.equal(linearAxisRange([survivor, { values: [1, 5], diverged: true }]), null, 'within the cap: the chart\'s own range');
  assert.equal(linearAxisRange([survivor]), null, 'no diverged run: the chart\'s own range');
  assert.equal(linearAxisRange([{ values: [1, 1e30], diverged: true }]), null, 'no survivor: the whole divergence');
});

test('fitAxes: ranges per axis, floors as gaps on log axes, arrows up or down where diverged runs leave', () => {
  const xs = [0, 1, 2, 3];
  const model = {
    y: [{ key: 'y', log: true }, { key: 'lin', log: false }],
    series: [
      { scale: 'y', show: true, diverged: '', color: '#111' },
      { scale: 'y', show: true, diverged: 'diverged at step 3', color: '#222' },
      { scale: 'lin', show: true, diverged: '', color: '#333' },
      { scale: 'lin', show: true, diverged: 'diverged at step 2', color: '#444' },
      { scale: 'lin', show: false, diverged: 'diverged at step 1', color: '#555' },
    ],
  };
  const columns = [xs, [0, -1, -30, -2], [0, 2, 9, 40], [1, 0, -1, -2], [0, -3, -1e9, null], [0, 1e9, 1e9, null]];
  const { data, ranges, arrows } = fitAxes(model, columns);
  assert.deepEqual(data[1], [0, -1, null, -2], 'a value 30 decades down is a gap');
  assert.equal(data[2], columns[2]);
  assert.equal(ranges.y.max, CAP_DECADES);
  assert.equal(ranges.lin.cappedBelow, true);
  assert.equal(ranges.lin.capped, false, 'a hidden series does not cap the axis');
  assert.deepEqual(arrows.map((a) => [a.scale, a.color, a.text, a.down]), [
    ['y', '#222', 'diverged at step 3', false],
    ['lin', '#444', 'diverged at step 2', true],
  ]);
  assert.ok(arrows[0].x > 1 && arrows[0].x < 2);
  assert.ok(arrows[1].x > 0 && arrows[1].x < 2);
});
