// The regret lab's sidebar, generated from the engine's registry: the online problem (its
// parameters, domain, start, horizon T and record_every) and one card per optimizer with every
// hyperparameter, schedule and label. Fields carry data-field = their config path so the engine's
// message for a bad value appears right under it (lib/fields.mjs). brief: only the problem,
// its parameters and T besides the optimizers (the web component's compact settings).
import { loadKatex } from '../lib/katex-loader.mjs';
import { clearFieldErrors, hyperField, markFieldErrors, selectField, showFieldError } from '../lib/fields.mjs';
import { selectedAfterRemoving } from '../lib/selected-run.mjs';
import { nextOptimizer, optimizerCard, optimizerPanel } from '../lib/optimizer-card.mjs';
import { regretOptimizer } from '../lib/optimizer-facts.mjs';
import { section } from '../lib/dom.mjs';
import { problemInfo, problemDefaults } from './state.mjs';

const HORIZON = { name: 'T', type: 'int', min: 1, max: 10000000, slider_min: 100, slider_max: 10000000, scale: 'log',
  description: 'horizon T: the number of rounds (losses f_1 … f_T)' };
const RECORD = { name: 'record_every', type: 'int', min: 1, max: 10000000, slider_min: 1, slider_max: 10000, scale: 'log',
  description: 'record R(t), the bound and x_t every this many rounds' };
const RADIUS = { name: 'radius', type: 'real', min: 0, min_exclusive: true, max: 1e6, slider_min: 0.1, slider_max: 100, scale: 'log',
  description: 'half-width of the box, or radius of the L2 ball; iterates are projected onto it after every step' };
const COORDINATE = { type: 'real', min: -1e6, max: 1e6, slider_min: -2, slider_max: 2, scale: 'linear' };

/** Slider range and scale for a problem parameter from its allowed range and default. */
export function sliderSpec(p) {
  const lo = Number.isFinite(p.min) ? p.min : Math.min(0, p.default);
  let hi = Number.isFinite(p.max) ? p.max : Math.max(10 * Math.abs(p.default), 1);
  if (p.slider_min != null && p.slider_max != null) return { ...p };
  const positive = lo > 0 || (lo === 0 && p.min_exclusive);
  if (positive && hi / Math.max(lo, 1e-12) >= 1000) {
    const from = lo > 0 ? lo : Math.min(p.default, 1) / 100;
    return { ...p, slider_min: from, slider_max: Math.min(hi, Math.max(p.default * 100, from * 1000)), scale: 'log' };
  }
  if (hi - lo > 1000 && Math.abs(p.default) < (hi - lo) / 100) hi = lo + Math.max(10 * Math.abs(p.default - lo), 10);
  return { ...p, slider_min: lo, slider_max: hi, scale: 'linear' };
}

export class Controls {
  #root;
  #registry;
  #store;
  #brief;
  constructor(root, { registry, store, brief = false }) {
    this.#root = root;
    this.#registry = registry;
    this.#store = store;
    this.#brief = brief;
  }

  render() {
    const state = this.#store.state;
    this.#root.replaceChildren(this.#problemPanel(state), this.#optimizerPanel(state));
  }

