// The playground's state and its URL hash, through one declarative table (after
// tensorflow/playground's state.ts PROPS): every entry names a hash key, where the value lives in
// the state, and its codec. Only values that differ from the defaults are written, so a link stays
// short; decoding checks the syntax here and the engine validates the meaning.
import { findPreset } from './presets.mjs';

export const MAX_OPTIMIZERS = 8;

export class HashError extends Error {}

const clone = (value) => structuredClone(value);

export function defaultState() {
  const preset = findPreset('valley').state;
  return normalise({ ...clone(preset), stepsPerFrame: 2, selected: 3 });
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  const objective = state.objective ?? {};
  return {
    objective: {
      name: objective.name ?? 'rosenbrock',
      params: { ...(objective.params ?? {}) },
      noise: { sigma: 0, sparsity: 0, seed: 1, ...(objective.noise ?? {}) },
    },
    start: state.start ? [...state.start] : null,
    steps: state.steps ?? 500,
    precision: state.precision ?? 'f64',
    optimizers: clone(state.optimizers ?? [{ name: 'adam', lr: 0.05 }]),
    view: state.view ? [...state.view] : null,
    stepsPerFrame: state.stepsPerFrame ?? 2,
    selected: Math.max(0, Math.min(state.selected ?? 0, (state.optimizers?.length ?? 1) - 1)),
  };
}

/** The engine's run config (DESIGN.md schema) for a state. */
export function toConfig(state, registry) {
  const objective = registry.objectives.find((o) => o.name === state.objective.name);
  return {
    version: 1,
    objective: state.objective,
    start: state.start ?? objective?.default_start ?? [0, 0],
    steps: state.steps,
    precision: state.precision,
    optimizers: state.optimizers,
  };
}

// ---- codecs: encode(value) → text; decode(text, key) → value (throws HashError) ----

function parseNumber(text, key) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new HashError(`${key}: "${text}" is not a number`);
  return value;
}

const escape = (text) => encodeURIComponent(text).replace(/~/g, '%7E');
function unescape(text, key) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HashError(`${key}: malformed escape in "${text}"`);
  }
}

const number = { encode: (v) => String(v), decode: parseNumber };
const text = { encode: escape, decode: unescape };
const numbers = (count) => ({
  encode: (v) => v.map(String).join(','),
  decode: (t, key) => {
    const parts = t.split(',');
    if (parts.length !== count) throw new HashError(`${key}: expected ${count} numbers separated by commas`);
    return parts.map((p) => parseNumber(p, key));
  },
});
// a:1;b:100
const record = {
  encode: (v) => Object.entries(v).map(([k, x]) => `${k}:${x}`).join(';'),
  decode: (t, key) => Object.fromEntries(t.split(';').filter(Boolean).map((pair) => {
    const [k, x] = pair.split(':');
    if (!k || x === undefined) throw new HashError(`${key}: expected name:value pairs, got "${pair}"`);
    return [k, parseNumber(x, `${key}.${k}`)];
  })),
};

function scalar(text, key) {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return parseNumber(text, key);
}

// adam,lr=0.05,bias_correction=false,sched=step:step_size=100:gamma=0.5,label=My%20Adam ~ next optimizer
const optimizers = {
  encode: (list) => list.map((o) => {
    const fields = [o.name];
    for (const [k, v] of Object.entries(o)) {
      if (k === 'name') continue;
      if (k === 'label') fields.push(`label=${escape(v)}`);
      else if (k === 'schedule') {
        const s = typeof v === 'string' ? { name: v } : v;
        fields.push(`sched=${[s.name, ...Object.entries(s).filter(([n]) => n !== 'name').map(([n, x]) => `${n}=${x}`)].join(':')}`);
      } else fields.push(`${k}=${v}`);
    }
    return fields.join(',');
  }).join('~'),
  decode: (t, key) => t.split('~').map((item, i) => {
    const where = `${key}[${i}]`;
    const [name, ...fields] = item.split(',');
    if (!/^[a-z_]+$/.test(name)) throw new HashError(`${where}: "${name}" is not an optimizer name`);
    const o = { name };
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq < 1) throw new HashError(`${where}: expected name=value, got "${field}"`);
      const k = field.slice(0, eq);
      const v = field.slice(eq + 1);
      if (k === 'label') o.label = unescape(v, `${where}.label`);
      else if (k === 'sched') {
        const [sname, ...params] = v.split(':');
        o.schedule = { name: sname };
        for (const p of params) {
          const [pk, pv] = p.split('=');
          if (!pk || pv === undefined) throw new HashError(`${where}.schedule: expected name=value, got "${p}"`);
          o.schedule[pk] = parseNumber(pv, `${where}.schedule.${pk}`);
        }
      } else o[k] = scalar(v, `${where}.${k}`);
    }
    return o;
  }),
};

