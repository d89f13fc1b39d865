// The small pieces every part of an SVG figure writes (lib/figure): text escaped for XML, numbers
// rounded and checked finite, colours as presentation attributes (a hex colour and an opacity,
// which Inkscape and every browser read, rather than rgba()), and an estimate of a text's width
// where no canvas is there to measure it (Node).

// Characters XML 1.0 does not allow (C0 controls but tab, newline, carriage return; lone surrogates).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text (or an attribute value) escaped for XML, with characters XML cannot hold left out. */
export const escapeXml = (text) => String(text).replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A coordinate rounded to `digits` decimals; a non-finite value is a bug in the caller. */
export function num(v, digits = 2) {
  if (!Number.isFinite(v)) throw new Error(`SVG figure: non-finite coordinate ${v}`);
  const k = 10 ** digits;
  const r = Math.round(v * k) / k;
  return String(Object.is(r, -0) ? 0 : r);
}

/** [r, g, b, a] of a CSS colour written as #rgb, #rrggbb, rgb(…) or rgba(…); null for anything else. */
export function parseColour(colour) {
  const text = String(colour).trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((o) => parseInt(h.slice(o, o + 2), 16)).concat(1);
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(text);
  if (!rgb) return null;
  const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : +rgb[4];
  return [+rgb[1], +rgb[2], +rgb[3]].map((c) => Math.min(255, Math.round(c))).concat(Math.min(1, alpha));
}

const hex2 = (c) => c.toString(16).padStart(2, '0');

/** `fill="#rrggbb" fill-opacity="a"` (or stroke) for a CSS colour; a name is written as it is. */
export function paint(kind, colour) {
  const rgba = parseColour(colour);
  if (!rgba) return `${kind}="${escapeXml(colour)}"`;
  const [r, g, b, a] = rgba;
  return `${kind}="#${hex2(r)}${hex2(g)}${hex2(b)}"${a < 1 ? ` ${kind}-opacity="${num(a, 3)}"` : ''}`;
}

/** Relative luminance (WCAG) of a CSS colour; 0.5 when it cannot be parsed. */
export function luminance(colour) {
  const rgba = parseColour(colour);
  if (!rgba) return 0.5;
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(rgba[0]) + 0.7152 * lin(rgba[1]) + 0.0722 * lin(rgba[2]);
}

// East Asian wide characters (Hangul, CJK, kana, full-width forms) take about a full em.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/**
 * About how wide `text` is in a sans-serif font of `size` px (`weight` 600 or more: bold), erring
 * wide (DejaVu Sans, the usual fallback, is a wide face): ~0.62 em a character, 1 em for wide ones.
 */
export function textWidth(text, size, weight = 400) {
  let em = 0;
  for (const c of String(text)) em += WIDE.test(c) ? 1 : /[il.,:;'|!()[\] ]/.test(c) ? 0.36 : /[mwMW@%]/.test(c) ? 0.9 : 0.62;
  return em * size * (weight >= 600 ? 1.1 : 1);
}
