// How the docs page writes the registry's values: defaults as they are typed in a config (JSON),
// ranges in interval notation with powers of ten for the large bounds. Pure functions, shared by
// the page and its test.

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A bound: 2⁵³ − 1 for the largest safe integer, 10ⁿ for large powers of ten, else the number. */
export function formatBound(v) {
  if (v === Number.MAX_SAFE_INTEGER) return '2⁵³ − 1';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (a >= 1e5) {
    const e = Math.log10(a);
    if (Number.isInteger(e)) return `${sign}10${String(e).replace(/./g, (c) => SUPERSCRIPT[c])}`;
  }
  return `${sign}${a}`;
}

/** A default as it is written in a config. */
export function formatDefault(h) {
  return JSON.stringify(h.default);
}

/** The allowed values of a registry hyperparameter or parameter. */
export function formatRange(h) {
  if (h.type === 'bool') return 'true | false';
  if (h.min === undefined || h.max === undefined) return '';
  const open = h.min_exclusive ? '(' : '[';
  const close = h.max_exclusive ? ')' : ']';
  const interval = `${open}${formatBound(h.min)}, ${formatBound(h.max)}${close}`;
  return h.type === 'int' ? `integer in ${interval}` : interval;
}

/** The hyperparameters a sweep axis can take: the real ones. */
export const sweepable = (h) => h.type === 'real';