/** The table: hash key, where the value lives in the state, codec (always: written even when default). */
export const PROPS = [
  { key: 'f', path: ['objective', 'name'], codec: text, always: true },
  { key: 'fp', path: ['objective', 'params'], codec: record },
  { key: 'sigma', path: ['objective', 'noise', 'sigma'], codec: number },
  { key: 'sparsity', path: ['objective', 'noise', 'sparsity'], codec: number },
  { key: 'seed', path: ['objective', 'noise', 'seed'], codec: number },
  { key: 'start', path: ['start'], codec: numbers(2) },
  { key: 'steps', path: ['steps'], codec: number },
  { key: 'prec', path: ['precision'], codec: text },
  { key: 'opt', path: ['optimizers'], codec: optimizers },
  { key: 'view', path: ['view'], codec: numbers(4) },
  { key: 'spf', path: ['stepsPerFrame'], codec: number },
  { key: 'sel', path: ['selected'], codec: number },
];

const get = (object, path) => path.reduce((o, k) => (o == null ? o : o[k]), object);
function set(object, path, value) {
  let o = object;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path[path.length - 1]] = value;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const EMPTY = normalise({ objective: {}, optimizers: [] });

/** "#f=rosenbrock&start=-1.5,2&opt=adam,lr=0.05~sgd,lr=0.001": what differs from an empty state. */
export function encodeHash(state) {
  const parts = [];
  for (const { key, path, codec, always } of PROPS) {
    const value = get(state, path);
    if (value == null || (!always && same(value, get(EMPTY, path)))) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    parts.push(`${key}=${codec.encode(value)}`);
  }
  return `#${parts.join('&')}`;
}

/** Parses a hash into a full state; throws HashError naming the key on malformed input. */
export function decodeHash(hash) {
  const body = hash.replace(/^#/, '');
  const state = clone(EMPTY);
  const seen = new Set();
  for (const part of body.split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const prop = PROPS.find((p) => p.key === key);
    if (!prop) throw new HashError(`unknown key "${key}" (known: ${PROPS.map((p) => p.key).join(', ')})`);
    if (seen.has(key)) throw new HashError(`${key}: given twice`);
    seen.add(key);
    if (eq < 0) throw new HashError(`${key}: missing "=value"`);
    set(state, prop.path, prop.codec.decode(part.slice(eq + 1), key));
  }
  if (!seen.has('opt')) throw new HashError('opt: missing (the optimizers to run)');
  if (state.optimizers.length > MAX_OPTIMIZERS) throw new HashError(`opt: at most ${MAX_OPTIMIZERS} optimizers`);
  if (!Number.isInteger(state.stepsPerFrame) || state.stepsPerFrame < 1 || state.stepsPerFrame > 1000) {
    throw new HashError(`spf: must be an integer in [1, 1000], got ${state.stepsPerFrame}`);
  }
  if (!Number.isInteger(state.selected) || state.selected < 0 || state.selected >= state.optimizers.length) {
    throw new HashError(`sel: must be an integer in [0, ${state.optimizers.length - 1}], got ${state.selected}`);
  }
  if (state.view && !(state.view[0] < state.view[1] && state.view[2] < state.view[3])) {
    throw new HashError('view: must be xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax');
  }
  return normalise(state);
}

/** A tiny observable store: update() applies a mutation and notifies subscribers with a reason. */
export class Store {
  #state;
  #listeners = new Set();
  constructor(state) { this.#state = normalise(state); }
  get state() { return this.#state; }
  replace(state, reason = 'replace') {
    this.#state = normalise(state);
    this.#emit(reason);
  }
  update(mutate, reason = 'edit') {
    const next = clone(this.#state);
    mutate(next);
    this.#state = normalise(next);
    this.#emit(reason);
  }
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  #emit(reason) {
    for (const listener of this.#listeners) listener(this.#state, reason);
  }
}
