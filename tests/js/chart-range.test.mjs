// The log-axis rules of web/lib/chart-range.mjs: gaps at 0, negatives and non-finite values; the
// floor FLOOR_DECADES below the top; the cap CAP_DECADES above the survivors when a run diverged;
// where a diverged run leaves the axis; and the running maximum drawn for an oscillating bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAP_DECADES, FLOOR_DECADES, divergedExit, dropBelow, logAxisRange, logValue, runningMax } from '../../web/lib/chart-range.mjs';

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
