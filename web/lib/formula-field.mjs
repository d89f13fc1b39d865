// The typed formula's part of a settings panel: the f(x, y) field, with the engine's message under
// it and a caret at the column it names; a KaTeX preview of the formula as the engine parsed it;
// the classic functions as presets; and a slider per declared parameter, added (also from an
// "unknown name" message) and removed here (the state's shape: objective-config.mjs).
import { fieldErrorLine, hyperField } from './fields.mjs';
import { FORMULA_PRESETS } from './formula-presets.mjs';
import { loadKatex } from './katex-loader.mjs';
import { defaultRange } from './objective-config.mjs';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The objective state of a preset (FORMULA_PRESETS) with the given noise. */
export function presetObjective(preset, noise) {
  return {
    name: 'formula', expr: preset.expr, params: { ...preset.params },
    ranges: structuredClone(preset.ranges ?? {}), view: [...preset.view], noise: structuredClone(noise),
  };
}

/** The 1-based column an engine message names ("… at column 5 …"), or null. */
export const columnOf = (message) => {
  const match = / at column (\d+)/.exec(message ?? '');
  return match ? Number(match[1]) : null;
};

/** The undeclared name an engine message is about ("unknown name 'a' at column 3 …"), or null. */
export const unknownNameOf = (message) => /unknown name '([A-Za-z_][A-Za-z0-9_]*)'/.exec(message ?? '')?.[1] ?? null;

/** Renders `latex` (the engine's parse of the formula) into `element`, when KaTeX is there. */
export async function renderFormulaPreview(element, latex) {
  if (!element) return;
  element.dataset.latex = latex;
  const { render } = await loadKatex();
  if (element.dataset.latex !== latex) return;
  try {
    render(`f(x, y) = ${latex}`, element, { throwOnError: true, displayMode: false });
  } catch {
    element.textContent = latex;
  }
}

function caretLine(text, column) {
  const characters = Array.from(text);
  const at = Math.max(0, Math.min(column - 1, characters.length));
  const pre = document.createElement('pre');
  pre.className = 'formula-caret';
  pre.setAttribute('aria-hidden', 'true');
  pre.textContent = `${characters.join('')}\n${' '.repeat(at)}^`;
  return pre;
}

function expressionRow(objective, { edit, declare }) {
  const row = document.createElement('div');
  row.className = 'field field-formula';
  row.dataset.field = 'objective.expr';
  const label = document.createElement('label');
  label.htmlFor = 'formula-expr';
  label.textContent = 'f(x, y) =';
  label.title = 'Type any smooth function of x and y; see the language reference in the docs.';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'formula-expr';
  input.className = 'formula-input';
  input.value = objective.expr ?? '';
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('aria-label', 'f(x, y), a formula in x and y');
  input.placeholder = 'e.g. sin(x)*cos(y) + 0.1*(x^2 + y^2)';
  const caret = document.createElement('div');
  caret.className = 'formula-caret-slot';
  const error = fieldErrorLine();
  const fix = document.createElement('button');
  fix.type = 'button';
  fix.className = 'formula-declare';
  fix.hidden = true;
  row.append(label, input, caret, error, fix);

  input.addEventListener('input', () => edit((s) => { s.objective.expr = input.value; }, false));
  input.addEventListener('change', () => edit((s) => { s.objective.expr = input.value; }, true));
  // The engine's message arrives as the error's text (fields.mjs marks it): the caret and the
  // offer to declare an unknown name follow it.
  new MutationObserver(() => {
    const message = error.textContent;
    const column = columnOf(message);
    caret.replaceChildren(...(message && column ? [caretLine(input.value, column)] : []));
    const name = message ? unknownNameOf(message) : null;
    fix.hidden = !name;
    if (name) {
      fix.textContent = `Declare ${name} as a parameter`;
      fix.onclick = () => declare(name);
    }
    row.closest('.formula-fields')?.classList.toggle('formula-invalid', !!message);
  }).observe(error, { childList: true, characterData: true, subtree: true });
  return row;
}

