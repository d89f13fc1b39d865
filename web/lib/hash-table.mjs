// A page's state ⇄ URL hash through one declarative table of PROPS (after tensorflow/playground's
// state.ts): each entry names a hash key, where the value lives in the state (a path), its codec,
// and `always` for values written even when they equal the empty state's.
import { HashError } from './hash-codecs.mjs';

const get = (object, path) => path.reduce((o, k) => (o == null ? o : o[k]), object);
function set(object, path, value) {
  let o = object;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path[path.length - 1]] = value;
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** "#key=value&…" of the values that differ from `empty`. */
export function encodeProps(state, props, empty) {
  const parts = [];
  for (const { key, path, codec, always } of props) {
    const value = get(state, path);
    if (value == null || (!always && same(value, get(empty, path)))) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    parts.push(`${key}=${codec.encode(value)}`);
  }
  return `#${parts.join('&')}`;
}

/**
 * Decodes a hash onto a copy of `empty`; throws HashError naming the key. Requires the keys in
 * `required`. With a `dropped` array, a bad key or value is left out instead (its default stays)
 * and recorded there as {key, field, message}: `field` is the config path of what was dropped, as
 * the pages' fields name it (a value inside a list names its entry: optimizers[1].lr).
 */
export function decodeProps(hash, props, empty, required = [], dropped = null) {
  const state = structuredClone(empty);
  const seen = new Set();
  for (const part of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const prop = props.find((p) => p.key === key);
    try {
      if (!prop) throw new HashError(`unknown key "${key}" (known: ${props.map((p) => p.key).join(', ')})`);
      if (seen.has(key)) throw new HashError(`${key}: given twice`);
      if (eq < 0) throw new HashError(`${key}: missing "=value"`);
      set(state, prop.path, prop.codec.decode(part.slice(eq + 1), key, dropped));
      seen.add(key);
    } catch (error) {
      if (!dropped || !(error instanceof HashError) || required.some((r) => r.key === key)) throw error;
      dropped.push({ key, field: prop ? prop.path.join('.') : null, message: error.message });
    }
  }
  for (const { key, what } of required) {
    if (!seen.has(key)) throw new HashError(`${key}: missing (${what})`);
  }
  return state;
}

/** The key of `props` whose path holds the config path `field` (optimizers[1].beta2 → opt), or null. */
export function keyOfField(props, field) {
  const path = field.split(/[.[]/);
  return props.find((p) => p.path.every((k, i) => path[i] === k))?.key ?? null;
}

/**
 * The state a hash is decoded onto: for a short story link ("#story=valley", with overrides such as
 * "&steps=300" but without the `required` keys a full link has), that story's state from `presets`
 * (normalised, its id in `story`); else `empty`.
 */
export function storyBase(hash, presets, empty, normalise, required) {
  const keys = hash.replace(/^#/, '').split('&').map((part) => part.split('=')[0]);
  const match = /(?:^#?|&)story=([^&]*)/.exec(hash);
  const preset = match && presets.find((p) => p.id === decodeURIComponent(match[1]));
  if (!preset || required.some((r) => keys.includes(r.key))) return empty;
  return normalise({ ...structuredClone(preset.state), story: preset.id });
}
