// The animation export's driver: paints each frame of the plan with the lab's frame source, hands
// its pixels to the encoder worker (transferred, at most two frames in flight: the worker's
// 'encoded' answers are the backpressure), reports progress and returns the file as a Blob. For a
// GIF it first paints a sample of frames across the whole clip, from which the worker quantises the
// one palette. Aborting `signal` terminates the worker at once and rejects with an AbortError; the
// source is closed (the page put back as it was) however the export ends.
import { framePlan } from './options.mjs';

const IN_FLIGHT = 2;
const SAMPLE_FRAMES = 6;
const SAMPLE_STRIDE = 3;

/** A sample of every SAMPLE_STRIDE-th pixel of ImageData `image` (RGBA bytes). */
function samplePixels(image) {
  const src = new Uint32Array(image.data.buffer);
  const out = new Uint32Array(Math.ceil(src.length / SAMPLE_STRIDE));
  for (let i = 0, j = 0; i < src.length; i += SAMPLE_STRIDE, ++j) out[j] = src[i];
  return new Uint8Array(out.buffer);
}

/** The steps of up to SAMPLE_FRAMES frames spread across the plan, always with the last. */
function sampleSteps(steps) {
  const n = Math.min(SAMPLE_FRAMES, steps.length);
  return [...new Set(Array.from({ length: n }, (_, i) => steps[Math.round(((i + 1) * (steps.length - 1)) / n)]))];
}

// The worker's answers as promises: next() resolves with the next message, rejects on an error
// message, a worker failure or the abort.
function inbox(worker, signal) {
  const queue = [];
  const waiting = [];
  let failure = null;
  const settle = () => {
    while (waiting.length && (queue.length || failure)) {
      const { resolve, reject } = waiting.shift();
      if (failure) reject(failure);
      else resolve(queue.shift());
    }
  };
  const fail = (error) => {
    failure ??= error;
    settle();
  };
  worker.onmessage = ({ data }) => {
    if (data.type === 'error') fail(new Error(`the encoder failed: ${data.message}`));
    else queue.push(data);
    settle();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`the encoder failed: ${event.message || 'its worker did not start'}`));
  };
  signal.addEventListener('abort', () => fail(new DOMException('the export was cancelled', 'AbortError')), { once: true });
  return {
    next: () => new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      settle();
    }),
    check: () => {
      if (failure) throw failure;
    },
  };
}

async function expect(mail, type) {
  const message = await mail.next();
  if (message.type !== type) throw new Error(`the encoder answered ${message.type}, not ${type}`);
  return message;
}

// Lets the page breathe (paint the progress bar, take the Cancel click) between frames.
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Records the clip: `source` { totalSteps, open(options) → frames { width, height, paint(step) →
 * ImageData, close() } }, `options` as checkOptions returns them; onProgress({ phase, done, total }).
 * Returns { blob, frames, width, height, timings: { paint, wait, total } in ms }.
 */
export async function recordAnimation({ source, options, signal, onProgress = () => {} }) {
  const t0 = performance.now();
  signal.throwIfAborted();
  const plan = framePlan(source.totalSteps, options);
  const frames = await source.open(options);
  const worker = new Worker(new URL('./encode-worker.mjs', import.meta.url), { type: 'module' });
  const stop = () => worker.terminate();
  signal.addEventListener('abort', stop, { once: true });
  const mail = inbox(worker, signal);
  const timings = { paint: 0, wait: 0, sample: 0 };
  const paint = (step) => {
    const t = performance.now();
    const image = frames.paint(step);
    timings.paint += performance.now() - t;
    return image;
  };
  try {
    const { width, height } = frames;
    const start = { type: 'start', format: options.format, width, height, fps: options.fps };
    if (options.format === 'gif') {
      const t = performance.now();
      const picks = sampleSteps(plan.steps);
      const parts = [];
      for (const [i, step] of picks.entries()) {
        onProgress({ phase: 'palette', done: i, total: picks.length });
        parts.push(samplePixels(paint(step)));
        await breathe();
        signal.throwIfAborted();
      }
      const sample = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (sample.set(p, at), at + p.length), 0);
      start.sample = sample.buffer;
      timings.sample = performance.now() - t;
    }
    worker.postMessage(start, start.sample ? [start.sample] : []);
    await expect(mail, 'ready');
    let inFlight = 0;
    for (const [k, step] of plan.steps.entries()) {
      mail.check();
      const image = paint(step);
      const last = k === plan.steps.length - 1;
      worker.postMessage({ type: 'frame', index: k, rgba: image.data.buffer, holdMs: last ? plan.holdMs : 0 }, [image.data.buffer]);
      inFlight += 1;
      const t = performance.now();
      while (inFlight >= IN_FLIGHT) {
        await expect(mail, 'encoded');
        inFlight -= 1;
      }
      timings.wait += performance.now() - t;
      onProgress({ phase: 'frames', done: k + 1, total: plan.steps.length });
      if (k % 4 === 3) await breathe();
      signal.throwIfAborted();
    }
    for (; inFlight > 0; --inFlight) await expect(mail, 'encoded');
    onProgress({ phase: 'finishing', done: plan.steps.length, total: plan.steps.length });
    worker.postMessage({ type: 'finish' });
    const done = await expect(mail, 'done');
    signal.throwIfAborted();
    return {
      blob: new Blob([done.bytes], { type: done.mime }), frames: plan.frames, width, height,
      timings: { ...timings, total: performance.now() - t0 },
    };
  } finally {
    signal.removeEventListener('abort', stop);
    worker.terminate();
    frames.close();
  }
}
