// The regret lab's state and its URL hash, through one declarative table in the style of the
// landscape page (web/landscape/state.mjs): every entry names a hash key, where the value lives in
// the state, and its codec. Only values that differ from an empty state are written, so a link
// stays short; decoding checks the syntax here and the engine validates the meaning (DESIGN.md,
// "Regret config and result").
import { findPreset } from './presets.mjs';

export const MAX_OPTIMIZERS = 8;
export const AXES = ['loglog', 'linear'];

export class HashError extends Error {}

const clone = (value) => structuredClone(value);

export function defaultState() {
  return normalise(clone(findPreset('reddi').state));
}

/** start: a number (every coordinate) or an array of two or more; [x] becomes x. */
function normaliseStart(start) {
  if (start == null) return null;
  if (Array.isArray(start)) return start.length === 1 ? start[0] : [...start];
  return start;
}

/** Fills in every field of a (possibly partial) state. */
export function normalise(state) {
  const problem = state.problem ?? {};
  return {
    problem: { name: problem.name ?? 'reddi', params: { ...(problem.params ?? {}) } },
    domain: state.domain ? { ...state.domain } : null,
    start: normaliseStart(state.start),
    T: state.T ?? 100000,
    record_every: state.record_every ?? 100,
    optimizers: clone(state.optimizers ?? [{ name: 'adam', lr: 0.1 }]),
    axes: state.axes ?? 'loglog',
  };
}

/** The problem's registry entry (or undefined). */
export function problemInfo(registry, name) {
  return registry.problems?.find((p) => p.name === name);
}

/** The problem's default domain and start, whatever the registry calls them. */
export function problemDefaults(info) {
  return {
    domain: info?.default_domain ?? info?.domain ?? { type: 'box', radius: 1 },
    start: info?.default_start ?? info?.start ?? 0,
  };
}

/** The engine's regret config (DESIGN.md schema) for a state. */
export function toConfig(state, registry) {
  const defaults = problemDefaults(problemInfo(registry, state.problem.name));
  return {
    version: 1,
    problem: { name: state.problem.name, params: { ...state.problem.params } },
    domain: state.domain ?? { ...defaults.domain },
    start: state.start ?? defaults.start,
    T: state.T,
    record_every: state.record_every,
    optimizers: clone(state.optimizers),
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
const oneOf = (values) => ({
  encode: String,
  decode: (t, key) => {
    if (!values.includes(t)) throw new HashError(`${key}: must be one of ${values.join(', ')}, got "${t}"`);
    return t;
  },
});
// 1 (every coordinate) or 0.5,-0.5,1
const start = {
  encode: (v) => (Array.isArray(v) ? v.map(String).join(',') : String(v)),
  decode: (t, key) => {
    const values = t.split(',').map((p) => parseNumber(p, key));
    return values.length === 1 ? values[0] : values;
  },
};
// C:3;seed:2
const record = {
  encode: (v) => Object.entries(v).map(([k, x]) => `${k}:${x}`).join(';'),
  decode: (t, key) => Object.fromEntries(t.split(';').filter(Boolean).map((pair) => {
    const [k, x] = pair.split(':');
    if (!k || x === undefined) throw new HashError(`${key}: expected name:value pairs, got "${pair}"`);
    return [k, parseNumber(x, `${key}.${k}`)];
  })),
};
// box:1 or ball:2.5
const domain = {
  encode: (v) => `${v.type}:${v.radius}`,
  decode: (t, key) => {
    const [type, radius] = t.split(':');
    if (!type || radius === undefined) throw new HashError(`${key}: expected type:radius (e.g. box:1), got "${t}"`);
    return { type, radius: parseNumber(radius, `${key}.radius`) };
  },
};

function scalar(t, key) {
  if (t === 'true') return true;
  if (t === 'false') return false;
  return parseNumber(t, key);
}

// adam,lr=0.5,bias_correction=false,sched=inv_sqrt,label=Adam ~ next optimizer (the landscape's format)
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
  { key: 'p', path: ['problem', 'name'], codec: text, always: true },
  { key: 'pp', path: ['problem', 'params'], codec: record },
  { key: 'dom', path: ['domain'], codec: domain },
  { key: 'start', path: ['start'], codec: start },
  { key: 'T', path: ['T'], codec: number, always: true },
  { key: 'rec', path: ['record_every'], codec: number, always: true },
  { key: 'opt', path: ['optimizers'], codec: optimizers },
  { key: 'axes', path: ['axes'], codec: oneOf(AXES) },
];

const get = (object, path) => path.reduce((o, k) => (o == null ? o : o[k]), object);
function set(object, path, value) {
  let o = object;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path[path.length - 1]] = value;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const EMPTY = normalise({ problem: {}, optimizers: [] });

/** "#p=reddi&pp=C:3&dom=box:1&start=1&T=1000000&rec=100&opt=adam,lr=0.5~…": what differs from an empty state. */
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
