// The race lab's sidebar, generated from the engine's registry: the protocol (trials, search, score,
// ε, steps, seed, gradient clipping, precision, the fair protocol beside it), the starts (a box or
// one fixed start, N, M, S), the surface (objective, its parameters, noise) and one optimizer card
// per contestant (web/lib/optimizer-card.mjs) with the real hyperparameters it tunes as checkboxes,
// each with its tuned range and scale. Fields carry data-field = the config path the engine names
// in its messages, so a bad value's message appears right under its field.
// brief: the protocol panel and the optimizers only (the web component's compact settings).
import { clearFieldErrors, fieldErrorLine, hyperField, markFieldErrors, selectField, showFieldError } from '../lib/fields.mjs';
import { chosenObjective, objectiveFields } from '../lib/objective-fields.mjs';
import { hyperparametersOf } from '../lib/optimizer-facts.mjs';
import { nextOptimizer, optimizerCard, optimizerPanel } from '../lib/optimizer-card.mjs';
import { formatValue } from '../lib/format.mjs';
import { section } from '../lib/dom.mjs';
import { SCORES, SEARCHES, objectiveInfo } from './state.mjs';

/** The most contestants the page offers (the engine takes 40). */
export const MAX_CONTESTANTS = 16;

const SCORE_TEXT = { steps_to_eps: 'median steps to ε', final_loss: 'median final loss', success_rate: 'success rate' };
const SEARCH_TEXT = { random: 'random', grid: 'grid', halving: 'successive halving' };

// The protocol's fields: the engine's ranges (docs/schema.md, "Race config").
const int = (name, min, max, sliderMax, description) => ({
  name, type: 'int', min, max, slider_min: min, slider_max: sliderMax, scale: max > 100 ? 'log' : 'linear', description,
});
const FIELDS = {
  trials: int('trials', 1, 1024, 256, 'K: tuning trials, the same for every optimizer'),
  steps: int('steps', 1, 1000000, 5000, 'T: the step budget of every held-out run'),
  tuning_steps: int('tuning_steps', 1, 1000000, 5000, 'the step budget of every tuning run (default: T)'),
  tuning_starts: int('tuning_starts', 1, 256, 64, 'N: starts every tuning trial runs from'),
  held_out_starts: int('held_out_starts', 1, 1024, 256, 'M: starts the tuned configurations are evaluated from'),
  seeds: int('seeds', 1, 64, 16, 'S: noise seeds every start runs with (needs gradient noise)'),
  seed: { ...int('seed', 0, 9007199254740991, 100, 'the race’s seed: starts, trials and the bootstrap'), scale: 'linear' },
  eps: { name: 'eps', type: 'real', min: 0, min_exclusive: true, max: 1e6, slider_min: 1e-10, slider_max: 1, scale: 'log',
    description: 'ε: a run succeeds at the first step with f − f* ≤ ε' },
  clip_norm: { name: 'clip_norm', type: 'real', min: 0, max: 1e6, slider_min: 0.01, slider_max: 100, scale: 'log',
    description: 'every gradient is scaled to at most this L2 norm (torch’s clip_grad_norm_)' },
};
const COORDINATE = { type: 'real', min: -1e6, max: 1e6, scale: 'linear' };

/** The tuned range of item `t` of an entry's tune list, from the hyperparameter `h` it names. */
export function tunedRange(t, h) {
  if (typeof t === 'object') return { min: t.min ?? h?.slider_min, max: t.max ?? h?.slider_max, scale: t.scale ?? h?.scale ?? 'linear' };
  return { min: h?.slider_min, max: h?.slider_max, scale: h?.scale ?? 'linear' };
}

const tunedName = (t) => (typeof t === 'string' ? t : t.param);

/** The state's tune lists kept to the hyperparameters each optimizer has (after an optimizer changed). */
export function fitTunes(state, registry, ruleInfo) {
  state.optimizers.forEach((o, i) => {
    const names = hyperparametersOf(registry, o, ruleInfo).filter((h) => h.type === 'real').map((h) => h.name);
    const kept = (state.tunes[i] ?? []).filter((t) => names.includes(tunedName(t)));
    state.tunes[i] = kept.length ? kept : names.slice(0, 1);
  });
  return state;
}

