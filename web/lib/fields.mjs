// Form fields generated from the registry's hyperparameter metadata: a slider on the registry's
// slider range and scale (linear, log, or log of 1 − x for β close to 1) beside a number field
// that accepts any value; booleans as checkboxes; a choice between names as a select. Each field carries data-field = its config path
// (e.g. "optimizers[1].lr") so an engine error naming that path is shown right under it.
const SLIDER_STEPS = 1000;
// A longer label (tolerance_change, pullback_momentum) gets a line of its own above its control.
const LABEL_CHARACTERS = 15;

function toUnit(h, v) {
  const lo = h.slider_min;
  const hi = h.slider_max;
  let u;
  if (h.scale === 'log') u = Math.log(v / lo) / Math.log(hi / lo);
  else if (h.scale === 'log1m') u = Math.log((1 - v) / (1 - lo)) / Math.log((1 - hi) / (1 - lo));
  else u = (v - lo) / (hi - lo);
  return Number.isFinite(u) ? Math.min(Math.max(u, 0), 1) : 0;
}

function fromUnit(h, u) {
  const lo = h.slider_min;
  const hi = h.slider_max;
  let v;
  if (h.scale === 'log') v = lo * (hi / lo) ** u;
  else if (h.scale === 'log1m') v = 1 - (1 - lo) * ((1 - hi) / (1 - lo)) ** u;
  else v = lo + (hi - lo) * u;
  if (h.type === 'int') return Math.round(v);
  if (h.scale === 'log1m') return Number((1 - Number((1 - v).toPrecision(2))).toPrecision(12));
  return Number(v.toPrecision(h.scale === 'log' ? 2 : 3));
}

export function formatValue(v) {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(6)));
  return v.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e');
}

let counter = 0;

/**
 * A labelled control for one hyperparameter. onChange(value, { final }) fires on every slider
 * movement (final: false) and on committed edits (final: true).
 */
/** The line under a field where the engine's message about it is shown (markFieldErrors fills it). */
export function fieldErrorLine() {
  const error = document.createElement('div');
  error.className = 'field-error';
  error.setAttribute('role', 'alert');
  return error;
}

export function hyperField(h, value, { path, label = h.name, onChange }) {
  const id = `field-${++counter}`;
  const row = document.createElement('div');
  row.className = `field field-${h.type}`;
  if (h.type !== 'bool' && label.length > LABEL_CHARACTERS) row.classList.add('field-wide-label');
  row.dataset.field = path;
  const title = document.createElement('label');
  title.htmlFor = id;
  title.textContent = label;
  title.title = h.description;
  const error = fieldErrorLine();

  if (h.type === 'choice') {
    const select = document.createElement('select');
    select.id = id;
    for (const choice of h.choices) {
      const option = document.createElement('option');
      option.value = choice;
      option.textContent = choice.replaceAll('_', ' ');
      select.append(option);
    }
    select.value = value;
    select.addEventListener('change', () => onChange(select.value, { final: true }));
    row.classList.add('field-select');
    row.append(title, select, error);
    row.setValue = (v) => { select.value = v; };
    return row;
  }

  if (h.type === 'bool') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = !!value;
    box.addEventListener('change', () => onChange(box.checked, { final: true }));
    row.append(box, title, error);
    row.setValue = (v) => { box.checked = !!v; };
    return row;
  }

  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.max = String(SLIDER_STEPS);
  slider.step = '1';
  slider.tabIndex = -1;
  slider.setAttribute('aria-hidden', 'true');
  const input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'decimal';
  input.id = id;
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.title = `${h.description}. Allowed: ${h.min_exclusive ? '(' : '['}${h.min}, ${h.max}${h.max_exclusive ? ')' : ']'}`;

  const show = (v) => {
    input.value = formatValue(v);
    slider.value = String(Math.round(toUnit(h, v) * SLIDER_STEPS));
  };
  show(value);
  slider.addEventListener('input', () => {
    const v = fromUnit(h, Number(slider.value) / SLIDER_STEPS);
    input.value = formatValue(v);
    onChange(v, { final: false });
  });
  slider.addEventListener('change', () => onChange(fromUnit(h, Number(slider.value) / SLIDER_STEPS), { final: true }));
  const commit = () => {
    const text = input.value.trim();
    const v = text === '' ? NaN : Number(text);
    onChange(Number.isNaN(v) ? text : v, { final: true });
    if (typeof v === 'number' && Number.isFinite(v)) slider.value = String(Math.round(toUnit(h, v) * SLIDER_STEPS));
  };
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') commit(); });
  const controls = document.createElement('div');
  controls.className = 'field-controls';
  controls.append(slider, input);
  row.append(title, controls, error);
  row.setValue = show;
  return row;
}

export function selectField(labelText, options, value, onChange, path) {
  const id = `field-${++counter}`;
  const row = document.createElement('div');
  row.className = 'field field-select';
  if (path) row.dataset.field = path;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const select = document.createElement('select');
  select.id = id;
  for (const { value: v, text } of options) {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = text;
    select.append(option);
  }
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  const error = fieldErrorLine();
  row.append(label, select, error);
  return row;
}

/** Clears every field error shown under `root`. */
export function clearFieldErrors(root) {
  for (const row of root.querySelectorAll('.invalid')) {
    row.classList.remove('invalid');
    row.querySelector('.field-error').textContent = '';
  }
}

/**
 * Marks every {field, message} of `errors` at once (a link's dropped values; with `text`, the refused
 * text is put back into the field's text area); returns how many were on screen.
 */
export function markFieldErrors(root, errors) {
  let shown = 0;
  for (const { field, message, text } of errors) {
    const row = field && root.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!row) continue;
    row.classList.add('invalid');
    row.querySelector('.field-error').textContent = message;
    const editor = text !== undefined && row.querySelector('textarea');
    if (editor) editor.value = text;  // a link's refused text, kept to be fixed (its run uses the default)
    row.closest('details')?.setAttribute('open', '');
    shown += 1;
  }
  return shown;
}

/**
 * Shows the engine's message under the field of `root` whose config path is `field` (opening its
 * card, and scrolling to it with `scroll`), clearing the others; false if no such field is on screen.
 */
export function showFieldError(root, field, message, { scroll = false } = {}) {
  clearFieldErrors(root);
  const row = field && root.querySelector(`[data-field="${CSS.escape(field)}"]`);
  if (!row) return false;
  row.classList.add('invalid');
  row.querySelector('.field-error').textContent = message;
  row.closest('details')?.setAttribute('open', '');
  if (scroll) row.scrollIntoView?.({ block: 'nearest' });
  return true;
}
