// The formula panel of the landscape page: an optimizer's name and source, its update rule from
// the registry (KaTeX, display mode), a compact table of the current hyperparameter values with
// their registry descriptions as tooltips, and the learning-rate schedule when it is not constant.
// KaTeX loads after the page's first drawn frame: the text parts show at once, the math when it arrives.
import { loadKatexWhenIdle, loadedKatex } from '../lib/katex-loader.mjs';
import './curves.css';

// KaTeX symbols of hyperparameters, as the registry's update rules write them.
const SYMBOLS = {
  beta: '\\beta',
  beta1: '\\beta_1',
  beta2: '\\beta_2',
  eps: '\\epsilon',
  weight_decay: '\\lambda',
  momentum: '\\mu',
  dampening: '\\tau',
  alpha: '\\alpha',
  rho: '\\rho',
  momentum_decay: '\\psi',
  initial_accumulator_value: 's_0',
  beta1_decay: '\\lambda_{\\beta_1}',
  step_size: 's',
  gamma: '\\gamma',
  T_max: 'T_{\\max}',
  eta_min: '\\eta_{\\min}',
  warmup_steps: 'W',
};

const rendered = new WeakMap();

// The landscape page's performance mark of its first drawn trajectory.
const FIRST_FRAME = 'gradscape:first-frame';

// The learning rate is η in the SGD family's rules and α in the Adam family's (where RMSProp's α
// is its smoothing constant), so the symbol follows the rule on display.
function lrSymbol(latex) {
  return /\\eta(?![a-zA-Z])/.test(latex) ? '\\eta' : '\\alpha';
}

function symbolFor(name, lr) {
  if (name === 'lr') return lr;
  if (name === 'eta_min') return `${lr}_{\\min}`;
  return SYMBOLS[name] ?? null;
}

/** A hyperparameter value, short: 0.001, 1e-8, 0.999, 100, true/false. */
export function formatHyper(value) {
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return value == null ? '–' : String(value);
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  if (a >= 1e-3 && a < 1e6) return String(Number(value.toPrecision(6)));
  const [m, e] = value.toExponential().split('e');
  return `${Number(Number(m).toPrecision(4))}e${Number(e)}`;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// An empty node for `latex`, recorded in `math` to be typeset once KaTeX is there.
function mathNode(math, tag, className, latex, displayMode) {
  const node = el(tag, className);
  math.push({ node, latex, displayMode });
  return node;
}

function typeset(katex, math) {
  for (const { node, latex, displayMode } of math) {
    katex.render(latex, node, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  }
}

function header(optimizer) {
  const head = el('div', 'gs-formula-head');
  head.title = optimizer.description ?? '';
  head.append(el('span', 'gs-formula-name', optimizer.display_name ?? optimizer.name));
  if (optimizer.source) head.append(el('span', 'gs-formula-source', optimizer.source));
  return head;
}

// One cell of the table: "symbol = value" over the config name, the description as tooltip.
function paramCell(math, info, value, lr) {
  const cell = el('div', 'gs-formula-param');
  cell.title = `${info.name}: ${info.description ?? ''}`;
  const symbol = info.type === 'bool' ? null : symbolFor(info.name, lr);
  const term = symbol ? mathNode(math, 'dt', 'gs-formula-sym', symbol, false) : el('dt', 'gs-formula-sym gs-formula-word', info.name);
  const shown = info.type === 'bool' ? Boolean(value) : value;
  cell.append(term, el('dd', 'gs-formula-value', `= ${formatHyper(shown ?? info.default)}`));
  if (symbol) cell.append(el('dd', 'gs-formula-key', info.name));
  return cell;
}

function paramTable(math, infos, values, lr) {
  const table = el('dl', 'gs-formula-params');
  for (const info of infos) table.append(paramCell(math, info, values?.[info.name], lr));
  return table;
}

// The schedule block: its formula (η written as the rule's learning-rate symbol) and parameters.
function scheduleBlock(math, schedule, values, lr) {
  const block = el('div', 'gs-formula-schedule');
  const label = el('div', 'gs-formula-label', `Schedule: ${schedule.name}`);
  label.title = schedule.description ?? '';
  const latex = schedule.latex.replace(/\\eta(?![a-zA-Z])/g, lr);
  block.append(label, mathNode(math, 'div', 'gs-formula-rule', latex, true));
  if (schedule.params?.length) block.append(paramTable(math, schedule.params, values, lr));
  return block;
}

function scheduleValues(spec) {
  const s = spec?.schedule;
  return typeof s === 'string' ? { name: s } : s ?? { name: 'constant' };
}

/**
 * Renders the formula panel of `optimizer` (a registry entry) with the resolved hyperparameters
 * `spec` and the registry entry `schedule` of spec.schedule. `latex` is the rule the engine runs for
 * `spec` (gs.formula(spec)); without it the panel shows the registry's general form. Re-rendering the same arguments
 * into the same element does nothing. Before KaTeX has arrived the math is typeset when it does,
 * unless the element has been rendered with other arguments by then.
 */
export function renderFormula(element, { optimizer, spec = {}, schedule = null, latex = optimizer?.latex }) {
  const key = JSON.stringify([optimizer?.name, latex, spec, schedule?.name]);
  if (rendered.get(element) === key) return;
  rendered.set(element, key);
  element.classList.add('gs-formula');
  if (!optimizer) {
    element.replaceChildren();
    return;
  }
  const lr = lrSymbol(latex ?? '');
  const math = [];
  const parts = [header(optimizer), mathNode(math, 'div', 'gs-formula-rule', latex ?? '', true),
    paramTable(math, optimizer.hyperparameters ?? [], spec, lr)];
  const values = scheduleValues(spec);
  if (schedule && schedule.name !== 'constant') parts.push(scheduleBlock(math, schedule, values, lr));
  const katex = loadedKatex();
  if (katex) typeset(katex, math);
  element.replaceChildren(...parts);
  if (katex) return;
  loadKatexWhenIdle(FIRST_FRAME).then((loaded) => {
    if (rendered.get(element) === key) typeset(loaded, math);
  });
}
