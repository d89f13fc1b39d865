// The sidebar: surface, run settings and optimizer cards, all generated from the engine's
// registry so a name, default or range is defined once (in C++). Edits go to the store; the app
// validates them with the engine and marks every value it refuses (showErrors) at once.
import { clearFieldErrors, hyperField, markFieldErrors, selectField, showFieldError } from '../lib/fields.mjs';
import { chosenObjective, objectiveFields } from '../lib/objective-fields.mjs';
import { playgroundOptimizer } from '../lib/optimizer-facts.mjs';
import { nextOptimizer, optimizerCard, optimizerPanel } from '../lib/optimizer-card.mjs';
import { section } from '../lib/dom.mjs';

const STEPS = { name: 'steps', type: 'int', min: 0, max: 1000000, slider_min: 10, slider_max: 10000, scale: 'log',
  description: 'number of optimizer steps' };
const COORDINATE = { type: 'real', min: -1e6, max: 1e6, slider_min: -5, slider_max: 5, scale: 'linear',
  description: 'start coordinate (click or drag on the surface to set it)' };

export class Controls {
  #root;
  #registry;
  #store;
  #cards = [];
  #position;
  #objectiveInfo;
  /**
   * position ({ save(), restore(saved) }, optional): the player's step, kept across a removal and its
   * Undo; objectiveInfo(state): the objective's entry (a typed formula's from the engine);
   * ruleInfo(text): gs.ruleInfo, for a custom optimizer's rule editor.
   */
  #ruleInfo;
  constructor(root, { registry, store, position, objectiveInfo, ruleInfo }) {
    this.#root = root;
    this.#registry = registry;
    this.#store = store;
    this.#position = position;
    this.#ruleInfo = ruleInfo;
    this.#objectiveInfo = objectiveInfo ?? ((state) => registry.objectives.find((o) => o.name === state.objective.name));
  }

  render() {
    const state = this.#store.state;
    this.#root.replaceChildren(this.#surfacePanel(state), this.#optimizerPanel(state));
  }

  /** Shows the engine's message under the field it names; false if no such field is on screen. */
  showError(field, message) { return showFieldError(this.#root, field, message); }

  /** Marks every {field, message} at once (a link's dropped values). */
  showErrors(errors) { return markFieldErrors(this.#root, errors); }
  clearErrors() { clearFieldErrors(this.#root); }

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
    const info = this.#objectiveInfo(state) ?? objectives[0];
    panel.append(selectField('Objective', objectives.map((o) => ({ value: o.name, text: o.display_name })),
      info.name, (name) => this.#store.update((s) => {
        s.objective = chosenObjective(this.#registry, name, s.objective.noise);
        s.start = null;
        s.view = null;
      }, 'structure'), 'objective.name'));
    panel.append(...objectiveFields(info, state.objective, (mutate, final) => this.#edit(mutate, final), 'everywhere',
      (mutate) => this.#store.update(mutate, 'structure'), { clip: true }));

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
    this.#cards = state.optimizers.map((o, i) => this.#card(o, i, state));
    return optimizerPanel(this.#cards, () => this.#add());
  }

  #add() {
    const name = nextOptimizer(this.#registry, this.#store.state.optimizers);
    this.#store.update((s) => {
      s.optimizers.push(playgroundOptimizer(this.#registry, name));
      s.selected = s.optimizers.length - 1;
    }, 'structure');
  }

  #card(o, i, state) {
    return optimizerCard(this.#registry, o, i, {
      count: state.optimizers.length,
      open: i === state.selected,
      edit: (mutate, final) => this.#edit(mutate, final),
      restructure: (mutate) => this.#store.update(mutate, 'structure'),
      newOptimizer: (name, old) => ({ ...playgroundOptimizer(this.#registry, name), ...(old.label ? { label: old.label } : {}) }),
      onRemove: (s) => { s.selected = Math.min(s.selected, s.optimizers.length - 1); },
      position: this.#position,
      ruleInfo: this.#ruleInfo,
      onOpen: () => {
        if (this.#store.state.selected !== i) this.#store.update((s) => { s.selected = i; }, 'select');
      },
    });
  }
}
