// Shared checks of the labs' stories (presets): the numbers a story's text states and the numbers
// its config holds, so each lab's story test can assert that every stated number is the config's
// or one of the story's `facts` (which its claims check).
import assert from 'node:assert/strict';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const exponent = (sup) => Number(sup.replace('⁻', '-').replace(/[⁰-⁹¹²³]/g, (c) => SUPERSCRIPT.indexOf(c)));

/**
 * The numbers a text states: not a digit of a name (β1, L2), a section or an algorithm's number;
 * a power of ten written with a superscript (10⁻⁴) is its value.
 */
export function statedNumbers(text) {
  const cited = /(?:Section|Algorithm|Theorem|Figure|Fig\.)\s+\d+(?:\.\d+)?/g;
  return [...text.replace(cited, '').matchAll(/(?<![\p{L}\d.])(\d+(?:\.\d+)?)(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?/gu)]
    .map(([, base, sup]) => (base === '10' && sup ? Number(`1e${exponent(sup)}`) : Number(base)));
}

/** Every number in a JSON value. */
export function numbersIn(value) {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/**
 * Asserts that every number of `text` is in `known` (the config's numbers) or among `facts`, and
 * that every fact is stated in `text`. id names the story in the message. The stated numbers have
 * no sign (a text writes −1.5 with a minus sign of its own), so a known number's magnitude counts.
 */
export function assertNumbersKnown(id, text, known, facts = []) {
  const allowed = new Set([...known, ...known.map(Math.abs), ...facts]);
  for (const n of statedNumbers(text)) {
    assert.ok(allowed.has(n), `${id}: ${n} is neither in its config nor among its facts`);
  }
  const stated = statedNumbers(text);
  for (const fact of facts) assert.ok(stated.includes(fact), `${id}: fact ${fact} is not in its text`);
}

/** A story's whole text: title, description and what to look at. */
export const storyText = (preset) => [preset.title, preset.description, preset.look ?? ''].join(' ');
