// The sidebar: surface, run settings and optimizer cards, all generated from the engine's
// registry so a name, default or range is defined once (in C++). Edits go to the store; the app
// validates them with the engine and calls showError() with the engine's message when a value is
// out of range.
import { hyperField, selectField } from './fields.mjs';
import { MAX_OPTIMIZERS } from './state.mjs';
import { PLAYGROUND_LR, runColour } from './palette.mjs';

const NOISE = [
  { name: 'sigma', type: 'real', min: 0, max: 1000, slider_min: 0, slider_max: 5, scale: 'linear',
    description: 'standard deviation σ of Gaussian noise added to every gradient coordinate' },
  { name: 'sparsity', type: 'real', min: 0, max: 1, max_exclusive: true, slider_min: 0, slider_max: 0.95,
    scale: 'linear', description: 'probability p that a gradient coordinate is dropped (set to 0)' },
  { name: 'seed', type: 'int', min: 0, max: 9007199254740991, slider_min: 0, slider_max: 100, scale: 'linear',
    description: 'seed of the noise: the same seed gives the same noise everywhere' },
];
const STEPS = { name: 'steps', type: 'int', min: 0, max: 1000000, slider_min: 10, slider_max: 10000, scale: 'log',
  description: 'number of optimizer steps' };
const COORDINATE = { type: 'real', min: -1e6, max: 1e6, slider_min: -5, slider_max: 5, scale: 'linear',
  description: 'start coordinate (click or drag on the surface to set it)' };

function section(title) {
  const s = document.createElement('section');
  s.className = 'panel';
  const h = document.createElement('h2');
  h.textContent = title;
  s.append(h);
  return s;
}