function parameterRows(objective, { edit, restructure }) {
  const rows = [];
  for (const [name, value] of Object.entries(objective.params ?? {})) {
    const [min, max] = objective.ranges?.[name] ?? defaultRange(value);
    const field = hyperField({
      name, type: 'real', min: -1e6, max: 1e6, slider_min: min, slider_max: max, scale: 'linear',
      description: `the formula's parameter ${name} (slider from ${min} to ${max})`,
    }, value, {
      path: `objective.params.${name}`,
      onChange: (v, { final }) => edit((s) => {
        s.objective.params[name] = v;
        if (typeof v !== 'number' || !Number.isFinite(v)) return;
        const range = s.objective.ranges[name] ?? defaultRange(value);
        s.objective.ranges[name] = [Math.min(range[0], v), Math.max(range[1], v)];  // a typed value widens it
      }, final),
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove formula-remove';
    remove.textContent = '×';
    remove.title = `Remove the parameter ${name}`;
    remove.setAttribute('aria-label', `Remove the parameter ${name}`);
    remove.addEventListener('click', () => restructure((s) => {
      delete s.objective.params[name];
      delete s.objective.ranges[name];
    }));
    field.querySelector('.field-controls')?.append(remove);
    field.classList.add('formula-parameter');
    rows.push(field);
  }
  return rows;
}

function addParameterRow(declare) {
  const form = document.createElement('form');
  form.className = 'formula-add';
  const input = document.createElement('input');
  input.type = 'text';
  input.placeholder = 'name, e.g. a';
  input.setAttribute('aria-label', 'New parameter name');
  input.spellcheck = false;
  input.autocomplete = 'off';
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = '+ Parameter';
  const note = fieldErrorLine();
  form.append(input, button, note);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = input.value.trim();
    if (!NAME.test(name)) {
      note.textContent = `A parameter's name is a letter or _ followed by letters, digits or _, got "${name}"`;
      return;
    }
    note.textContent = '';
    declare(name);
  });
  return form;
}

/**
 * The nodes for a formula objective state; edit(mutate, final) changes values, restructure(mutate)
 * changes what the fields are (a preset, a parameter added or removed).
 */
export function formulaFields(objective, { edit, restructure }) {
  const declare = (name) => restructure((s) => {
    if (name in s.objective.params) return;
    s.objective.params[name] = 1;
    s.objective.ranges[name] = defaultRange(1);
  });
  const box = document.createElement('div');
  box.className = 'formula-fields';
  const preview = document.createElement('div');
  preview.className = 'formula-preview';
  preview.setAttribute('aria-label', 'The formula as the engine read it');
  const presets = document.createElement('select');
  presets.className = 'formula-presets';
  presets.setAttribute('aria-label', 'Classic functions');
  presets.append(new Option('Classic functions…', ''));
  for (const p of FORMULA_PRESETS) {
    const option = new Option(p.label, p.id);
    option.title = p.reference;
    presets.append(option);
  }
  presets.addEventListener('change', () => {
    const preset = FORMULA_PRESETS.find((p) => p.id === presets.value);
    if (!preset) return;
    restructure((s) => {
      s.objective = presetObjective(preset, s.objective.noise);
      s.start = null;
      s.view = null;
    });
  });
  const params = document.createElement('div');
  params.className = 'formula-parameters';
  params.dataset.field = 'objective.params';
  params.append(fieldErrorLine(), ...parameterRows(objective, { edit, restructure }), addParameterRow(declare));
  const reference = FORMULA_PRESETS.find((p) => p.expr === objective.expr)?.reference;
  const source = document.createElement('p');
  source.className = 'hint formula-reference';
  source.textContent = reference ? `Source: ${reference}.` : 'Minima are found numerically (Newton from a grid of starts).';
  box.append(expressionRow(objective, { edit, declare }), preview, presets, params, source);
  return box;
}
