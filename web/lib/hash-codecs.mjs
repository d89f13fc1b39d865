// Codecs for URL-hash values: encode(value) → text, decode(text, key) → value, throwing a
// HashError that names the key on malformed input. Shared by every page's PROPS table.
import { HYPER_CHOICES } from './hyper-choices.mjs';

export class HashError extends Error {}

export function parseNumber(text, key) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new HashError(`${key}: "${text}" is not a number`);
  return value;
}

export const escape = (text) => encodeURIComponent(text).replace(/~/g, '%7E');

export function unescape(text, key) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new HashError(`${key}: malformed escape in "${text}"`);
  }
}

export const number = { encode: (v) => String(v), decode: parseNumber };
export const text = { encode: escape, decode: unescape };
// 1 or 0 (true, false accepted)
export const flag = {
  encode: (v) => (v ? '1' : '0'),
  decode: (t, key) => {
    if (t === '1' || t === 'true') return true;
    if (t === '0' || t === 'false') return false;
    throw new HashError(`${key}: must be 1 or 0, got "${t}"`);
  },
};

export const numbers = (count) => ({
  encode: (v) => v.map(String).join(','),
  decode: (t, key) => {
    const parts = t.split(',');
    if (parts.length !== count) throw new HashError(`${key}: expected ${count} numbers separated by commas`);
    return parts.map((p) => parseNumber(p, key));
  },
});

export const oneOf = (values) => ({
  encode: String,
  decode: (t, key) => {
    if (!values.includes(t)) throw new HashError(`${key}: must be one of ${values.join(', ')}, got "${t}"`);
    return t;
  },
});

// a:1;b:100
export const record = {
  encode: (v) => Object.entries(v).map(([k, x]) => `${k}:${x}`).join(';'),
  decode: (t, key) => Object.fromEntries(t.split(';').filter(Boolean).map((pair) => {
    const [k, x] = pair.split(':');
    if (!k || x === undefined) throw new HashError(`${key}: expected name:value pairs, got "${pair}"`);
    return [k, parseNumber(x, `${key}.${k}`)];
  })),
};

// 0.1,0.2;0.5,-0.3 or 0.1,0.2,1;… (a data objective's points, [x, y] or [x, y, label])
export const points = {
  encode: (v) => v.map((p) => p.join(',')).join(';'),
  decode: (t, key) => t.split(';').filter(Boolean).map((pair, i) => {
    const parts = pair.split(',');
    if (parts.length !== 2 && parts.length !== 3) throw new HashError(`${key}[${i}]: expected x,y or x,y,label, got "${pair}"`);
    return parts.map((p) => parseNumber(p, `${key}[${i}]`));
  }),
};

// a:0,5;b:-1,1 (name:min,max)
export const ranges = {
  encode: (v) => Object.entries(v).map(([k, [lo, hi]]) => `${k}:${lo},${hi}`).join(';'),
  decode: (t, key) => Object.fromEntries(t.split(';').filter(Boolean).map((pair) => {
    const [k, x] = pair.split(':');
    const bounds = x?.split(',');
    if (!k || bounds?.length !== 2) throw new HashError(`${key}: expected name:min,max pairs, got "${pair}"`);
    return [k, bounds.map((b) => parseNumber(b, `${key}.${k}`))];
  })),
};

// true, false or a number; a choice hyperparameter's name (line_search=strong_wolfe)
function scalar(t, key) {
  const choices = HYPER_CHOICES[key.slice(key.lastIndexOf('.') + 1)];
  if (choices) {
    if (!choices.includes(t)) throw new HashError(`${key}: must be one of ${choices.join(', ')}, got "${t}"`);
    return t;
  }
  if (t === 'true') return true;
  if (t === 'false') return false;
  return parseNumber(t, key);
}