function button(text, className, onClick, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

export class Controls {
  #root;
  #registry;
  #store;
  #cards = [];
  constructor(root, { registry, store }) {
    this.#root = root;
    this.#registry = registry;
    this.#store = store;
  }

  render() {
    const state = this.#store.state;
    this.#root.replaceChildren(this.#surfacePanel(state), this.#optimizerPanel(state));
  }

  /** Shows the engine's message under the field it names; false if no such field is on screen. */
  showError(field, message) {
    this.clearErrors();
    const row = field && this.#root.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!row) return false;
    row.classList.add('invalid');
    row.querySelector('.field-error').textContent = message;
    row.closest('details')?.setAttribute('open', '');
    return true;
  }

  clearErrors() {
    for (const row of this.#root.querySelectorAll('.invalid')) {
      row.classList.remove('invalid');
      row.querySelector('.field-error').textContent = '';
    }
  }

  /** Moves the start fields without a rebuild (the start is dragged on the surface). */
  showStart(start) {
    start.forEach((v, i) => this.#root.querySelector(`[data-field="start[${i}]"]`)?.setValue(v));
  }

  #edit(mutate, final) {
    this.#store.update(mutate, final ? 'edit' : 'live');
  }

  #surfacePanel(state) {
    const panel = section('Surface');
    const objectives = this.#registry.objectives;
    const info = objectives.find((o) => o.name === state.objective.name) ?? objectives[0];
    panel.append(selectField('Objective', objectives.map((o) => ({ value: o.name, text: o.display_name })),
      info.name, (name) => this.#store.update((s) => {
        s.objective = { name, params: {}, noise: s.objective.noise };
        s.start = null;
        s.view = null;
      }, 'structure'), 'objective.name'));
    const description = document.createElement('p');
    description.className = 'hint';
    description.textContent = info.description;
    panel.append(description);
    for (const p of info.params) {
      const h = { ...p, slider_min: p.min, slider_max: p.max, scale: 'linear' };
      panel.append(hyperField(h, state.objective.params[p.name] ?? p.default, {
        path: `objective.params.${p.name}`,
        onChange: (v, { final }) => this.#edit((s) => { s.objective.params[p.name] = v; }, final),
      }));
    }
    const noise = document.createElement('div');
    noise.className = 'field-group';
    for (const h of NOISE) {
      noise.append(hyperField(h, state.objective.noise[h.name], {
        path: `objective.noise.${h.name}`,
        label: h.name === 'sigma' ? 'noise σ' : h.name,
        onChange: (v, { final }) => this.#edit((s) => { s.objective.noise[h.name] = v; }, final),
      }));
    }
    panel.append(noise);

    const run = document.createElement('div');
    run.className = 'field-group';
    const start = state.start ?? info.default_start;
    for (const [i, axis] of ['x', 'y'].entries()) {
      run.append(hyperField({ ...COORDINATE, name: axis, slider_min: info.view[2 * i], slider_max: info.view[2 * i + 1] },
        start[i], {
          path: `start[${i}]`,
          label: `start ${axis}`,
          onChange: (v, { final }) => this.#edit((s) => {
            s.start = [...(s.start ?? info.default_start)];
            s.start[i] = v;
          }, final),
        }));
    }
    run.append(hyperField(STEPS, state.steps, {
      path: 'steps',
      onChange: (v, { final }) => this.#edit((s) => { s.steps = v; }, final),
    }));
    run.append(selectField('precision', [{ value: 'f64', text: 'float64' }, { value: 'f32', text: 'float32' }],
      state.precision, (v) => this.#edit((s) => { s.precision = v; }, true), 'precision'));
    panel.append(run);
    return panel;
  }

  #optimizerPanel(state) {
    const panel = section(`Optimizers (${state.optimizers.length}/${MAX_OPTIMIZERS})`);
    this.#cards = state.optimizers.map((o, i) => this.#card(o, i, state));
    panel.append(...this.#cards);
    const add = button('+ Add optimizer', 'add', () => this.#add(), 'Add an optimizer');
    add.disabled = state.optimizers.length >= MAX_OPTIMIZERS;
    panel.append(add);
    return panel;
  }

  #add() {
    const used = new Set(this.#store.state.optimizers.map((o) => o.name));
    const order = ['adam', 'sgd', 'rmsprop', 'adagrad', 'nadam', 'adamw', 'adamax', 'radam', 'adadelta', 'nag', 'momentum'];
    const name = order.find((n) => !used.has(n)) ?? 'adam';
    this.#store.update((s) => {
      s.optimizers.push({ name, lr: PLAYGROUND_LR[name] });
      s.selected = s.optimizers.length - 1;
    }, 'structure');
  }

  #card(o, i, state) {
    const info = this.#registry.optimizers.find((r) => r.name === o.name) ?? this.#registry.optimizers[0];
    const card = document.createElement('details');
    card.className = 'card';
    card.open = i === state.selected;
    card.style.setProperty('--run-colour', runColour(i));
    const summary = document.createElement('summary');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    const title = document.createElement('span');
    title.className = 'card-title';
    title.textContent = o.label || info.display_name;
    const lr = document.createElement('span');
    lr.className = 'card-lr';
    lr.textContent = `lr ${o.lr ?? info.hyperparameters.find((h) => h.name === 'lr').default}`;
    const remove = button('×', 'remove', (e) => {
      e.preventDefault();
      this.#store.update((s) => {
        s.optimizers.splice(i, 1);
        s.selected = Math.min(s.selected, s.optimizers.length - 1);
      }, 'structure');
    }, `Remove ${o.label || info.display_name}`);
    remove.disabled = state.optimizers.length <= 1;
    summary.append(swatch, title, lr, remove);
    summary.addEventListener('click', () => {
      if (this.#store.state.selected !== i) this.#store.update((s) => { s.selected = i; }, 'select');
    });
    card.append(summary);

    const body = document.createElement('div');
    body.className = 'card-body';
    body.append(selectField('optimizer', this.#registry.optimizers.map((r) => ({ value: r.name, text: r.display_name })),
      o.name, (name) => this.#store.update((s) => {
        s.optimizers[i] = { name, lr: PLAYGROUND_LR[name], ...(o.label ? { label: o.label } : {}) };
      }, 'structure'), `optimizers[${i}].name`));
    body.append(this.#labelField(o, i, info));
    const source = document.createElement('p');
    source.className = 'hint';
    source.textContent = info.source;
    body.append(source);
    for (const h of info.hyperparameters) {
      body.append(hyperField(h, o[h.name] ?? h.default, {
        path: `optimizers[${i}].${h.name}`,
        onChange: (v, { final }) => this.#edit((s) => { s.optimizers[i][h.name] = v; }, final),
      }));
    }
    body.append(...this.#scheduleFields(o, i));
    card.append(body);
    return card;
  }

  #labelField(o, i, info) {
    const row = document.createElement('div');
    row.className = 'field field-text';
    row.dataset.field = `optimizers[${i}].label`;
    const label = document.createElement('label');
    const id = `label-${i}`;
    label.htmlFor = id;
    label.textContent = 'label';
    const input = document.createElement('input');
    input.id = id;
    input.type = 'text';
    input.maxLength = 80;
    input.placeholder = info.display_name;
    input.value = o.label ?? '';
    input.addEventListener('change', () => this.#edit((s) => {
      if (input.value.trim()) s.optimizers[i].label = input.value.trim();
      else delete s.optimizers[i].label;
    }, true));
    const error = document.createElement('div');
    error.className = 'field-error';
    row.append(label, input, error);
    return row;
  }

  #scheduleFields(o, i) {
    const schedules = this.#registry.schedules;
    const current = typeof o.schedule === 'string' ? { name: o.schedule } : (o.schedule ?? { name: 'constant' });
    const info = schedules.find((s) => s.name === current.name) ?? schedules[0];
    const rows = [selectField('schedule', schedules.map((s) => ({ value: s.name, text: s.name.replace('_', ' ') })),
      info.name, (name) => this.#store.update((s) => {
        if (name === 'constant') delete s.optimizers[i].schedule;
        else s.optimizers[i].schedule = { name };
      }, 'structure'), `optimizers[${i}].schedule.name`)];
    for (const p of info.params) {
      rows.push(hyperField(p, current[p.name] ?? p.default, {
        path: `optimizers[${i}].schedule.${p.name}`,
        onChange: (v, { final }) => this.#edit((s) => {
          s.optimizers[i].schedule = { ...current, ...(typeof s.optimizers[i].schedule === 'object' ? s.optimizers[i].schedule : {}), [p.name]: v };
        }, final),
      }));
    }
    return rows;
  }
}
