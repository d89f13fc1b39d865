// The animation export's options: the defaults, the size presets, each field's allowed range, the
// check of what the dialog holds (every bad value named with its field and range, never thrown),
// the frame plan (frame k shows step min(k · stepsPerFrame, N), k = 1 … ⌈N / stepsPerFrame⌉, then
// the last frame is held) and the choices remembered in localStorage.

export const FORMATS = { gif: 'GIF', webm: 'WebM (VP9)', mp4: 'MP4 (H.264)' };
export const EXTENSIONS = { gif: 'gif', webm: 'webm', mp4: 'mp4' };
export const SIZE_PRESETS = { '640x480': [640, 480], '800x600': [800, 600], '1200x675': [1200, 675] };
export const LIMITS = { pixels: [64, 3840], fps: [1, 60], hold: [0, 30], frames: 10000 };
export const DEFAULTS = {
  format: 'gif', size: '800x600', width: 800, height: 600, fps: 30, stepsPerFrame: 1, hold: 2,
  legend: true, counter: true, formula: false, theme: 'light',
};
const STORE_KEY = 'gradscape-animation';

const num = (value) => (typeof value === 'string' && value.trim() === '' ? NaN : Number(value));

/**
 * Checks raw dialog values against the run's `totalSteps`; pagePreset: whether the size 'page'
 * (the PNG export's own figure and size, its frame painter's) is offered. Returns
 * { options, errors: [{field, message}] }.
 */
export function checkOptions(raw, { totalSteps, pagePreset = false }) {
  const errors = [];
  const fail = (field, message) => errors.push({ field, message: `${field}: ${message}` });
  const options = { ...DEFAULTS, ...raw };
  if (!FORMATS[options.format]) fail('format', `must be one of ${Object.keys(FORMATS).join(', ')}, got ${options.format}`);
  let width;
  let height;
  if (options.size === 'custom') {
    [width, height] = [num(raw.width), num(raw.height)];
    const [lo, hi] = LIMITS.pixels;
    for (const [field, v] of [['width', width], ['height', height]]) {
      if (!(Number.isInteger(v) && v >= lo && v <= hi && v % 2 === 0)) fail(field, `must be an even number of pixels from ${lo} to ${hi}, got ${raw[field]}`);
    }
  } else if (options.size === 'page' && pagePreset) [width, height] = [null, null];
  else if (SIZE_PRESETS[options.size]) [width, height] = SIZE_PRESETS[options.size];
  else fail('size', `must be one of ${Object.keys(SIZE_PRESETS).join(', ')}, page or custom, got ${options.size}`);
  const fps = num(raw.fps ?? DEFAULTS.fps);
  if (!(Number.isInteger(fps) && fps >= LIMITS.fps[0] && fps <= LIMITS.fps[1])) fail('frames per second', `must be a whole number from ${LIMITS.fps[0]} to ${LIMITS.fps[1]}, got ${raw.fps}`);
  const maxSteps = Math.max(1, totalSteps);
  const spf = num(raw.stepsPerFrame ?? DEFAULTS.stepsPerFrame);
  if (!(Number.isInteger(spf) && spf >= 1 && spf <= maxSteps)) fail('steps per frame', `must be a whole number from 1 to ${maxSteps} (the run's steps), got ${raw.stepsPerFrame}`);
  else if (Math.ceil(totalSteps / spf) > LIMITS.frames) fail('steps per frame', `${totalSteps} steps at ${spf} per frame make ${Math.ceil(totalSteps / spf)} frames, more than ${LIMITS.frames}: take at least ${Math.ceil(totalSteps / LIMITS.frames)} per frame`);
  const hold = num(raw.hold ?? DEFAULTS.hold);
  if (!(Number.isFinite(hold) && hold >= LIMITS.hold[0] && hold <= LIMITS.hold[1])) fail('hold', `must be a number of seconds from ${LIMITS.hold[0]} to ${LIMITS.hold[1]}, got ${raw.hold}`);
  if (!['light', 'dark'].includes(options.theme)) fail('theme', `must be light or dark, got ${options.theme}`);
  return {
    options: { ...options, width, height, fps, stepsPerFrame: spf, hold, legend: !!options.legend, counter: !!options.counter, formula: !!options.formula },
    errors,
  };
}

/**
 * The frames of a clip of a run of `totalSteps`: the step each shows, the hold after the last
 * (whole frames at fps), the frame count with the hold and the clip's length in seconds.
 */
export function framePlan(totalSteps, { fps, stepsPerFrame, hold }) {
  const count = Math.max(1, Math.ceil(totalSteps / stepsPerFrame));
  const steps = Array.from({ length: count }, (_, k) => Math.min((k + 1) * stepsPerFrame, totalSteps));
  const holdFrames = Math.round(hold * fps);
  return { steps, holdFrames, holdMs: (holdFrames * 1000) / fps, frames: count + holdFrames, seconds: (count + holdFrames) / fps };
}

/** Steps per frame for a clip of about `seconds` at `fps` frames a second (the dialog's default: runs differ in length). */
export function clipStepsPerFrame(totalSteps, fps, seconds = 10) {
  const rate = Number.isFinite(+fps) && +fps > 0 ? +fps : DEFAULTS.fps;
  return Math.max(1, Math.ceil(totalSteps / (rate * seconds)));
}

/** The dialog's remembered choices (`defaults`, then DEFAULTS, for any missing or unreadable). */
export function loadChoices(defaults = {}) {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
    return { ...DEFAULTS, ...defaults, ...(saved && typeof saved === 'object' ? saved : {}) };
  } catch {
    return { ...DEFAULTS, ...defaults };
  }
}

export function saveChoices(choices) {
  // Steps per frame belongs to a run's length, not to the author's taste: not remembered.
  const { stepsPerFrame, ...kept } = choices;
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(kept));
  } catch {
    // A browser without storage (private mode) keeps the defaults next time.
  }
}
