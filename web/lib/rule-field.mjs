// The editor of a custom optimizer's update rule (the rule language of the engine's
// optim/custom/custom_rule.hpp): a monospace text area whose text goes to the config's `rule` as
// typed (the engine's message, "line L, column C: …", shows under it and the text is kept), and the
// sliders of the hyperparameters the rule declares, from the engine's compile of the text
// (gs.ruleInfo). A rule edit that changes the declarations keeps the values of the names still
// declared and drops the others.
import { fieldErrorLine, hyperField } from './fields.mjs';

let counter = 0;

/**
 * The rows of custom optimizer i: the rule and its hyperparameters. ruleInfo(text) is gs.ruleInfo
 * (it throws on a rule the engine refuses); edit/restructure as in optimizer-card.mjs.
 */
export function ruleFields(o, i, info, { ruleInfo, edit, restructure }) {
  const text = o.rule ?? info.default_rule ?? '';
  const row = document.createElement('div');
  row.className = 'field field-rule';
  row.dataset.field = `optimizers[${i}].rule`;
  const id = `rule-${++counter}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = 'update rule';
  label.title = 'hyper NAME = VALUE [MIN, MAX] (log); state NAME = VALUE; then assignments per coordinate reading g, '
    + 'theta, t, the hyperparameters and states; the rule must assign theta';
  const area = document.createElement('textarea');
  area.id = id;
  area.className = 'rule-input';
  area.spellcheck = false;
  area.autocomplete = 'off';
  area.rows = Math.min(Math.max(text.split('\n').length, 4), 12);
  area.value = text;
  const commit = () => {
    if (area.value === (o.rule ?? info.default_rule)) return;
    const declared = declaredHypers(ruleInfo, area.value);
    restructure((s) => {
      const entry = s.optimizers[i];
      entry.rule = area.value;
      if (!declared) return;
      for (const key of Object.keys(entry)) {
        if (!['name', 'label', 'rule'].includes(key) && !declared.includes(key)) delete entry[key];
      }
    });
  };
  area.addEventListener('change', commit);
  area.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(); });
  const hint = document.createElement('p');
  hint.className = 'hint rule-hint';
  hint.textContent = 'Runs on change (or Ctrl+Enter). Reads g, theta, t; hyper and state lines declare the rest.';
  row.append(label, area, hint, fieldErrorLine());
  const rows = [row];
  let hypers = [];
  try {
    hypers = ruleInfo(text).hyperparameters;
  } catch {
    hypers = [];  // the engine's message about the rule shows under the text area
  }
  for (const h of hypers) {
    rows.push(hyperField(h, o[h.name] ?? h.default, {
      path: `optimizers[${i}].${h.name}`,
      onChange: (v, { final }) => edit((s) => { s.optimizers[i][h.name] = v; }, final),
    }));
  }
  return rows;
}

// The names the rule declares as hyperparameters, or null if it does not compile.
function declaredHypers(ruleInfo, text) {
  try {
    return ruleInfo(text).hyperparameters.map((h) => h.name);
  } catch {
    return null;
  }
}
