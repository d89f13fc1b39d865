// Shared checks of the labs' stories (presets): the numbers a story's text states and the numbers
// its config holds, so each lab's story test can assert that every stated number is the config's
// or one of the story's `facts` (which its claims check).
import assert from 'node:assert/strict';

/** The numbers a text states: not a digit of a name (β1, L2), a section or an algorithm's number. */
export function statedNumbers(text) {
  const cited = /(?:Section|Algorithm|Theorem|Figure|Fig\.)\s+\d+(?:\.\d+)?/g;
  return [...text.replace(cited, '').matchAll(/(?<![\p{L}\d.])\d+(?:\.\d+)?/gu)].map((m) => Number(m[0]));
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
 * that every fact is stated in `text`. id names the story in the message.
 */
export function assertNumbersKnown(id, text, known, facts = []) {
  const allowed = new Set([...known, ...facts]);
  for (const n of statedNumbers(text)) {
    assert.ok(allowed.has(n), `${id}: ${n} is neither in its config nor among its facts`);
  }
  const stated = statedNumbers(text);
  for (const fact of facts) assert.ok(stated.includes(fact), `${id}: fact ${fact} is not in its text`);
}

/** A story's whole text: title, description and what to look at. */
export const storyText = (preset) => [preset.title, preset.description, preset.look ?? ''].join(' ');
