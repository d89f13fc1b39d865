// The paper lab's sidebar: the experiment (its model's parameters, how much data, epochs, seeds,
// minibatch size, record interval) and either one optimizer card per entry (generated from the
// registry by lib/optimizer-card.mjs, its single lr replaced by a learning-rate grid field) or,
// for Fig. 4, the ablation's β₁ and β₂ values, log₁₀ α grid and short budget. Fields carry
// data-field = their config path, so the engine's message for a bad value appears under it.
// brief: the component view's compact settings (no model parameters, no record interval).
import { clearFieldErrors, hyperField, markFieldErrors, showFieldError } from '../lib/fields.mjs';
import { selectedAfterRemoving } from '../lib/selected-run.mjs';
import { nextOptimizer, optimizerCard, optimizerPanel } from '../lib/optimizer-card.mjs';
import { paperOptimizer } from '../lib/optimizer-facts.mjs';
import { section } from '../lib/dom.mjs';

const int = (name, min, max, description, scale = 'linear') => ({
  name, type: 'int', min, max, slider_min: min, slider_max: max, scale, description,
});
const real = (name, min, max, description) => ({ name, type: 'real', min, max, slider_min: min, slider_max: max, scale: 'linear', description });

const MODEL = {
  logreg_bow: [real('dropout', 0, 0.9, 'probability that each feature is dropped in a minibatch (the paper: 0.5)')],
  mlp_images: [
    int('hidden', 8, 1024, 'units in each of the two hidden layers (the paper: 1000)', 'log'),
    real('dropout', 0, 0.9, 'dropout on both hidden layers (the paper: 0.5)'),
    real('input_dropout', 0, 0.9, 'dropout on the input pixels (the paper: 0.2)'),
  ],
  vae_images: [
    int('hidden', 4, 512, 'hidden units of the encoder and of the decoder (the paper: 500)', 'log'),
    int('latent', 1, 64, 'dimensions of the latent z (the paper: 50)', 'log'),
  ],
  logreg_images: [],
};
const DATA = {
  images: [int('train', 128, 6000, 'training images: the first N of the 6,000', 'log'), int('test', 50, 1000, 'test images: the first N of the 1,000', 'log')],
  bow: [int('train', 128, 50000, 'generated training documents', 'log'), int('test', 50, 50000, 'generated test documents', 'log')],
};
const EPOCHS = int('epochs', 1, 100, 'passes over the training set', 'log');
const SEEDS = int('seeds', 1, 8, 'seeds per grid point: the band is their min–max, the curve their mean');
const BATCH = int('batch_size', 8, 1024, 'examples per minibatch (the paper: 128)', 'log');
const RECORD = int('record_every', 1, 100, 'a record point (training loss, test loss and accuracy) every N minibatches', 'log');
const SHORT = int('short', 1, 100, 'the short budget in epochs (the paper: 10 of 100)', 'log');

const parseList = (text) => text.split(/[\s,]+/).filter(Boolean).map(Number);
const formatList = (values) => values.map(String).join(', ');

