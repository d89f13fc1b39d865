// One optimizer's card in a settings panel, generated from the registry: a summary (colour,
// label, lr, remove) and a body with the optimizer picker, its label, every hyperparameter
// (hyperField) and its schedule. Shared by the landscape and regret pages; what differs between
// them (the new optimizer's defaults, what removing or clicking does) comes in as callbacks.
// Removing a card offers Undo (undo-removal.mjs). optimizerPanel() is the panel of the cards with
// its "+ Add optimizer" button.
import { hyperField, selectField } from './fields.mjs';
import { runColour } from './palette.mjs';
import { button, section } from './dom.mjs';
import { MAX_OPTIMIZERS, addOrder } from './optimizer-facts.mjs';
import { removeOptimizer } from './undo-removal.mjs';
import { ruleFields } from './rule-field.mjs';

let cards = 0;

const scheduleOf = (o) => (typeof o.schedule === 'string' ? { name: o.schedule } : (o.schedule ?? { name: 'constant' }));

function summary(o, i, info, { count, onRemove, onOpen }) {
  const row = document.createElement('summary');
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  const title = document.createElement('span');
  title.className = 'card-title';
  title.textContent = o.label || info.display_name;
  const lr = document.createElement('span');
  lr.className = 'card-lr';
  const inverse = scheduleOf(o).name === 'inv_sqrt' ? '/√t' : '';
  const lrDefault = info.hyperparameters.find((h) => h.name === 'lr')?.default;
  lr.textContent = o.lr ?? lrDefault ? `lr ${o.lr ?? lrDefault}${inverse}` : '';
  const remove = button('×', 'remove', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onRemove(e.currentTarget.getRootNode());
  }, `Remove ${o.label || info.display_name}`);
  remove.disabled = count <= 1;
  row.append(swatch, title, lr, remove);
  if (onOpen) row.addEventListener('click', onOpen);
  return row;
}

function labelField(o, i, info, edit) {
  const row = document.createElement('div');
  row.className = 'field field-text';
  row.dataset.field = `optimizers[${i}].label`;
  const label = document.createElement('label');
  const id = `optimizer-label-${++cards}`;
  label.htmlFor = id;
  label.textContent = 'label';
  const input = document.createElement('input');
  input.id = id;
  input.type = 'text';
  input.maxLength = 80;
  input.placeholder = info.display_name;
  input.value = o.label ?? '';
  input.addEventListener('change', () => edit((s) => {
    if (input.value.trim()) s.optimizers[i].label = input.value.trim();
    else delete s.optimizers[i].label;
  }, true));
  const error = document.createElement('div');
  error.className = 'field-error';
  row.append(label, input, error);
  return row;
}

function scheduleFields(o, i, schedules, { edit, restructure }) {
  const current = scheduleOf(o);
  const info = schedules.find((s) => s.name === current.name) ?? schedules[0];
  const text = (s) => (s.name === 'inv_sqrt' ? 'inv sqrt (α/√t)' : s.name.replace('_', ' '));
  const rows = [selectField('schedule', schedules.map((s) => ({ value: s.name, text: text(s) })), info.name,
    (name) => restructure((s) => {
      if (name === 'constant') delete s.optimizers[i].schedule;
      else s.optimizers[i].schedule = { name };
    }), `optimizers[${i}].schedule.name`)];
  for (const p of info.params) {
    rows.push(hyperField(p, current[p.name] ?? p.default, {
      path: `optimizers[${i}].schedule.${p.name}`,
      onChange: (v, { final }) => edit((s) => {
        const was = typeof s.optimizers[i].schedule === 'object' ? s.optimizers[i].schedule : {};
        s.optimizers[i].schedule = { ...current, ...was, [p.name]: v };
      }, final),
    }));
  }
  return rows;
}

