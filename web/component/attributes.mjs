// The element's attributes as a config of the view's schema (docs/schema.md: the run config for
// view="landscape", the regret config for "regret", the sweep config for "sweep"). `config` holds
// the whole config as JSON; the short attributes override its fields:
//   objective   landscape, sweep: objective.name; regret: problem.name; paper: experiment
//   expr        landscape, sweep: a typed formula f(x, y) (objective.expr; objective "formula" if
//               no objective attribute is given)
//   optimizers  "adam lr=0.05; sgd lr=0.001 momentum=0.9" (runs separated by ";", each a name and
//               key=value pairs; true/false are booleans, numbers are numbers, anything else a
//               string such as schedule=inv_sqrt), or a JSON array of optimizer entries; for the
//               sweep the first entry is the swept optimizer
//   start       "x,y" (regret: one or more comma-separated coordinates; paper: none)
//   steps       landscape, sweep: steps; regret: T; paper: epochs
// Syntax is checked here (AttributeError names the attribute); the engine validates the meaning and
// names the config field.
import { LABS } from '../labs.mjs';

// Every attribute of <gradscape-playground>: the config's and those that remount the view, then
// height and theme. The element observes exactly these; the Hugo shortcode and the Jekyll include
// (integrations/, scripts/gen-integrations.mjs) accept exactly these.
export const CONFIG_ATTRIBUTES = ['config', 'objective', 'expr', 'optimizers', 'start', 'steps'];
export const REMOUNT_ATTRIBUTES = ['view', 'controls', 'autoplay', 'site'];
export const ATTRIBUTES = [...CONFIG_ATTRIBUTES, ...REMOUNT_ATTRIBUTES, 'height', 'theme'];
// HTML minifiers (Hugo's --minify among them) write attributes named controls and autoplay, HTML's
// boolean media attributes, without their values on every element. The element also reads them as
// data-controls and data-autoplay (the plain name wins when both are given), and the Hugo
// shortcode writes them so.
export const MINIFIER_SAFE_NAMES = { controls: 'data-controls', autoplay: 'data-autoplay' };

export const VIEWS = Object.keys(LABS);
export const CONTROLS = ['minimal', 'none', 'full'];
export const THEMES = ['auto', 'light', 'dark'];
export const DEFAULT_HEIGHT = 420;
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 4000;
const MAX_CONFIG_CHARS = 100000;

export class AttributeError extends Error {}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function oneOf(name, value, allowed) {
  if (value === null) return allowed[0];
  const v = value.trim().toLowerCase();
  if (v === '') return allowed[0];
  if (!allowed.includes(v)) throw new AttributeError(`${name}: must be one of ${allowed.join(', ')}, got "${value}"`);
  return v;
}

export const parseView = (value) => oneOf('view', value, VIEWS);
export const parseControls = (value) => oneOf('controls', value, CONTROLS);
export const parseTheme = (value) => oneOf('theme', value, THEMES);

/** A boolean attribute: present (or "", "true", "1") is on; "false" or "0" is off. */
export function parseFlag(name, value) {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === name) return true;
  if (v === 'false' || v === '0') return false;
  throw new AttributeError(`${name}: must be present (on), or "false" / "0" (off), got "${value}"`);
}

/** Height in CSS pixels: a number, optionally with "px". */
export function parseHeight(value) {
  if (value === null || value.trim() === '') return DEFAULT_HEIGHT;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  const px = m ? Number(m[1]) : NaN;
  if (!(px >= MIN_HEIGHT && px <= MAX_HEIGHT)) {
    throw new AttributeError(`height: must be a number of pixels in [${MIN_HEIGHT}, ${MAX_HEIGHT}], got "${value}"`);
  }
  return Math.round(px);
}

function parseNumberList(name, value, count) {
  const parts = value.split(',').map((s) => s.trim());
  const numbers = parts.map(Number);
  const counted = count === undefined ? parts.length >= 1 : parts.length === count;
  if (!counted || parts.some((s) => s === '') || numbers.some((n) => !Number.isFinite(n))) {
    const what = count === 2 ? '"x,y" with two finite numbers' : 'comma-separated finite numbers';
    throw new AttributeError(`${name}: must be ${what}, got "${value}"`);
  }
  return numbers;
}

