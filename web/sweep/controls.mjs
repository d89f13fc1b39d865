// The sweep lab's sidebar, generated from the engine's registry: the map (metric, tol, the two axes
// and compare mode), the surface (objective, its parameters, noise, start, steps, precision) and
// one optimizer card per map (web/lib/optimizer-card.mjs). Fields carry data-field = the config
// path the engine names in its messages, so a bad value's message appears right under its field.
// brief: the map panel without compare mode and the optimizer, no surface panel (the web
// component's compact settings).
import { clearFieldErrors, hyperField, markFieldErrors, selectField, showFieldError } from '../lib/fields.mjs';
import { chosenObjective, objectiveFields } from '../lib/objective-fields.mjs';
import { playgroundOptimizer } from '../lib/optimizer-facts.mjs';
import { optimizerCard } from '../lib/optimizer-card.mjs';
import { section } from '../lib/dom.mjs';
import { axisTitle } from './axes.mjs';
import { METRICS, START_AXES, axisParams, comparing, defaultAxis, fitAxes, objectiveInfo } from './state.mjs';

const METRIC_TEXT = {
  final_loss: 'final loss', steps_to_tol: 'steps to tol', nearest_minimum: 'minimum reached',
};
const STEPS = { name: 'steps', type: 'int', min: 0, max: 1000000, slider_min: 10, slider_max: 10000, scale: 'log',
  description: 'optimizer steps of every run (cell)' };
const TOL = { name: 'tol', type: 'real', min: 0, min_exclusive: true, max: 1e6, slider_min: 1e-12, slider_max: 1, scale: 'log',
  description: 'steps_to_tol: the first step with f − f* ≤ tol' };
const CELLS = { name: 'n', type: 'int', min: 1, max: 512, slider_min: 2, slider_max: 512, scale: 'log',
  description: 'number of sample points (cells) along the axis, at most 512' };
const COORDINATE = { type: 'real', min: -1e6, max: 1e6, scale: 'linear', description: 'start coordinate of every run' };

export class Controls {
  #root;
  #registry;
  #store;
  #brief;
  #ruleInfo;
  /** ruleInfo(text): gs.ruleInfo, for a custom optimizer's rule editor and its axes. */
  constructor(root, { registry, store, brief = false, ruleInfo }) {
    this.#root = root;
    this.#registry = registry;
    this.#store = store;
    this.#brief = brief;
    this.#ruleInfo = ruleInfo;
  }