/** A text field holding a comma-separated list of numbers; onChange(list) on a valid edit. */
function listField(label, values, path, description, onChange) {
  const row = document.createElement('div');
  row.className = 'field field-text';
  row.dataset.field = path;
  const id = `pp-list-${path.replace(/[^a-z0-9]/gi, '-')}`;
  const title = document.createElement('label');
  title.htmlFor = id;
  title.textContent = label;
  title.title = description;
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.value = formatList(values);
  input.inputMode = 'decimal';
  input.spellcheck = false;
  const error = document.createElement('div');
  error.className = 'field-error';
  error.setAttribute('role', 'alert');
  input.addEventListener('change', () => {
    const list = parseList(input.value);
    if (!list.length || list.some((v) => !Number.isFinite(v))) {
      row.classList.add('invalid');
      error.textContent = `${path}: expected numbers separated by commas, got "${input.value}"`;
      return;
    }
    row.classList.remove('invalid');
    error.textContent = '';
    onChange(list);
  });
  row.append(title, input, error);
  return row;
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
    this.#root.replaceChildren(this.#experimentPanel(state), state.ablation ? this.#ablationPanel(state) : this.#optimizerPanel(state));
  }

  /**
   * The field on screen that shows the engine's error about config path `field`: itself or the
   * nearest enclosing one (lr_grid[2] under lr_grid; Fig. 4's optimizer fields under the
   * ablation's), or null.
   */
  #shownField(field) {
    if (!field) return null;
    let path = field;
    if (this.#store.state.ablation) {
      path = path.replace(/^optimizers\[\d+\]\.(lr_grid|lr).*$/, 'ablation.log_lr')
        .replace(/^optimizers\[\d+\]\.beta1$/, 'ablation.beta1').replace(/^optimizers\[\d+\]\.beta2$/, 'ablation.beta2');
    }
    while (path && !this.#root.querySelector(`[data-field="${CSS.escape(path)}"]`)) {
      const shorter = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
      if (shorter === path) return null;
      path = shorter;
    }
    return path || null;
  }

  /** Shows the engine's message under the field it names (#shownField); false if none is on screen. */
  showError(field, message) {
    this.clearErrors();
    const path = this.#shownField(field);
    return path ? showFieldError(this.#root, path, message, { scroll: true }) : false;
  }

  /** Marks every {field, message} at once (each under #shownField); returns how many were on screen. */
  showErrors(errors) {
    return markFieldErrors(this.#root, errors.map(({ field, message }) => ({ field: this.#shownField(field), message })));
  }

  clearErrors() { clearFieldErrors(this.#root); }

  #edit(mutate, final) {
    this.#store.update(mutate, final ? 'edit' : 'live');
  }

  #experimentPanel(state) {
    const panel = section('Experiment');
    const field = (spec, value, path, set) => hyperField(spec, value, {
      path, label: spec.label ?? spec.name.replace('_', ' '),
      onChange: (v, { final }) => this.#edit((s) => set(s, v), final),
    });
    if (!this.#brief) {
      for (const spec of MODEL[state.experiment] ?? []) {
        const value = state.model[spec.name] ?? { dropout: 0.5, input_dropout: 0.2, hidden: state.experiment === 'vae_images' ? 200 : 256, latent: 20 }[spec.name];
        panel.append(field(spec, value, `model.${spec.name}`, (s, v) => { s.model[spec.name] = v; }));
      }
    }
    const data = DATA[state.experiment === 'logreg_bow' ? 'bow' : 'images'];
    const all = state.experiment === 'logreg_bow' ? { train: 5000, test: 1000 } : { train: 6000, test: 1000 };
    for (const spec of data) {
      panel.append(field({ ...spec, label: `${spec.name} ${state.experiment === 'logreg_bow' ? 'docs' : 'images'}` },
        state.data[spec.name] ?? all[spec.name], `data.${spec.name}`, (s, v) => { s.data[spec.name] = v; }));
    }
    panel.append(field(EPOCHS, state.epochs, 'epochs', (s, v) => { s.epochs = v; }));
    panel.append(field(SEEDS, state.seeds.length, 'seeds', (s, v) => {
      s.seeds = Array.from({ length: Math.max(1, Math.round(v)) }, (_, i) => i + 1);
    }));
    if (!this.#brief) {
      panel.append(field(BATCH, state.batch_size, 'batch_size', (s, v) => { s.batch_size = v; }));
      panel.append(field(RECORD, state.record_every, 'record_every', (s, v) => { s.record_every = v; }));
    }
    return panel;
  }

  #ablationPanel(state) {
    const panel = section('Adam, with and without bias correction');
    const a = state.ablation;
    const set = (key) => (list) => this.#store.update((s) => { s.ablation[key] = list; }, 'edit');
    panel.append(
      listField('β₁ values', a.beta1, 'ablation.beta1', 'one row of panels per β₁ (the paper: 0 and 0.9)', set('beta1')),
      listField('β₂ values', a.beta2, 'ablation.beta2', 'one column of panels per β₂ (the paper: 0.99, 0.999, 0.9999)', set('beta2')),
      listField('log₁₀ α', a.log_lr, 'ablation.log_lr', 'the step sizes of every panel, as powers of ten (the paper: −5 to −1)', set('log_lr')),
      hyperField(SHORT, a.short, { path: 'ablation.short', label: 'short budget', onChange: (v, { final }) => this.#edit((s) => { s.ablation.short = v; }, final) }),
    );
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = `${a.beta1.length * a.beta2.length * 2} Adam entries (at most 16) × ${a.log_lr.length} step sizes × ${state.seeds.length} seed${state.seeds.length === 1 ? '' : 's'} = ${a.beta1.length * a.beta2.length * 2 * a.log_lr.length * state.seeds.length} runs (at most 256).`;
    panel.append(note);
    return panel;
  }

  #optimizerPanel(state) {
    return optimizerPanel(state.optimizers.map((o, i) => this.#card(o, i, state)), () => this.#store.update((s) => {
      const name = nextOptimizer(this.#registry, s.optimizers);
      s.optimizers.push(paperOptimizer(this.#registry, name));
    }, 'structure'));
  }

  #card(o, i, state) {
    const grid = o.lr_grid ?? [o.lr ?? this.#registry.optimizers.find((r) => r.name === o.name)?.hyperparameters.find((h) => h.name === 'lr')?.default ?? 0.001];
    const card = optimizerCard(this.#registry, { ...o, lr: grid[0] }, i, {
      count: state.optimizers.length,
      open: false,
      edit: (mutate, final) => this.#edit(mutate, final),
      restructure: (mutate) => this.#store.update(mutate, 'structure'),
      onRemove: (s) => { s.selected = selectedAfterRemoving(s.selected, i); },
      newOptimizer: (name) => ({ name, lr_grid: grid }),
    });
    card.classList.add('pp-card');
    card.querySelector('.card-lr').textContent = grid.length === 1 ? `α ${grid[0]}` : `α ${grid[0]} … ${grid[grid.length - 1]}`;
    const lrRow = card.querySelector(`[data-field="optimizers[${i}].lr"]`);
    const gridRow = listField('lr grid', grid, `optimizers[${i}].lr_grid`, 'the learning rates searched; the one with the lowest final training loss is drawn',
      (list) => this.#store.update((s) => {
        s.optimizers[i].lr_grid = list;
        delete s.optimizers[i].lr;
      }, 'edit'));
    if (lrRow) lrRow.replaceWith(gridRow);
    else card.querySelector('.card-body').append(gridRow);
    return card;
  }
}
