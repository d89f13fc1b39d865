// The Export → Animation dialog (a modal <dialog>: focus stays inside, Esc cancels): format (GIF,
// WebM, MP4; a video format the browser cannot encode is disabled with the reason), size (presets,
// the PNG export's figure, or custom), frames per second, steps per frame, the hold at the end, what
// to show (legend, step counter, formula panel), theme; the clip's frame count and length live; a
// <progress> bar while it records, and Cancel, which stops the encoder and downloads nothing.
// The choices are remembered (the theme is the page's until one is chosen); the file is named
// gradscape-<name>.<format>.
import { saveFile } from '../download.mjs';
import { recordAnimation } from './driver.mjs';
import { videoSupport } from './codecs.mjs';
import { EXTENSIONS, FORMATS, SIZE_PRESETS, checkOptions, clipStepsPerFrame, framePlan, loadChoices, saveChoices } from './options.mjs';
import './animation.css';

const FIELDS = ['format', 'size', 'width', 'height', 'fps', 'stepsPerFrame', 'hold', 'legend', 'counter', 'formula', 'theme'];
// The input of each field a message names.
const INPUT_OF = { 'frames per second': 'fps', 'steps per frame': 'stepsPerFrame' };
const PHASES = { palette: 'Choosing the palette', frames: 'Frame', finishing: 'Writing the file' };

const TEMPLATE = `
<form method="dialog" class="anim-form" novalidate>
  <h2 id="anim-title">Export animation</h2>
  <div class="anim-grid">
    <label for="anim-format">Format</label>
    <div><select id="anim-format" name="format"></select><p id="anim-format-note" class="anim-note" hidden></p></div>
    <label for="anim-size">Size</label>
    <div>
      <select id="anim-size" name="size"></select>
      <span class="anim-custom" hidden>
        <label>Width <input id="anim-width" name="width" type="number" inputmode="numeric" min="64" max="3840" step="2"></label>
        <label>Height <input id="anim-height" name="height" type="number" inputmode="numeric" min="64" max="3840" step="2"></label>
      </span>
    </div>
    <label for="anim-fps">Frames per second</label>
    <input id="anim-fps" name="fps" type="number" inputmode="numeric" min="1" max="60" step="1">
    <label for="anim-spf">Steps per frame</label>
    <input id="anim-spf" name="stepsPerFrame" type="number" inputmode="numeric" min="1" step="1">
    <label for="anim-hold">Hold at the end (s)</label>
    <input id="anim-hold" name="hold" type="number" inputmode="decimal" min="0" max="30" step="0.5">
    <span class="anim-label" id="anim-show-label">Show</span>
    <div class="anim-checks" role="group" aria-labelledby="anim-show-label">
      <label><input type="checkbox" name="legend"> Legend</label>
      <label><input type="checkbox" name="counter"> Step counter</label>
      <label><input type="checkbox" name="formula"> Formula panel</label>
    </div>
    <label for="anim-theme">Theme</label>
    <select id="anim-theme" name="theme"><option value="light">Light</option><option value="dark">Dark</option></select>
  </div>
  <p class="anim-summary" aria-live="polite"></p>
  <ul class="anim-errors" role="alert"></ul>
  <div class="anim-progress" hidden>
    <progress max="1" value="0" aria-labelledby="anim-status"></progress>
    <span id="anim-status" aria-live="polite"></span>
  </div>
  <div class="anim-buttons">
    <button type="button" class="anim-cancel">Cancel</button>
    <button type="submit" class="primary anim-go">Export</button>
  </div>
</form>`;

const $ = (root, selector) => root.querySelector(selector);

function buildDialog() {
  const dialog = document.createElement('dialog');
  dialog.className = 'anim-dialog';
  dialog.setAttribute('aria-labelledby', 'anim-title');
  dialog.innerHTML = TEMPLATE;
  document.body.append(dialog);
  return dialog;
}

/**
 * Opens the dialog for `source` (driver.mjs's frame source with totalSteps) of the lab named
 * `name` (the file's name); pagePreset: whether to offer the PNG export's own figure and size;
 * formula: whether the lab has a formula panel to draw.
 */