export class Controls {
  #root;
  #registry;
  #store;
  #brief;
  #ruleInfo;
  /** ruleInfo(text): gs.ruleInfo, for a custom optimizer's rule editor and its hyperparameters. */
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
      ? [this.#protocolPanel(state), this.#optimizersPanel(state)]
      : [this.#protocolPanel(state), this.#startsPanel(state), this.#surfacePanel(state), this.#optimizersPanel(state)];
    this.#root.replaceChildren(...panels);
  }

  /** Shows the engine's message under the field it names; false if no such field is on screen. */
  showError(field, message) { return showFieldError(this.#root, field, message); }

  /** Marks every {field, message} at once (a link's dropped values, a refused race's fields). */
  showErrors(errors) { return markFieldErrors(this.#root, errors); }
  clearErrors() { clearFieldErrors(this.#root); }

  #edit(mutate, final) {
    this.#store.update(mutate, final ? 'edit' : 'live');
  }

  #restructure(mutate) {
    this.#store.update((s) => {
      mutate(s);
      fitTunes(s, this.#registry, this.#ruleInfo);
    }, 'structure');
  }

  #field(key, value, label = key) {
    return hyperField(FIELDS[key], value, { path: key, label, onChange: (v, { final }) => this.#edit((s) => { s[key] = v; }, final) });
  }

  #protocolPanel(state) {
    const panel = section('Protocol');
    panel.append(
      this.#field('trials', state.trials, 'trials K'),
      selectField('search', SEARCHES.map((v) => ({ value: v, text: SEARCH_TEXT[v] })), state.search,
        (v) => this.#edit((s) => { s.search = v; }, true), 'search'),
      selectField('score', SCORES.map((v) => ({ value: v, text: SCORE_TEXT[v] })), state.score,
        (v) => this.#edit((s) => { s.score = v; }, true), 'score'),
      this.#field('eps', state.eps, 'ε'),
      this.#field('steps', state.steps, 'steps T'),
      hyperField(FIELDS.tuning_steps, state.tuning_steps ?? state.steps, {
        path: 'tuning_steps', label: 'tuning steps',
        onChange: (v, { final }) => this.#edit((s) => { s.tuning_steps = v; }, final),
      }),
      this.#field('seed', state.seed, 'race seed'),
    );
    const clipping = document.createElement('div');
    clipping.className = 'field-group';
    clipping.append(hyperField({ name: 'clip', type: 'bool', description: 'scale every gradient to at most the norm below, as torch.nn.utils.clip_grad_norm_ does' },
      state.clip, { path: 'clip', label: 'clip gradients', onChange: (on) => this.#restructure((s) => { s.clip = on; }) }));
    if (state.clip) clipping.append(this.#field('clip_norm', state.clip_norm, 'clip norm'));
    panel.append(clipping);
    panel.append(selectField('precision', [{ value: 'f64', text: 'float64' }, { value: 'f32', text: 'float32' }],
      state.precision, (v) => this.#edit((s) => { s.precision = v; }, true), 'precision'));
    panel.append(hyperField({ name: 'fair', type: 'bool', description: 'run the fair protocol (starts in the view box, no clipping, lr and momentum or β₁ tuned) beside this race' },
      state.fair, { path: 'fair', label: 'beside the fair protocol', onChange: (on) => this.#edit((s) => { s.fair = on; }, true) }));
    return panel;
  }

  #startsPanel(state) {
    const panel = section('Starts');
    const info = objectiveInfo(this.#registry, state.objective.name) ?? this.#registry.objectives[0];
    const view = info.view ?? [-2, 2, -2, 2];
    const fixed = !!state.start;
    panel.append(selectField('starts', [{ value: 'box', text: 'drawn in a box' }, { value: 'fixed', text: 'one fixed start' }],
      fixed ? 'fixed' : 'box', (mode) => this.#restructure((s) => {
        s.start = mode === 'fixed' ? [...(info.default_start ?? [0, 0])] : null;
      }), 'start'));
    const group = document.createElement('div');
    group.className = 'field-group';
    if (fixed) {
      ['x', 'y'].forEach((axis, i) => group.append(hyperField(
        { ...COORDINATE, name: axis, slider_min: view[2 * i], slider_max: view[2 * i + 1], description: `start ${axis} of every run` },
        state.start[i], { path: `start[${i}]`, label: `start ${axis}`, onChange: (v, { final }) => this.#edit((s) => { s.start[i] = v; }, final) })));
    } else {
      const box = state.box ?? view;
      ['x min', 'x max', 'y min', 'y max'].forEach((label, k) => group.append(hyperField(
        { ...COORDINATE, name: label, slider_min: view[k & 2], slider_max: view[(k & 2) + 1], description: `the box the starts are drawn in: ${label}` },
        box[k], {
          path: `box[${k}]`, label: `box ${label}`,
          onChange: (v, { final }) => this.#edit((s) => {
            s.box = [...(s.box ?? view)];
            s.box[k] = v;
          }, final),
        })));
      group.append(this.#field('tuning_starts', state.tuning_starts, 'tuning starts N'));
      group.append(this.#field('held_out_starts', state.held_out_starts, 'held-out starts M'));
    }
    panel.append(group);
    const noisy = state.objective.noise.sigma > 0 || state.objective.noise.sparsity > 0;
    const seeds = this.#field('seeds', state.seeds, 'noise seeds S');
    if (!noisy && state.seeds === 1) {
      seeds.classList.add('disabled');
      seeds.title = 'more than one seed needs gradient noise (Surface: noise σ or sparsity)';
      for (const input of seeds.querySelectorAll('input')) input.disabled = true;
    }
    panel.append(seeds);
    return panel;
  }

  #surfacePanel(state) {
    const panel = section('Surface');
    const objectives = this.#registry.objectives;
    const info = objectiveInfo(this.#registry, state.objective.name) ?? objectives[0];
    panel.append(selectField('objective', objectives.map((o) => ({ value: o.name, text: o.display_name })),
      info.name, (name) => this.#restructure((s) => {
        s.objective = chosenObjective(this.#registry, name, s.objective.noise);
        s.box = null;
        if (s.start) s.start = [...(objectiveInfo(this.#registry, name)?.default_start ?? [0, 0])];
      }), 'objective.name'));
    panel.append(...objectiveFields(info, state.objective, (mutate, final) => this.#edit(mutate, final), 'in every run',
      (mutate) => this.#restructure(mutate)));
    return panel;
  }

  #optimizersPanel(state) {
    const cards = state.optimizers.map((o, i) => {
      const card = optimizerCard(this.#registry, o, i, {
        count: state.optimizers.length,
        open: false,
        edit: (mutate, final) => this.#edit(mutate, final),
        restructure: (mutate) => this.#restructure(mutate),
        newOptimizer: (name, old) => ({ name, ...(old.label && old.name === name ? { label: old.label } : {}) }),
        onRemove: (s) => { s.tunes.splice(i, 1); },
        ruleInfo: this.#ruleInfo,
      });
      card.querySelector('.card-body').prepend(this.#tuneGroup(o, i, state.tunes[i] ?? []));
      this.#markTuned(card, i, state.tunes[i] ?? []);
      return card;
    });
    return optimizerPanel(cards, () => this.#restructure((s) => {
      const name = nextOptimizer(this.#registry, s.optimizers);
      s.optimizers.push({ name });
      s.tunes.push(['lr']);
    }), MAX_CONTESTANTS);
  }

  // The checkboxes of the real hyperparameters optimizer i can tune, each with its range and scale.
  #tuneGroup(o, i, tune) {
    const row = document.createElement('fieldset');
    row.className = 'field rc-tune';
    row.dataset.field = `optimizers[${i}].tune`;
    const legend = document.createElement('legend');
    legend.textContent = 'tunes';
    row.append(legend);
    for (const h of hyperparametersOf(this.#registry, o, this.#ruleInfo).filter((p) => p.type === 'real')) {
      const item = tune.find((t) => tunedName(t) === h.name);
      const range = tunedRange(item ?? h.name, h);
      const label = document.createElement('label');
      label.className = 'rc-tune-item';
      label.title = h.description;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !!item;
      box.addEventListener('change', () => this.#restructure((s) => {
        const list = s.tunes[i].filter((t) => tunedName(t) !== h.name);
        s.tunes[i] = box.checked ? [...list, h.name] : list;
      }));
      const name = document.createElement('span');
      name.textContent = h.name;
      const span = document.createElement('span');
      span.className = 'rc-tune-range';
      span.textContent = `${formatValue(range.min)} … ${formatValue(range.max)}${range.scale === 'linear' ? '' : `, ${range.scale}`}`;
      label.append(box, name, span);
      row.append(label);
    }
    row.append(fieldErrorLine());
    return row;
  }

  // A tuned hyperparameter's own field is disabled: the race sets it.
  #markTuned(card, i, tune) {
    for (const t of tune) {
      const row = card.querySelector(`[data-field="${CSS.escape(`optimizers[${i}].${tunedName(t)}`)}"]`);
      if (!row) continue;
      row.classList.add('tuned');
      row.title = 'tuned by the race';
      for (const input of row.querySelectorAll('input')) input.disabled = true;
    }
  }
}