  /** Shows the engine's message under the field it names; false if no such field is on screen. */
  showError(field, message) { return showFieldError(this.#root, field, message, { scroll: true }); }

  /** Marks every {field, message} at once (a link's dropped values). */
  showErrors(errors) { return markFieldErrors(this.#root, errors); }
  clearErrors() { clearFieldErrors(this.#root); }

  #edit(mutate, final) {
    this.#store.update(mutate, final ? 'edit' : 'live');
  }

  #problemPanel(state) {
    const panel = section('Online problem');
    const problems = this.#registry.problems ?? [];
    const info = problemInfo(this.#registry, state.problem.name) ?? problems[0];
    panel.append(selectField('problem', problems.map((p) => ({ value: p.name, text: p.display_name })),
      info?.name ?? state.problem.name, (name) => this.#store.update((s) => {
        s.problem = { name, params: {} };
        s.domain = null;
        s.start = null;
      }, 'structure'), 'problem.name'));
    if (info?.latex && !this.#brief) {
      const formula = document.createElement('div');
      formula.className = 'rg-problem-formula';
      loadKatex().then(({ render }) => render(info.latex, formula, { throwOnError: false, displayMode: true }));
      panel.append(formula);
    }
    if (info?.description && !this.#brief) {
      const description = document.createElement('p');
      description.className = 'hint';
      description.textContent = info.description;
      panel.append(description);
    }
    for (const p of info?.params ?? []) {
      panel.append(hyperField(sliderSpec(p), state.problem.params[p.name] ?? p.default, {
        path: `problem.params.${p.name}`,
        onChange: (v, { final }) => this.#edit((s) => { s.problem.params[p.name] = v; }, final),
      }));
    }
    if (this.#brief) {
      panel.append(this.#horizonField(state));
      return panel;
    }

    const defaults = problemDefaults(info);
    const domain = state.domain ?? defaults.domain;
    const group = document.createElement('div');
    group.className = 'field-group';
    group.append(selectField('domain', [{ value: 'box', text: 'box  [−r, r]ᵈ' }, { value: 'ball', text: 'L2 ball  ‖x‖ ≤ r' }],
      domain.type, (type) => this.#edit((s) => { s.domain = { ...(s.domain ?? defaults.domain), type }; }, true), 'domain.type'));
    group.append(hyperField(RADIUS, domain.radius, {
      path: 'domain.radius', label: 'radius r',
      onChange: (v, { final }) => this.#edit((s) => { s.domain = { ...(s.domain ?? defaults.domain), radius: v }; }, final),
    }));
    group.append(...this.#startFields(state, defaults, domain));
    group.append(this.#horizonField(state));
    group.append(hyperField(RECORD, state.record_every, {
      path: 'record_every', label: 'record every',
      onChange: (v, { final }) => this.#edit((s) => { s.record_every = v; }, final),
    }));
    panel.append(group);
    return panel;
  }

  #horizonField(state) {
    return hyperField(HORIZON, state.T, {
      path: 'T', label: 'horizon T',
      onChange: (v, { final }) => this.#edit((s) => { s.T = v; }, final),
    });
  }

  #startFields(state, defaults, domain) {
    const start = state.start ?? defaults.start;
    const range = { slider_min: -domain.radius, slider_max: domain.radius };
    if (!Array.isArray(start)) {
      return [hyperField({ ...COORDINATE, ...range, name: 'start', description: 'x₁: every coordinate starts here' }, start, {
        path: 'start', label: 'start x₁',
        onChange: (v, { final }) => this.#edit((s) => { s.start = v; }, final),
      })];
    }
    return start.map((value, i) => hyperField({ ...COORDINATE, ...range, name: `start[${i}]`, description: `coordinate ${i + 1} of x₁` }, value, {
      path: `start[${i}]`, label: `start x₁,${i + 1}`,
      onChange: (v, { final }) => this.#edit((s) => {
        s.start = [...(Array.isArray(s.start) ? s.start : start)];
        s.start[i] = v;
      }, final),
    }));
  }

  #optimizerPanel(state) {
    return optimizerPanel(state.optimizers.map((o, i) => this.#card(o, i, state)), () => this.#add());
  }

  #add() {
    const name = nextOptimizer(this.#registry, this.#store.state.optimizers);
    this.#store.update((s) => {
      s.optimizers.push(regretOptimizer(this.#registry, name));
    }, 'structure');
  }

  #card(o, i, state) {
    return optimizerCard(this.#registry, o, i, {
      count: state.optimizers.length,
      open: state.optimizers.length <= 2 && i === 0,
      edit: (mutate, final) => this.#edit(mutate, final),
      restructure: (mutate) => this.#store.update(mutate, 'structure'),
      onRemove: (s) => { s.selected = selectedAfterRemoving(s.selected, i); },
      newOptimizer: (name, old) => {
        const keep = { lr: old.lr, schedule: old.schedule, label: old.label };
        return { name, ...Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== undefined)) };
      },
    });
  }
}