export async function openAnimationDialog({ source, name, pagePreset = false, formula = true }) {
  const dialog = document.querySelector('dialog.anim-dialog') ?? buildDialog();
  const form = $(dialog, 'form');
  const field = (n) => form.elements[n];
  const choices = loadChoices({ theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light' });
  choices.stepsPerFrame = clipStepsPerFrame(source.totalSteps, choices.fps);
  const support = await videoSupport();

  const formatSelect = field('format');
  formatSelect.replaceChildren(...Object.entries(FORMATS).map(([value, label]) => {
    const reason = support[value];
    const option = new Option(reason ? `${label} — unavailable` : label, value);
    option.disabled = !!reason;
    if (reason) option.title = reason;
    return option;
  }));
  const reasons = Object.entries(support).filter(([, r]) => r).map(([f, r]) => `${FORMATS[f]}: ${r}`);
  $(dialog, '#anim-format-note').hidden = !reasons.length;
  $(dialog, '#anim-format-note').textContent = reasons.join(' ');
  const sizeSelect = field('size');
  sizeSelect.replaceChildren(
    ...Object.entries(SIZE_PRESETS).map(([value, [w, h]]) => new Option(`${w} × ${h}`, value)),
    ...(pagePreset ? [new Option('As the surface PNG (its layout, 2×)', 'page')] : []),
    new Option('Custom…', 'custom'),
  );
  field('formula').disabled = !formula;
  field('formula').closest('label').hidden = !formula;

  for (const n of FIELDS) {
    const input = field(n);
    if (input.type === 'checkbox') input.checked = !!choices[n];
    else input.value = String(choices[n]);
  }
  if (support[choices.format]) formatSelect.value = 'gif';
  if (!sizeSelect.value) sizeSelect.value = '800x600';

  const raw = () => Object.fromEntries(FIELDS.map((n) => [n, field(n).type === 'checkbox' ? field(n).checked : field(n).value]));
  const check = () => checkOptions(raw(), { totalSteps: source.totalSteps, pagePreset });
  const summary = $(dialog, '.anim-summary');
  const errorList = $(dialog, '.anim-errors');
  const showState = () => {
    $(dialog, '.anim-custom').hidden = sizeSelect.value !== 'custom';
    const { options, errors } = check();
    errorList.replaceChildren(...errors.map((e) => Object.assign(document.createElement('li'), { textContent: e.message })));
    for (const n of FIELDS) field(n).removeAttribute('aria-invalid');
    for (const e of errors) field(INPUT_OF[e.field] ?? e.field)?.setAttribute('aria-invalid', 'true');
    if (errors.length) {
      summary.textContent = '';
      return;
    }
    const plan = framePlan(source.totalSteps, options);
    summary.textContent = `${plan.frames} frames (${plan.steps.length} + ${plan.holdFrames} held), ${plan.seconds.toFixed(1)} s at ${options.fps} fps, ${options.size === 'page' ? 'the surface PNG\'s size' : `${options.width} × ${options.height}`}`;
  };
  form.oninput = showState;
  form.onchange = showState;
  showState();

  const progress = $(dialog, 'progress');
  const status = $(dialog, '#anim-status');
  let controller = null;
  const setRunning = (running) => {
    $(dialog, '.anim-progress').hidden = !running && !status.textContent;
    $(dialog, '.anim-go').disabled = running;
    for (const input of form.querySelectorAll('.anim-grid :is(input, select)')) input.disabled = running || (input.name === 'formula' && !formula);
  };
  const cancel = () => {
    if (controller) controller.abort();
    else dialog.close();
  };
  $(dialog, '.anim-cancel').onclick = cancel;
  dialog.oncancel = (event) => {
    if (!controller) return;
    event.preventDefault();
    controller.abort();
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    if (controller) return;
    const { options, errors } = check();
    if (errors.length) {
      showState();
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    saveChoices(raw());
    controller = new AbortController();
    status.textContent = 'Starting…';
    progress.value = 0;
    setRunning(true);
    try {
      const result = await recordAnimation({
        source, options, signal: controller.signal,
        onProgress: ({ phase, done, total }) => {
          progress.value = phase === 'frames' ? done / total : phase === 'finishing' ? 1 : 0;
          status.textContent = phase === 'frames' ? `${PHASES.frames} ${done} of ${total}` : `${PHASES[phase]}…`;
        },
      });
      saveFile(`gradscape-${name}.${EXTENSIONS[options.format]}`, result.blob);
      status.textContent = `Saved gradscape-${name}.${EXTENSIONS[options.format]} (${(result.blob.size / 1024).toFixed(0)} KB).`;
      document.dispatchEvent(new CustomEvent('gradscape:animation', { detail: { format: options.format, bytes: result.blob.size, frames: result.frames, timings: result.timings } }));
    } catch (error) {
      status.textContent = error.name === 'AbortError' ? 'Cancelled: nothing was saved.' : `Export failed: ${error.message}`;
    } finally {
      controller = null;
      setRunning(false);
    }
  };
  status.textContent = '';
  setRunning(false);
  if (!dialog.open) dialog.showModal();
  formatSelect.focus();
  return dialog;
}