function parseScalar(text) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

/** "adam lr=0.05; sgd lr=0.001 momentum=0.9" (or a JSON array) → optimizer entries. */
export function parseOptimizers(value) {
  const text = value.trim();
  if (text.startsWith('[')) {
    let list;
    try {
      list = JSON.parse(text);
    } catch (error) {
      throw new AttributeError(`optimizers: not valid JSON (${error.message})`);
    }
    if (!Array.isArray(list) || !list.every(isPlainObject)) throw new AttributeError('optimizers: a JSON value must be an array of optimizer objects');
    return list;
  }
  const runs = text.split(';').map((s) => s.trim()).filter(Boolean);
  if (!runs.length) throw new AttributeError('optimizers: needs at least one optimizer, e.g. "adam lr=0.05; sgd lr=0.001"');
  return runs.map((run, i) => {
    const [name, ...pairs] = run.split(/\s+/);
    if (!/^[a-z_][a-z0-9_]*$/i.test(name)) {
      throw new AttributeError(`optimizers: run ${i + 1} must start with an optimizer name, got "${run}"`);
    }
    const entry = { name };
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0 || eq === pair.length - 1) {
        throw new AttributeError(`optimizers: run ${i + 1} (${name}): "${pair}" must be key=value`);
      }
      entry[pair.slice(0, eq)] = parseScalar(pair.slice(eq + 1));
    }
    return entry;
  });
}

function parseSteps(name, value) {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 0) throw new AttributeError(`${name}: must be a non-negative integer, got "${value}"`);
  return n;
}

/** The base config from the `config` attribute (or {}), with version 1. */
function baseConfig(text) {
  if (text === null || text.trim() === '') return { version: 1 };
  if (text.length > MAX_CONFIG_CHARS) throw new AttributeError(`config: at most ${MAX_CONFIG_CHARS} characters, got ${text.length}`);
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new AttributeError(`config: not valid JSON (${error.message})`);
  }
  if (!isPlainObject(config)) throw new AttributeError('config: must be a JSON object (a config of the view\'s schema)');
  return { version: 1, ...config };
}

/** The view's config from the element's attributes (`get(name)` returns an attribute or null). */
export function configFromAttributes(view, get) {
  const config = baseConfig(get('config'));
  const to = LABS[view].attributes;
  const given = (name) => {
    const value = get(name);
    if (value === null || value.trim() === '') return null;
    if (to[name] === null) throw new AttributeError(`${name}: the ${view} view has no ${name}; set it in config`);
    return value.trim();
  };
  const objective = given('objective');
  if (objective !== null) {
    const key = to.objective;
    if (key === 'experiment') config.experiment = objective;
    else {
      const current = isPlainObject(config[key]) ? config[key] : {};
      config[key] = current.name === objective ? current : { ...current, name: objective, params: {} };
      if (current.name !== objective && current.noise) config[key].noise = current.noise;
    }
  }
  const expr = given('expr');
  if (expr !== null) {
    const current = isPlainObject(config.objective) ? config.objective : {};
    if (objective !== null && objective !== 'formula') {
      throw new AttributeError(`expr: a formula needs objective="formula" (or no objective attribute), got objective="${objective}"`);
    }
    config.objective = { ...current, name: 'formula', expr };
    if (current.name !== 'formula') config.objective.params = {};
  }
  const optimizers = given('optimizers');
  if (optimizers !== null) {
    const list = parseOptimizers(optimizers);
    config[to.optimizers] = to.optimizers === 'optimizer' ? list[0] : list;
  }
  const start = given('start');
  if (start !== null) config.start = parseNumberList('start', start, view === 'regret' ? undefined : 2);
  const steps = given('steps');
  if (steps !== null) config[to.steps] = parseSteps('steps', steps);
  return config;
}