// A nested object (a schedule, a wrapped optimizer) as name:k=v:k=v.
const encodeNested = (o) => [o.name, ...Object.entries(o).filter(([n]) => n !== 'name').map(([n, x]) => `${n}=${x}`)].join(':');

function decodeNested(v, where, value) {
  const [name, ...params] = v.split(':');
  const nested = { name };
  for (const p of params) {
    const [pk, pv] = p.split('=');
    if (!pk || pv === undefined) throw new HashError(`${where}: expected name=value, got "${p}"`);
    nested[pk] = value(pv, `${where}.${pk}`);
  }
  return nested;
}

function encodeOptimizer(o) {
  const fields = [o.name];
  for (const [k, v] of Object.entries(o)) {
    if (k === 'name') continue;
    if (k === 'label' || k === 'rule') fields.push(`${k}=${escape(v)}`);
    else if (k === 'schedule') fields.push(`sched=${encodeNested(typeof v === 'string' ? { name: v } : v)}`);
    else if (k === 'inner') fields.push(`inner=${encodeNested(v)}`);
    else fields.push(`${k}=${v}`);
  }
  return fields.join(',');
}

// An optimizer entry; with a `dropped` array, a bad hyperparameter is left out (its default stays)
// and recorded there as {key, field: optimizers[i].<name>, message}.
function decodeOptimizer(item, where, index, dropped) {
  const [name, ...fields] = item.split(',');
  if (!/^[a-z_]+$/.test(name)) throw new HashError(`${where}: "${name}" is not an optimizer name`);
  const o = { name };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const k = eq < 1 ? field : field.slice(0, eq);
    try {
      if (eq < 1) throw new HashError(`${where}: expected name=value, got "${field}"`);
      const v = field.slice(eq + 1);
      if (k === 'label' || k === 'rule') o[k] = unescape(v, `${where}.${k}`);
      else if (k === 'sched') o.schedule = decodeNested(v, `${where}.schedule`, parseNumber);
      else if (k === 'inner') o.inner = decodeNested(v, `${where}.inner`, scalar);
      else o[k] = scalar(v, `${where}.${k}`);
    } catch (error) {
      if (!dropped || !(error instanceof HashError)) throw error;
      const name = k === 'sched' ? 'schedule' : k;
      dropped.push({ key: where.split('[')[0], field: `optimizers[${index}].${name}`, message: error.message });
    }
  }
  return o;
}

// adam,lr=0.05,bias_correction=false,sched=step:step_size=100:gamma=0.5,label=My%20Adam ~ next optimizer;
// lookahead,lr=0.01,k=5,inner=sgd:momentum=0.9 wraps sgd; lbfgs,line_search=strong_wolfe takes a choice
export const optimizers = {
  encode: (list) => list.map(encodeOptimizer).join('~'),
  decode: (t, key, dropped = null) => t.split('~').map((item, i) => decodeOptimizer(item, `${key}[${i}]`, i, dropped)),
};

/**
 * The hash rows of a lab state's objective (name, formula, parameters, data, gradient noise), the
 * same keys on every page; `seedKey` names the noise seed's key (the race lab's `seed` is its own).
 */
export function objectiveProps(seedKey = 'seed') {
  return [
    { key: 'f', path: ['objective', 'name'], codec: text, always: true },
    { key: 'expr', path: ['objective', 'expr'], codec: text },
    { key: 'fp', path: ['objective', 'params'], codec: record },
    { key: 'fr', path: ['objective', 'ranges'], codec: ranges },
    { key: 'fview', path: ['objective', 'view'], codec: numbers(4) },
    { key: 'data', path: ['objective', 'data'], codec: points },
    { key: 'bs', path: ['objective', 'batch_size'], codec: number },
    { key: 'sigma', path: ['objective', 'noise', 'sigma'], codec: number },
    { key: 'sparsity', path: ['objective', 'noise', 'sparsity'], codec: number },
    { key: seedKey, path: ['objective', 'noise', 'seed'], codec: number },
  ];
}
