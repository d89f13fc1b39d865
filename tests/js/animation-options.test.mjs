// The animation export's options and frame plan (web/lib/animation/options.mjs): each bad value
// named with its field and allowed range, the presets' sizes, and frame k showing step
// min(k · steps per frame, N) with the hold in whole frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOptions, framePlan } from '../../web/lib/animation/options.mjs';

test('checkOptions: presets, custom sizes and every bad value with its field and range', () => {
  const ok = checkOptions({ format: 'mp4', size: '1200x675', fps: '24', stepsPerFrame: '3', hold: '1.5', theme: 'dark' }, { totalSteps: 300 });
  assert.deepEqual(ok.errors, []);
  assert.deepEqual([ok.options.width, ok.options.height, ok.options.fps, ok.options.stepsPerFrame, ok.options.hold], [1200, 675, 24, 3, 1.5]);
  const bad = checkOptions({ format: 'avi', size: 'custom', width: '50', height: '', fps: '61', stepsPerFrame: '1.5', hold: 'x', theme: 'blue' }, { totalSteps: 300 });
  assert.deepEqual(bad.errors.map((e) => e.message), [
    'format: must be one of gif, webm, mp4, got avi',
    'width: must be an even number of pixels from 64 to 3840, got 50',
    'height: must be an even number of pixels from 64 to 3840, got ',
    'frames per second: must be a whole number from 1 to 60, got 61',
    "steps per frame: must be a whole number from 1 to 300 (the run's steps), got 1.5",
    'hold: must be a number of seconds from 0 to 30, got x',
    'theme: must be light or dark, got blue',
  ]);
  assert.deepEqual(checkOptions({ size: 'page', stepsPerFrame: 1 }, { totalSteps: 10 }).errors.map((e) => e.field), ['size'], 'no page size where the lab offers none');
  assert.deepEqual(checkOptions({ size: 'page', stepsPerFrame: 1 }, { totalSteps: 10, pagePreset: true }).errors, []);
  assert.match(checkOptions({ stepsPerFrame: 1 }, { totalSteps: 20000 }).errors[0].message, /^steps per frame: 20000 steps at 1 per frame make 20000 frames, more than 10000: take at least 2 per frame$/);
});

test('framePlan: frame k shows step min(k · steps per frame, N); the hold in whole frames', () => {
  assert.deepEqual(framePlan(300, { fps: 10, stepsPerFrame: 50, hold: 1 }), { steps: [50, 100, 150, 200, 250, 300], holdFrames: 10, holdMs: 1000, frames: 16, seconds: 1.6 });
  const uneven = framePlan(7, { fps: 30, stepsPerFrame: 3, hold: 0.05 });
  assert.deepEqual(uneven.steps, [3, 6, 7]);
  assert.equal(uneven.holdFrames, 2);
});

test('the dialog\'s default steps per frame makes a clip of about 10 s, whatever the run\'s length', async () => {
  const { clipStepsPerFrame } = await import('../../web/lib/animation/options.mjs');
  assert.deepEqual([clipStepsPerFrame(300, 30), clipStepsPerFrame(1000, 30), clipStepsPerFrame(1000, 20), clipStepsPerFrame(50, 30)], [1, 4, 5, 1]);
  assert.equal(framePlan(1000, { fps: 30, stepsPerFrame: clipStepsPerFrame(1000, 30), hold: 0 }).seconds, 250 / 30);
});