  render() {
    const state = this.#store.state;
    const panels = this.#brief
      ? [this.#mapPanel(state), this.#optimizerPanel(state)]
      : [this.#mapPanel(state), this.#surfacePanel(state), this.#optimizerPanel(state)];
    this.#root.replaceChildren(...panels);
    this.#markSwept(state);
  }

  // The fields an axis overrides (its hyperparameter in every card, or a start coordinate) are
  // disabled and say which axis sweeps them.
  #markSwept(state) {
    for (const key of ['x', 'y']) {
      const { param } = state[key];
      const paths = START_AXES.includes(param)
        ? [`start[${START_AXES.indexOf(param)}]`]
        : state.optimizers.map((o, i) => `optimizers[${i}].${param}`);
      for (const path of paths) {
        const row = this.#root.querySelector(`[data-field="${CSS.escape(path)}"]`);
        if (!row) continue;
        row.classList.add('swept');
        row.title = `swept along the ${key} axis`;
        for (const input of row.querySelectorAll('input')) input.disabled = true;
      }
    }
  }

  /** Shows the engine's message under the field it names; false if no such field is on screen. */
  showError(field, message) { return showFieldError(this.#root, field, message); }

  /** Marks every {field, message} at once (a link's dropped values). */
  showErrors(errors) { return markFieldErrors(this.#root, errors); }
  clearErrors() { clearFieldErrors(this.#root); }

  #edit(mutate, final) {
    this.#store.update(mutate, final ? 'edit' : 'live');
  }

  #restructure(mutate) {
    this.#store.update((s) => {
      mutate(s);
      fitAxes(s, this.#registry, this.#ruleInfo);
    }, 'structure');
  }

  #mapPanel(state) {
    const panel = section('Map');
    panel.append(selectField('metric', METRICS.map((m) => ({ value: m, text: METRIC_TEXT[m] })), state.metric,
      (metric) => this.#store.update((s) => { s.metric = metric; }, 'structure'), 'metric'));
    if (state.metric === 'steps_to_tol') {
      panel.append(hyperField(TOL, state.tol, { path: 'tol', onChange: (v, { final }) => this.#edit((s) => { s.tol = v; }, final) }));
    }
    for (const key of ['x', 'y']) panel.append(this.#axisGroup(state, key));
    if (this.#brief) return panel;
    const group = document.createElement('div');
    group.className = 'field-group';
    group.append(hyperField({ name: 'compare', type: 'bool', description: 'compute a second map beside the first, with a second optimizer' },
      comparing(state), {
        path: 'compare', label: 'compare with a second optimizer',
        onChange: (on) => this.#restructure((s) => {
          if (on) s.optimizers.push(compareWith(s.optimizers[0], this.#registry));
          else s.optimizers.splice(1);
        }),
      }));
    panel.append(group);
    return panel;
  }

  #axisGroup(state, key) {
    const axis = state[key];
    const group = document.createElement('div');
    group.className = 'field-group sw-axis';
    const lists = state.optimizers.map((o) => axisParams(this.#registry, o, this.#ruleInfo));
    const params = lists[0].filter((p) => lists.every((l) => l.includes(p)));
    group.append(selectField(`${key} axis`, params.map((p) => ({ value: p, text: axisTitle(p) })), axis.param,
      (param) => this.#store.update((s) => { s[key] = defaultAxis(this.#registry, s, param, s[key].n, this.#ruleInfo); }, 'structure'), `${key}.param`));
    const range = this.#sliderRange(state, axis);
    for (const end of ['min', 'max']) {
      group.append(hyperField({ ...COORDINATE, ...range, name: `${key}.${end}`, description: `${end === 'min' ? 'first' : 'last'} value of ${axis.param} on the ${key} axis` },
        axis[end], { path: `${key}.${end}`, label: `${key} ${end}`, onChange: (v, { final }) => this.#edit((s) => { s[key][end] = v; }, final) }));
    }
    group.append(hyperField(CELLS, axis.n, { path: `${key}.n`, label: `${key} cells`, onChange: (v, { final }) => this.#edit((s) => { s[key].n = v; }, final) }));
    group.append(hyperField({ name: 'log', type: 'bool', description: 'geometric spacing (min > 0)' }, axis.log,
      { path: `${key}.log`, label: 'log scale', onChange: (v) => this.#edit((s) => { s[key].log = v; }, true) }));
    return group;
  }

  /** Slider range and scale of an axis end: the hyperparameter's, or the objective's view box. */
  #sliderRange(state, axis) {
    const fallback = defaultAxis(this.#registry, state, axis.param, axis.n, this.#ruleInfo);
    const scale = axis.log && fallback.min > 0 ? 'log' : 'linear';
    return { slider_min: fallback.min, slider_max: fallback.max, scale };
  }

  #surfacePanel(state) {
    const panel = section('Surface');
    const objectives = this.#registry.objectives;
    const info = objectiveInfo(this.#registry, state.objective.name) ?? objectives[0];
    panel.append(selectField('objective', objectives.map((o) => ({ value: o.name, text: o.display_name })),
      info.name, (name) => this.#restructure((s) => {
        s.objective = chosenObjective(this.#registry, name, s.objective.noise);
        s.start = null;
        for (const key of ['x', 'y']) if (START_AXES.includes(s[key].param)) s[key] = defaultAxis(this.#registry, s, s[key].param, s[key].n);
      }), 'objective.name'));
    panel.append(...objectiveFields(info, state.objective, (mutate, final) => this.#edit(mutate, final), 'in every cell',
      (mutate) => this.#restructure(mutate)));
    const run = document.createElement('div');
    run.className = 'field-group';
    const start = state.start ?? info.default_start;
    ['x', 'y'].forEach((axis, i) => {
      run.append(hyperField({ ...COORDINATE, name: axis, slider_min: info.view[2 * i], slider_max: info.view[2 * i + 1] }, start[i], {
        path: `start[${i}]`, label: `start ${axis}`,
        onChange: (v, { final }) => this.#edit((s) => {
          s.start = [...(s.start ?? info.default_start)];
          s.start[i] = v;
        }, final),
      }));
    });
    run.append(hyperField(STEPS, state.steps, { path: 'steps', onChange: (v, { final }) => this.#edit((s) => { s.steps = v; }, final) }));
    run.append(selectField('precision', [{ value: 'f32', text: 'float32' }, { value: 'f64', text: 'float64' }],
      state.precision, (v) => this.#edit((s) => { s.precision = v; }, true), 'precision'));
    panel.append(run);
    return panel;
  }

  #optimizerPanel(state) {
    const panel = section(comparing(state) ? 'Optimizers (left map, right map)' : 'Optimizer');
    panel.append(...state.optimizers.map((o, i) => optimizerCard(this.#registry, o, i, {
      count: state.optimizers.length,
      open: true,
      edit: (mutate, final) => this.#edit(mutate, final),
      restructure: (mutate) => this.#restructure(mutate),
      newOptimizer: (name, old) => ({ ...playgroundOptimizer(this.#registry, name), ...(old.label ? { label: old.label } : {}) }),
      ruleInfo: this.#ruleInfo,
    })));
    const note = document.createElement('p');
    note.className = 'hint sweep-whole-note';
    note.textContent = WHOLE_NOTE;
    panel.append(note);
    return panel;
  }
}

// Why the sweep does not offer the whole-vector optimizers the landscape page runs.
const WHOLE_NOTE = 'Not in the sweep: L-BFGS, Newton, Lookahead, Prodigy, SophiaH and Shampoo. Each cell of a map is '
  + 'one lane of a per-coordinate SIMD kernel, and these need the whole objective (L-BFGS\'s history and line '
  + 'search, Newton\'s and SophiaH\'s Hessian) or couple the coordinates (Prodigy, Shampoo, Lookahead\'s '
  + 'wrapped run), so they do not fit a lane. Run them on the landscape page. A custom rule runs here: its '
  + 'interpreter steps each cell, so its maps fill in more slowly than a built-in\'s.';

/** The second map's optimizer: the same with bias correction off where it has one, else another optimizer. */
function compareWith(optimizer, registry) {
  const info = registry.optimizers.find((o) => o.name === optimizer.name);
  if (info?.hyperparameters.some((h) => h.name === 'bias_correction') && optimizer.bias_correction !== false) {
    return { ...structuredClone(optimizer), bias_correction: false, label: `${optimizer.label ?? info.display_name} without bias correction` };
  }
  const name = optimizer.name === 'sgd' ? 'adam' : 'sgd';
  return { name, lr: optimizer.lr ?? playgroundOptimizer(registry, name).lr };
}