// A wrapper's inner optimizer (Lookahead's): a picker of the per-coordinate optimizers and their
// hyperparameters but lr, which is the wrapper's own.
function innerFields(registry, o, i, { edit, restructure }) {
  const current = o.inner ?? { name: 'adam' };
  const choices = registry.optimizers.filter((r) => !r.whole && !r.default_rule);
  const info = choices.find((r) => r.name === current.name) ?? choices[0];
  const rows = [selectField('inner optimizer', choices.map((r) => ({ value: r.name, text: r.display_name })), info.name,
    (name) => restructure((s) => { s.optimizers[i].inner = { name }; }), `optimizers[${i}].inner.name`)];
  for (const h of info.hyperparameters) {
    if (h.name === 'lr') continue;
    rows.push(hyperField(h, current[h.name] ?? h.default, {
      path: `optimizers[${i}].inner.${h.name}`,
      label: `inner ${h.name}`,
      onChange: (v, { final }) => edit((s) => {
        s.optimizers[i].inner = { ...current, ...s.optimizers[i].inner, [h.name]: v };
      }, final),
    }));
  }
  return rows;
}

/**
 * The card of optimizer i. edit(mutate, final) applies a value edit; restructure(mutate) an edit
 * that changes which fields exist; newOptimizer(name, old) gives the entry when the kind changes;
 * onRemove(state) adjusts the state after the entry is removed; onOpen() runs when the summary is
 * clicked; position ({ save(), restore(saved) }, optional) lets Undo of a removal restore the player;
 * ruleInfo(text) (gs.ruleInfo, optional) gives a custom optimizer's rule editor its sliders.
 */
export function optimizerCard(registry, o, i, { count, open, edit, restructure, newOptimizer, onRemove, onOpen, position, ruleInfo }) {
  const info = registry.optimizers.find((r) => r.name === o.name) ?? registry.optimizers[0];
  const card = document.createElement('details');
  card.className = 'card';
  card.open = open;
  card.style.setProperty('--run-colour', runColour(i));
  card.append(summary(o, i, info, {
    count, onOpen,
    onRemove: (root) => removeOptimizer(i, o.label || info.display_name, { restructure, onRemove, position, root }),
  }));
  const body = document.createElement('div');
  body.className = 'card-body';
  body.append(selectField('optimizer', registry.optimizers.map((r) => ({ value: r.name, text: r.display_name })),
    o.name, (name) => restructure((s) => { s.optimizers[i] = newOptimizer(name, o); }), `optimizers[${i}].name`));
  body.append(labelField(o, i, info, edit));
  const source = document.createElement('p');
  source.className = 'hint';
  source.textContent = info.source;
  body.append(source);
  if (info.default_rule && ruleInfo) body.append(...ruleFields(o, i, info, { ruleInfo, edit, restructure }));
  for (const h of info.hyperparameters) {
    body.append(hyperField(h, o[h.name] ?? h.default, {
      path: `optimizers[${i}].${h.name}`,
      onChange: (v, { final }) => edit((s) => { s.optimizers[i][h.name] = v; }, final),
    }));
  }
  if (info.wraps_optimizer) body.append(...innerFields(registry, o, i, { edit, restructure }));
  if (!info.whole && !info.default_rule) body.append(...scheduleFields(o, i, registry.schedules, { edit, restructure }));
  card.append(body);
  return card;
}

/** The name of the optimizer to add: the first in the registry's add order that `optimizers` does not have yet. */
export function nextOptimizer(registry, optimizers) {
  const used = new Set(optimizers.map((o) => o.name));
  const order = addOrder(registry);
  return order.find((n) => !used.has(n)) ?? order[0];
}

/** The Optimizers panel: the cards and "+ Add optimizer" (onAdd), disabled at `max` (default MAX_OPTIMIZERS). */
export function optimizerPanel(cards, onAdd, max = MAX_OPTIMIZERS) {
  const panel = section(`Optimizers (${cards.length}/${max})`);
  panel.append(...cards);
  const add = button('+ Add optimizer', 'add', onAdd, 'Add an optimizer');
  add.disabled = cards.length >= max;
  panel.append(add);
  return panel;
}
